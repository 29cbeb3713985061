import { Alert, Button, Group, Radio, Stack, Text, Textarea, Timeline } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  PP_TRANSITIONS,
  type PpEpisodeView,
  type PpStatus,
  routes,
  STATUSES_RAISING_DUTY,
  StatusChange,
} from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BodyOf, call } from '../../../api/client';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { formatDate, todayIso } from '../../../components/format';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
import { DateField, Section } from '../../../components/PageParts';
import { useConfirmation } from '../../../components/useConfirmation';
import { useRefreshCasework } from '../../cases/api';
import { useStoreEpisode } from '../api';
import { PpStatusBadge } from './PpStatusBadge';

/** A status the programme never leaves (completed, dropped out, excluded): asked before it is saved. */
export const isFinalStatus = (status: PpStatus) => PP_TRANSITIONS[status].length === 0;

/**
 * His release naming his partners, or saying why it names none, comes before he becomes active
 * (the server refuses otherwise, naming the field; this only says so before he tries).
 */
const enrolmentMet = (episode: PpEpisodeView) =>
  episode.release !== null && (episode.partners.length > 0 || Boolean(episode.release.noPartnersReason));

/** His status, the moves the programme allows from it, and its history. */
export function StatusSection({ episode }: { episode: PpEpisodeView }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const history = [...episode.statusHistory].reverse();

  return (
    <Section id="episode-status" title={t('status.title')}>
      <Group gap="xs">
        <Text>{t('status.current')}</Text>
        <PpStatusBadge status={episode.status} />
      </Group>
      {episode.can.changeStatus ? (
        <StatusForm episode={episode} />
      ) : (
        isFinalStatus(episode.status) && (
          <Text size="sm" c="dimmed">
            {t('status.final')}
          </Text>
        )
      )}
      <Text fw={600} size="sm" mt="xs">
        {t('status.history')}
      </Text>
      <Timeline active={history.length} bulletSize={14} lineWidth={2}>
        {history.map((change) => (
          <Timeline.Item
            key={`${change.date}-${change.from}-${change.to}`}
            title={
              change.from
                ? t('status.changeFromTo', {
                    from: t(`enums.ppStatus.${change.from}`),
                    to: t(`enums.ppStatus.${change.to}`),
                  })
                : t(`enums.ppStatus.${change.to}`)
            }
          >
            <Text size="xs" c="dimmed">
              {t('status.changedBy', {
                date: formatDate(i18n.language, change.date),
                name: change.changedBy,
              })}
            </Text>
            {change.reason && <Text size="sm">{change.reason}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </Section>
  );
}

function StatusForm({ episode }: { episode: PpEpisodeView }) {
  const { t } = useTranslation(CASEWORK_NS);
  const storeEpisode = useStoreEpisode();
  const refresh = useRefreshCasework();
  const confirmation = useConfirmation();
  const [finalChoice, setFinalChoice] = useState<PpStatus | null>(null);
  const next = PP_TRANSITIONS[episode.status];
  const save = useMutation({
    mutationFn: (body: BodyOf<typeof routes.programme.changeStatus>) =>
      call(routes.programme.changeStatus, { params: { id: episode.id }, body }),
    onSuccess: (updated) => {
      storeEpisode(updated);
      refresh();
      const status = t(`enums.ppStatus.${updated.status}`);
      notifications.show({
        color: 'teal',
        message: STATUSES_RAISING_DUTY.includes(updated.status)
          ? t('status.savedWithDuty', { status })
          : t('status.saved', { status }),
      });
    },
  });
  const form = useSchemaForm({
    schema: StatusChange,
    initialValues: { to: '' as PpStatus | '', date: todayIso(), reason: '' },
    onSubmit: async (body) => {
      // Completed, dropped out and excluded end the programme for good: asked once more.
      if (isFinalStatus(body.to)) {
        setFinalChoice(body.to);
        if (!(await confirmation.ask())) return;
      }
      await save.mutateAsync(body);
      form.setValues({ to: '', reason: '' });
    },
  });
  const to = form.values.to;
  const raisesDuty = to !== '' && STATUSES_RAISING_DUTY.includes(to);
  const finalStatus = finalChoice ? t(`enums.ppStatus.${finalChoice}`) : '';

  return (
    <form onSubmit={form.submit} noValidate aria-label={t('status.formLabel')}>
      <Stack gap="sm">
        <Radio.Group
          label={t('status.moveTo')}
          description={t('status.moveToHint')}
          {...form.getInputProps('to')}
          required
        >
          <Group mt="xs" gap="md">
            {next.map((status) => (
              <Radio key={status} value={status} label={t(`enums.ppStatus.${status}`)} />
            ))}
          </Group>
        </Radio.Group>
        {raisesDuty && (
          <Alert color="orange" variant="light" p="xs">
            {t('status.dutyWarning')}
          </Alert>
        )}
        {form.values.to === 'active' && !enrolmentMet(episode) && (
          <Alert color="yellow" variant="light" p="xs" role="status">
            {t('status.enrolmentCondition')}
          </Alert>
        )}
        <DateField label={t('status.date')} {...form.getInputProps('date')} max={todayIso()} required />
        <Textarea
          label={t('status.reason')}
          description={raisesDuty ? t('status.reasonDutyHint') : undefined}
          {...form.getInputProps('reason')}
          autosize
          minRows={2}
        />
        <SchemaFormAlert form={form} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('status.submit')}
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirmation.opened}
        title={t('status.confirmFinal.title', { status: finalStatus })}
        confirmLabel={t('status.confirmFinal.confirm', { status: finalStatus })}
        danger
        onConfirm={confirmation.confirm}
        onClose={confirmation.cancel}
      >
        {t('status.confirmFinal.body', { status: finalStatus })}
      </ConfirmModal>
    </form>
  );
}
