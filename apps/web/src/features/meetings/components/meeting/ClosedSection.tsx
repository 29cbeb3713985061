import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { type MeetingView, routes } from '@tandem/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { routeHref } from '../../../../api/client';
import { MEETINGS_NS } from '../../../../app/i18n/namespaces';
import { SeenByProgramme } from '../../../../components/SeenByProgramme';
import { useCaseMeetings } from '../../api';
import type { JointMeetingField } from '../agenda/context';
import { formatInZone } from '../meetingTime';
import { pdfLanguage } from '../parts';

/** The record of a closed meeting — when it was held, who came, what was decided —, its PDF, the next meeting. */
export function ClosedSection({
  meeting,
  seen,
}: {
  meeting: MeetingView;
  seen: (field: JointMeetingField) => boolean;
}) {
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const meetings = useCaseMeetings(meeting.jointCaseId);
  const zone = meeting.timeZone;
  const next = meetings.data?.find(
    (candidate) => candidate.status === 'planned' && candidate.id !== meeting.id,
  );
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="minutes-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4" id="minutes-title">
              {t('closed.title')}
            </Title>
            {meeting.heldAt && (
              <Text size="sm" fw={600} data-testid="meeting-held-at">
                {t('closed.heldAt', { date: formatInZone(i18n.language, meeting.heldAt, zone) })}
              </Text>
            )}
            <Text size="sm" c="dimmed">
              {t('closed.closedAt', { date: formatInZone(i18n.language, meeting.closedAt, zone) })}
            </Text>
          </div>
          <Button
            component="a"
            href={routeHref(routes.meetings.minutesPdf, {
              params: { id: meeting.id },
              query: { lang: pdfLanguage(i18n.language) },
            })}
            download
          >
            {t('closed.pdf')}
          </Button>
        </Group>
        <Text size="sm">
          <strong>{t('closed.attendance')}</strong>{' '}
          {meeting.attendance.map((person) => person.name).join(', ') || '—'}
        </Text>
        <JointText label={t('closed.decisions')} seen={seen('decisions') && Boolean(meeting.decisions)}>
          {meeting.decisions ?? '—'}
        </JointText>
        <JointText label={t('closed.minutes')} seen={seen('minutes') && Boolean(meeting.minutes)}>
          {meeting.minutes ?? '—'}
        </JointText>
        {next && (
          <Text size="sm">
            {t('closed.next')}{' '}
            <Anchor component={Link} to={`/meetings/${next.id}`}>
              {formatInZone(i18n.language, next.scheduledFor, next.timeZone)}
            </Anchor>
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function JointText({ label, seen, children }: { label: string; seen: boolean; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Text size="sm" fw={700}>
          {label}
        </Text>
        {seen && <SeenByProgramme />}
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </Stack>
  );
}
