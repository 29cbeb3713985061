import {
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { JointCaseView, SessionView } from '@tandem/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../../auth/session';
import { Loading } from '../../casework/components';
import { FormAlert } from '../../components/FormAlert';
import { useCallMeeting, useCaseMeetings, useJointCaseView } from '../../meetings/api';
import {
  CaseMeetingFrame,
  formatDateTime,
  formatDay,
  MeetingBadges,
  serverFields,
} from '../../meetings/components';
import { MEETINGS_NS } from '../../meetings/i18n';

/** The meetings of a joint case — planned automatically — and the way to call an extraordinary one. */
export function CaseMeetingsPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const session = useSession().data;
  const meetings = useCaseMeetings(id);
  const jointCase = useJointCaseView(id);
  const mayCall =
    Boolean(
      session?.user.roles.some((role) =>
        ['pp_case_manager', 'vss_case_manager', 'partner_contact_worker'].includes(role),
      ),
    ) && jointCase.data?.status === 'open';
  const now = Date.now();

  return (
    <CaseMeetingFrame
      jointCaseId={id}
      active="meetings"
      title={(caseNumber) => t('list.title', { case: caseNumber })}
    >
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="meetings-list">
        <Title order={2} size="h4" id="meetings-list">
          {t('list.heading')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('list.description')}
        </Text>
        <Loading query={meetings}>
          {(meetings.data ?? []).length === 0 ? (
            <Text size="sm" c="dimmed" fs="italic">
              {t('list.empty')}
            </Text>
          ) : (
            <Table verticalSpacing="xs" aria-labelledby="meetings-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('list.when')}</Table.Th>
                  <Table.Th>{t('list.what')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...(meetings.data ?? [])]
                  .sort((a, b) => b.scheduledFor.localeCompare(a.scheduledFor))
                  .map((meeting) => (
                    <Table.Tr
                      key={meeting.id}
                      style={{
                        background:
                          meeting.status === 'planned' &&
                          new Date(meeting.scheduledFor).getTime() < now + 7 * 86_400_000
                            ? 'var(--mantine-color-indigo-0)'
                            : undefined,
                      }}
                    >
                      <Table.Td>
                        <Anchor component={Link} to={`/meetings/${meeting.id}`} fw={600}>
                          {formatDateTime(i18n.language, meeting.scheduledFor)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <MeetingBadges meeting={meeting} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          )}
        </Loading>
      </Card>
      {session && mayCall && jointCase.data && (
        <CallMeetingForm jointCase={jointCase.data} session={session} />
      )}
    </CaseMeetingFrame>
  );
}

/** The next full hour, as the value of a datetime-local input. */
function nextHour(now = new Date()): string {
  const next = new Date(now.getTime() + 60 * 60_000);
  next.setMinutes(0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${next.getFullYear()}-${pad(next.getMonth() + 1)}-${pad(next.getDate())}T${pad(next.getHours())}:00`;
}

/**
 * An extraordinary meeting, typically after a critical event: in person or at a distance, soon.
 * The latest critical event of the case is offered as its reason.
 */
function CallMeetingForm({ jointCase, session }: { jointCase: JointCaseView; session: SessionView }) {
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const navigate = useNavigate();
  const call = useCallMeeting(jointCase.id);
  const events = [...jointCase.events].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn));
  const [when, setWhen] = useState(nextHour);
  const [mode, setMode] = useState<'in_person' | 'remote'>('remote');
  const [duration, setDuration] = useState('60');
  const [place, setPlace] = useState('');
  const [eventId, setEventId] = useState(events[0]?.id ?? '');
  const [whenError, setWhenError] = useState<string | null>(null);
  const server = serverFields(call.error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const at = new Date(when);
    if (!when || Number.isNaN(at.getTime())) {
      setWhenError(t('call.errors.when'));
      return;
    }
    setWhenError(null);
    try {
      const meeting = await call.mutateAsync({
        kind: 'extraordinary',
        mode,
        scheduledFor: at.toISOString(),
        durationMinutes: Number(duration),
        ...(mode === 'in_person' && place.trim() && { place: place.trim() }),
        ...(eventId && { triggerEventId: eventId }),
      });
      notifications.show({ color: 'teal', message: t('call.called') });
      navigate(`/meetings/${meeting.id}`);
    } catch {
      // shown by the alert
    }
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="call-meeting">
      <form onSubmit={submit} noValidate aria-labelledby="call-meeting">
        <Stack gap="sm">
          <div>
            <Title order={2} size="h4" id="call-meeting">
              {t('call.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('call.description')}
            </Text>
          </div>
          <FormAlert error={call.error} shownFields={['scheduledFor', 'place', 'triggerEventId']} />
          <Group gap="lg" align="flex-end">
            <TextInput
              type="datetime-local"
              label={t('call.when')}
              value={when}
              onChange={(event) => setWhen(event.currentTarget.value)}
              error={whenError ?? server.scheduledFor}
              required
              w={230}
            />
            <Stack gap={4}>
              <Text size="sm" fw={700} id="call-mode">
                {t('call.mode')}
              </Text>
              <SegmentedControl
                aria-labelledby="call-mode"
                value={mode}
                onChange={(value) => setMode(value as 'in_person' | 'remote')}
                data={[
                  { value: 'remote', label: t('mode.remote') },
                  { value: 'in_person', label: t('mode.in_person') },
                ]}
              />
            </Stack>
            <NativeSelect
              label={t('call.duration')}
              value={duration}
              onChange={(event) => setDuration(event.currentTarget.value)}
              data={['30', '45', '60', '90', '120'].map((minutes) => ({
                value: minutes,
                label: t('meeting.duration', { count: Number(minutes) }),
              }))}
              w={140}
            />
            {mode === 'in_person' && (
              <TextInput
                label={t('call.place')}
                value={place}
                onChange={(event) => setPlace(event.currentTarget.value)}
                error={server.place}
                maxLength={500}
                w={260}
              />
            )}
          </Group>
          {mode === 'remote' && (
            <Text size="xs" c="dimmed">
              {t('call.remoteHint')}
            </Text>
          )}
          {events.length > 0 && (
            <NativeSelect
              label={t('call.event')}
              value={eventId}
              onChange={(event) => setEventId(event.currentTarget.value)}
              data={[
                { value: '', label: t('call.noEvent') },
                ...events.map((critical) => ({
                  value: critical.id,
                  label: `${formatDay(i18n.language, critical.occurredOn)} — ${t(
                    `eventKind.${critical.kind}`,
                    {
                      defaultValue: critical.kind,
                    },
                  )}`,
                })),
              ]}
              error={server.triggerEventId}
              maw={480}
            />
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={call.isPending} disabled={!session.abilities.casework}>
              {t('call.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
