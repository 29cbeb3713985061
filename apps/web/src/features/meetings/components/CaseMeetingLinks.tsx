import { Badge, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MEETINGS_NS } from '../../../app/i18n/namespaces';
import { useActions, useCaseMeetings } from '../api';
import { formatInZone } from './meetingTime';
import { casePagePath } from './parts';

/** On the joint case page: the next meeting, and the case's meetings, action plan and children. */
export function CaseMeetingLinks({ jointCaseId }: { jointCaseId: string }) {
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const meetings = useCaseMeetings(jointCaseId);
  const actions = useActions(jointCaseId);
  const next = meetings.data
    ?.filter((meeting) => meeting.status === 'planned')
    .sort((a, b) => a.scheduledFor.localeCompare(b.scheduledFor))[0];
  const overdue = (actions.data ?? []).filter((action) => action.overdue).length;
  // An extraordinary meeting the system proposed waits for the case managers' decision.
  const proposed = meetings.data?.find((meeting) => meeting.status === 'proposed');

  return (
    <Group gap="sm" component="nav" aria-label={t('frame.nav')}>
      {proposed && (
        <Button component={Link} to={`/meetings/${proposed.id}`} color="orange">
          {t('links.proposedMeeting')}
        </Button>
      )}
      {next && (
        <Button component={Link} to={`/meetings/${next.id}`}>
          {t('links.nextMeeting', { when: formatInZone(i18n.language, next.scheduledFor, next.timeZone) })}
        </Button>
      )}
      <Button component={Link} to={casePagePath(jointCaseId, 'meetings')} variant="light">
        {t('frame.meetings')}
      </Button>
      <Button
        component={Link}
        to={casePagePath(jointCaseId, 'actions')}
        variant="light"
        rightSection={
          overdue > 0 ? (
            <Badge color="red" variant="filled" size="sm">
              {t('links.overdue', { count: overdue })}
            </Badge>
          ) : undefined
        }
      >
        {t('frame.actions')}
      </Button>
      <Button component={Link} to={casePagePath(jointCaseId, 'children')} variant="light">
        {t('frame.children')}
      </Button>
      {!next && meetings.data && (
        <Text size="sm" c="dimmed">
          {t('links.noMeeting')}
        </Text>
      )}
    </Group>
  );
}
