import {
  Button,
  Card,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type JointCaseView, MeetingCreate, type SessionView } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MEETINGS_NS } from '../../../app/i18n/namespaces';
import { DateTimeField } from '../../../components/DateTimeField';
import { HerDetailsDialog, useHerDetailsCheck } from '../../../components/forms/herDetails';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { blankToUndefined, useSchemaForm } from '../../../components/forms/useSchemaForm';
import { seenDescription } from '../../../components/SeenByProgramme';
import { useCallMeeting } from '../api';
import { formatDay } from './parts';

/** The next full hour, as the value of a datetime-local input. */
function nextHour(now = new Date()): string {
  const next = new Date(now.getTime() + 60 * 60_000);
  next.setMinutes(0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${next.getFullYear()}-${pad(next.getMonth() + 1)}-${pad(next.getDate())}T${pad(next.getHours())}:00`;
}

/** A datetime-local value (the browser's own time) as an instant; what is not a time stays as it is. */
function localToIso(value: string): string {
  const at = new Date(value);
  return value && !Number.isNaN(at.getTime()) ? at.toISOString() : value;
}

/**
 * An extraordinary meeting, typically after a critical event: in person or at a distance, soon.
 * The latest critical event of the case is offered as its reason. The place is joint text: the
 * programme reads it as written.
 */
export function CallMeetingForm({ jointCase, session }: { jointCase: JointCaseView; session: SessionView }) {
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const navigate = useNavigate();
  const call = useCallMeeting(jointCase.id);
  const herDetails = useHerDetailsCheck();
  const events = [...jointCase.events].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn));
  const form = useSchemaForm({
    schema: MeetingCreate,
    initialValues: {
      kind: 'extraordinary' as const,
      mode: 'remote' as 'in_person' | 'remote',
      scheduledFor: nextHour(),
      durationMinutes: '60',
      place: '',
      triggerEventId: events[0]?.id ?? '',
    },
    toInput: ({ scheduledFor, durationMinutes, place, mode, ...rest }) =>
      blankToUndefined({
        ...rest,
        mode,
        scheduledFor: localToIso(scheduledFor),
        durationMinutes: Number(durationMinutes),
        // A place only for a meeting in person.
        place: mode === 'in_person' ? place : '',
      }),
    onSubmit: async (body) => {
      const meeting = await herDetails.send((confirmHerDetails) =>
        call.mutateAsync({ ...body, confirmHerDetails }),
      );
      notifications.show({ color: 'teal', message: t('call.called') });
      navigate(`/meetings/${meeting.id}`);
    },
  });
  const mode = form.values.mode;

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="call-meeting">
      <form onSubmit={form.submit} noValidate aria-labelledby="call-meeting">
        <Stack gap="sm">
          <div>
            <Title order={2} size="h4" id="call-meeting">
              {t('call.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('call.description')}
            </Text>
          </div>
          <Group gap="lg" align="flex-end">
            <DateTimeField label={t('call.when')} {...form.getInputProps('scheduledFor')} required />
            <Stack gap={4}>
              <Text size="sm" fw={700} id="call-mode">
                {t('call.mode')}
              </Text>
              <SegmentedControl
                aria-labelledby="call-mode"
                {...form.getInputProps('mode')}
                data={[
                  { value: 'remote', label: t('mode.remote') },
                  { value: 'in_person', label: t('mode.in_person') },
                ]}
              />
            </Stack>
            <NativeSelect
              label={t('call.duration')}
              {...form.getInputProps('durationMinutes')}
              data={['30', '45', '60', '90', '120'].map((minutes) => ({
                value: minutes,
                label: t('meeting.duration', { count: Number(minutes) }),
              }))}
              w={140}
            />
            {mode === 'in_person' && (
              <TextInput
                label={t('call.place')}
                description={seenDescription()}
                {...form.getInputProps('place')}
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
              {...form.getInputProps('triggerEventId')}
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
              maw={480}
            />
          )}
          <SchemaFormAlert form={form} />
          <Group justify="flex-end">
            <Button type="submit" loading={call.isPending} disabled={!session.abilities.casework}>
              {t('call.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <HerDetailsDialog check={herDetails} labels={{ place: t('call.place') }} />
    </Card>
  );
}
