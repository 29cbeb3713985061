import { Anchor, Button, Group, Text } from '@mantine/core';
import { type MeetingView, routes } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { routeHref } from '../../../../api/client';
import { MEETINGS_NS } from '../../../../app/i18n/namespaces';
import { PageTitle } from '../../../../components/PageTitle';
import { SeenByProgramme } from '../../../../components/SeenByProgramme';
import { formatInZone } from '../meetingTime';
import { MeetingBadges } from '../parts';

/**
 * The meeting's title, when it is planned and (once closed) when it was held, in its zone, its
 * place, and the calendar entry.
 */
export function MeetingHeader({
  meeting,
  placeSeen,
  onRefresh,
}: {
  meeting: MeetingView;
  placeSeen: boolean;
  onRefresh: () => void;
}) {
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const title = t('meeting.title', { case: meeting.caseNumber });
  const planned = meeting.status === 'planned';
  return (
    <div>
      <Group gap="md">
        <Anchor component={Link} to={`/cases/${meeting.jointCaseId}`} size="sm">
          {t('frame.backToCase', { case: meeting.caseNumber })}
        </Anchor>
        <Anchor component={Link} to={`/joint-cases/${meeting.jointCaseId}/meetings`} size="sm">
          {t('meeting.allMeetings')}
        </Anchor>
      </Group>
      <Group justify="space-between" align="flex-start" gap="sm">
        <div>
          <PageTitle documentTitle={title}>{title}</PageTitle>
          <Group gap="sm" mt={-8}>
            <MeetingBadges meeting={meeting} />
            <Text size="sm" fw={600}>
              {formatInZone(i18n.language, meeting.scheduledFor, meeting.timeZone)}
            </Text>
            <Text size="sm" c="dimmed">
              {t('meeting.duration', { count: meeting.durationMinutes })}
            </Text>
          </Group>
          {meeting.heldAt && (
            <Text size="sm" mt={4} data-testid="meeting-held">
              {t('meeting.heldAt', { date: formatInZone(i18n.language, meeting.heldAt, meeting.timeZone) })}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt={2}>
            {t('meeting.zone', { zone: meeting.timeZone })}
          </Text>
          {meeting.mode === 'in_person' && meeting.place && (
            <Group gap="xs" mt={4}>
              <Text size="sm">{t('meeting.place', { place: meeting.place })}</Text>
              {placeSeen && <SeenByProgramme />}
            </Group>
          )}
        </div>
        <Group gap="xs">
          {planned && (
            <Button variant="subtle" onClick={onRefresh}>
              {t('meeting.refresh')}
            </Button>
          )}
          <Button
            component="a"
            href={routeHref(routes.meetings.calendar, { params: { id: meeting.id } })}
            download
            variant="default"
          >
            {t('meeting.ics')}
          </Button>
        </Group>
      </Group>
    </div>
  );
}
