import { Alert, Anchor, Badge, Button, Chip, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DutyClose, DutyDone, type DutyView, routes } from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type BodyOf, call } from '../../../api/client';
import { formatDateTime } from '../../../app/i18n/labels';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { formatDate, todayIso } from '../../../components/format';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
import { DateField } from '../../../components/PageParts';
import { caseKeys, useRefreshCasework } from '../../cases/api';
import { partnerKeys } from '../../partners/api';

/**
 * One duty to inform her: why, by when, and how she can be reached safely — her safe channel,
 * when it is safe, whether a message may be left, the code word — for the worker who will
 * contact her. Marking it done or closing it (with the reason) happens here, in place, where
 * the duty says this user may (`duty.can.resolve`).
 */
export function DutyItem({ duty }: { duty: DutyView }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const [mode, setMode] = useState<'idle' | 'done' | 'close'>('idle');
  const open = duty.state === 'open';
  const canResolve = duty.can.resolve;
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
        <ContactHints duty={duty} />
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

/** What she said about being contacted: when it is safe, a message or not, the code word. */
function ContactHints({ duty }: { duty: DutyView }) {
  const { t } = useTranslation(CASEWORK_NS);
  const hints: { label: string; value: string; warn?: boolean }[] = [];
  if (duty.safeTimes) hints.push({ label: t('duties.safeTimes'), value: duty.safeTimes });
  if (duty.mayLeaveMessage !== undefined)
    hints.push({
      label: t('duties.message'),
      value: duty.mayLeaveMessage ? t('duties.messageAllowed') : t('duties.noMessage'),
      warn: !duty.mayLeaveMessage,
    });
  if (duty.codeWord) hints.push({ label: t('duties.codeWord'), value: duty.codeWord });
  if (hints.length === 0) return null;
  return (
    <Group gap="lg" wrap="wrap" data-testid="duty-contact-hints">
      {hints.map((hint) => (
        <Text key={hint.label} size="sm" c={hint.warn ? 'red.8' : undefined}>
          <strong>{hint.label}:</strong> {hint.value}
        </Text>
      ))}
    </Group>
  );
}

function DoneForm({ duty, onCancel }: { duty: DutyView; onCancel: () => void }) {
  const { t } = useTranslation(CASEWORK_NS);
  const refresh = useRefreshCasework();
  const save = useMutation({
    mutationFn: (body: BodyOf<typeof routes.duties.done>) =>
      call(routes.duties.done, { params: { id: duty.id }, body }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('duties.doneSaved', { name: duty.partnerName }) });
      refresh(
        partnerKeys.victim(duty.partnerPersonId),
        ...(duty.jointCaseId ? [caseKeys.case(duty.jointCaseId)] : []),
      );
    },
  });
  const form = useSchemaForm({
    schema: DutyDone,
    initialValues: { doneOn: todayIso(), how: '' },
    onSubmit: (body) => save.mutateAsync(body),
  });
  return (
    <form
      onSubmit={form.submit}
      noValidate
      aria-label={t('duties.doneFormLabel', { name: duty.partnerName })}
    >
      <Stack gap="xs" mt={4}>
        <DateField label={t('duties.doneOn')} {...form.getInputProps('doneOn')} max={todayIso()} required />
        <Textarea
          label={t('duties.how')}
          description={t('duties.howHint')}
          {...form.getInputProps('how')}
          required
          autosize
          minRows={2}
        />
        <SchemaFormAlert form={form} />
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
  const save = useMutation({
    mutationFn: (body: BodyOf<typeof routes.duties.close>) =>
      call(routes.duties.close, { params: { id: duty.id }, body }),
    onSuccess: () => {
      notifications.show({ color: 'indigo', message: t('duties.closedSaved', { name: duty.partnerName }) });
      refresh(
        partnerKeys.victim(duty.partnerPersonId),
        ...(duty.jointCaseId ? [caseKeys.case(duty.jointCaseId)] : []),
      );
    },
  });
  const form = useSchemaForm({
    schema: DutyClose,
    initialValues: { reason: '' },
    onSubmit: (body) => save.mutateAsync(body),
  });
  const reason = form.values.reason;
  return (
    <form
      onSubmit={form.submit}
      noValidate
      aria-label={t('duties.closeFormLabel', { name: duty.partnerName })}
    >
      <Stack gap="xs" mt={4}>
        <Group gap={6}>
          {QUICK_REASONS.map((key) => (
            <Chip
              key={key}
              size="xs"
              checked={reason === t(`duties.quickReasons.${key}`)}
              onChange={() => form.setFieldValue('reason', t(`duties.quickReasons.${key}`))}
            >
              {t(`duties.quickReasons.${key}`)}
            </Chip>
          ))}
        </Group>
        <Textarea
          label={t('duties.closeReason')}
          description={t('duties.closeReasonHint')}
          {...form.getInputProps('reason')}
          required
          autosize
          minRows={2}
        />
        <SchemaFormAlert form={form} />
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
