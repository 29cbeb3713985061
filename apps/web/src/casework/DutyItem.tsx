import { Alert, Anchor, Badge, Button, Chip, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DutyClose, DutyDone, type DutyView } from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { FormAlert } from '../components/FormAlert';
import { formatDateTime } from '../i18n/labels';
import { keys, useRefreshCasework } from './api';
import { DateField } from './components';
import { formatDate, todayIso } from './format';
import { useFormErrors } from './forms';
import { CASEWORK_NS } from './i18n';

/**
 * One duty to inform her: why, by when, and how she can be reached safely. Marking it done or
 * closing it (with the reason) happens here, in place.
 */
export function DutyItem({ duty, canResolve }: { duty: DutyView; canResolve: boolean }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const [mode, setMode] = useState<'idle' | 'done' | 'close'>('idle');
  const open = duty.state === 'open';
  const headingId = `duty-${duty.id}`;

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="article"
      aria-labelledby={headingId}
      data-testid="duty"
      style={duty.overdue ? { borderColor: 'var(--mantine-color-red-7)', borderWidth: 2 } : undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div>
            <Text fw={700} id={headingId}>
              {t('duties.inform', { name: duty.partnerName })}
            </Text>
            <Text size="sm">{t(`enums.dutyTrigger.${duty.trigger}`)}</Text>
            {duty.reason && (
              <Text size="sm" c="dimmed">
                {t('duties.reason', { reason: duty.reason })}
              </Text>
            )}
          </div>
          <Group gap={6}>
            {duty.overdue && (
              <Badge color="red" variant="filled">
                {t('duties.overdue')}
              </Badge>
            )}
            {!open && (
              <Badge color={duty.state === 'done' ? 'teal' : 'gray'} variant="light">
                {t(`enums.dutyState.${duty.state}`)}
              </Badge>
            )}
          </Group>
        </Group>

        <Group gap="lg" wrap="wrap">
          <Text size="sm">
            <strong>{t('duties.safeChannel')}:</strong>{' '}
            {duty.safeChannel
              ? t(`enums.channel.${duty.safeChannel}`, { defaultValue: duty.safeChannel })
              : t('duties.notRecorded')}
          </Text>
          <Text size="sm" c={duty.overdue ? 'red.8' : undefined}>
            <strong>{t('duties.due')}:</strong> {formatDateTime(i18n.language, duty.dueAt)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('duties.raised', { date: formatDateTime(i18n.language, duty.raisedAt) })}
          </Text>
        </Group>
        {!duty.safeChannel && open && (
          <Alert color="yellow" variant="light" p="xs">
            {t('duties.noSafeChannel')}
          </Alert>
        )}
        {duty.state === 'done' && (
          <Text size="sm">
            {t('duties.doneHow', { date: formatDate(i18n.language, duty.doneOn), how: duty.doneHow })}
          </Text>
        )}
        {duty.state === 'closed' && (
          <Text size="sm">{t('duties.closedWhy', { reason: duty.closedReason })}</Text>
        )}

        <Group gap="sm">
          <Anchor component={Link} to={`/victims/${duty.partnerPersonId}`} size="sm">
            {t('duties.openHerFile', { name: duty.partnerName })}
          </Anchor>
          {duty.jointCaseId && (
            <Anchor component={Link} to={`/cases/${duty.jointCaseId}`} size="sm">
              {t('duties.openCase')}
            </Anchor>
          )}
        </Group>

        {open && canResolve && mode === 'idle' && (
          <Group gap="sm" mt={4}>
            <Button size="xs" onClick={() => setMode('done')}>
              {t('duties.markDone')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setMode('close')}>
              {t('duties.closeWithout')}
            </Button>
          </Group>
        )}
        {open && mode === 'done' && <DoneForm duty={duty} onCancel={() => setMode('idle')} />}
        {open && mode === 'close' && <CloseForm duty={duty} onCancel={() => setMode('idle')} />}
      </Stack>
    </Paper>
  );
}

function DoneForm({ duty, onCancel }: { duty: DutyView; onCancel: () => void }) {
  const { t } = useTranslation(CASEWORK_NS);
  const refresh = useRefreshCasework();
  const [doneOn, setDoneOn] = useState(todayIso());
  const [how, setHow] = useState('');
  const save = useMutation({
    mutationFn: (body: unknown) => api.post<DutyView>(`/api/duties/${duty.id}/done`, body),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('duties.doneSaved', { name: duty.partnerName }) });
      refresh(
        keys.victim(duty.partnerPersonId),
        ...(duty.jointCaseId ? [keys.jointCase(duty.jointCaseId)] : []),
      );
    },
  });
  const form = useFormErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(DutyDone, { doneOn, how });
    if (body) save.mutate(body);
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('duties.doneFormLabel', { name: duty.partnerName })}>
      <Stack gap="xs" mt={4}>
        <DateField
          label={t('duties.doneOn')}
          value={doneOn}
          onChange={setDoneOn}
          error={form.errorAt('doneOn')}
          max={todayIso()}
          required
        />
        <Textarea
          label={t('duties.how')}
          description={t('duties.howHint')}
          value={how}
          onChange={(e) => setHow(e.currentTarget.value)}
          error={form.errorAt('how')}
          required
          autosize
          minRows={2}
        />
        <FormAlert error={save.error} shownFields={['doneOn', 'how']} />
        <Group gap="sm">
          <Button type="submit" size="xs" loading={save.isPending}>
            {t('duties.saveDone')}
          </Button>
          <Button size="xs" variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const QUICK_REASONS = ['noContactWanted', 'declinedPartnerContact', 'alreadyInformed'] as const;

function CloseForm({ duty, onCancel }: { duty: DutyView; onCancel: () => void }) {
  const { t } = useTranslation(CASEWORK_NS);
  const refresh = useRefreshCasework();
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: (body: unknown) => api.post<DutyView>(`/api/duties/${duty.id}/close`, body),
    onSuccess: () => {
      notifications.show({ color: 'indigo', message: t('duties.closedSaved', { name: duty.partnerName }) });
      refresh(
        keys.victim(duty.partnerPersonId),
        ...(duty.jointCaseId ? [keys.jointCase(duty.jointCaseId)] : []),
      );
    },
  });
  const form = useFormErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(DutyClose, { reason });
    if (body) save.mutate(body);
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('duties.closeFormLabel', { name: duty.partnerName })}>
      <Stack gap="xs" mt={4}>
        <Group gap={6}>
          {QUICK_REASONS.map((key) => (
            <Chip
              key={key}
              size="xs"
              checked={reason === t(`duties.quickReasons.${key}`)}
              onChange={() => setReason(t(`duties.quickReasons.${key}`))}
            >
              {t(`duties.quickReasons.${key}`)}
            </Chip>
          ))}
        </Group>
        <Textarea
          label={t('duties.closeReason')}
          description={t('duties.closeReasonHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={form.errorAt('reason')}
          required
          autosize
          minRows={2}
        />
        <FormAlert error={save.error} shownFields={['reason']} />
        <Group gap="sm">
          <Button type="submit" size="xs" loading={save.isPending}>
            {t('duties.saveClose')}
          </Button>
          <Button size="xs" variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
