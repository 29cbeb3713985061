import { Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { routes, type VictimFileView, VssEpisodeCreate, type VssEpisodeView } from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BodyOf, call } from '../../../api/client';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { formatDate, todayIso } from '../../../components/format';
import { FormActions } from '../../../components/forms/FormActions';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
import { DateField, Empty, Section } from '../../../components/PageParts';
import { caseKeys, useRefreshCasework } from '../../cases/api';
import { partnerKeys } from '../api';

/**
 * Her support episodes with this service; opening one is the step before a joint case, and
 * closing it ends the joint case's meetings with it.
 */
export function SupportSection({
  file,
  canEdit,
  canClose,
}: {
  file: VictimFileView;
  canEdit: boolean;
  /** Closing her support episode. */
  canClose: boolean;
}) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const [opening, setOpening] = useState(false);
  const [closing, setClosing] = useState<VssEpisodeView | null>(null);
  return (
    <Section
      id="her-support"
      title={t('support.title')}
      description={t('support.description')}
      actions={
        canEdit &&
        !opening && (
          <Button
            size="xs"
            variant={file.episodes.some((e) => e.status === 'open') ? 'default' : 'filled'}
            onClick={() => setOpening(true)}
          >
            {t('support.open')}
          </Button>
        )
      }
    >
      {opening && <SupportForm file={file} onClose={() => setOpening(false)} />}
      {file.episodes.length === 0 ? (
        <Empty>{t('support.none')}</Empty>
      ) : (
        file.episodes.map((episode) => (
          <Paper key={episode.id} withBorder p="sm" radius="sm">
            <Group justify="space-between">
              <Text size="sm" fw={600}>
                {t('support.since', { date: formatDate(i18n.language, episode.intakeDate) })}
              </Text>
              <Group gap="xs">
                <Badge variant="light" color={episode.status === 'open' ? 'teal' : 'gray'}>
                  {t(`enums.caseStatus.${episode.status}`)}
                </Badge>
                {canClose && episode.status === 'open' && (
                  <Button size="compact-xs" variant="default" color="red" onClick={() => setClosing(episode)}>
                    {t('support.close')}
                  </Button>
                )}
              </Group>
            </Group>
            {episode.supportGiven && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {episode.supportGiven}
              </Text>
            )}
          </Paper>
        ))
      )}
      <CloseSupportModal file={file} episode={closing} onClose={() => setClosing(null)} />
    </Section>
  );
}

function CloseSupportModal({
  file,
  episode,
  onClose,
}: {
  file: VictimFileView;
  episode: VssEpisodeView | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const refresh = useRefreshCasework();
  const close = useMutation({
    mutationFn: (id: string) => call(routes.victim.closeSupport, { params: { id } }),
    onSuccess: () => {
      refresh(partnerKeys.victim(file.person.id), ...file.jointCases.map((c) => caseKeys.case(c.id)));
      notifications.show({ color: 'indigo', message: t('support.closed') });
      onClose();
    },
  });
  return (
    <ConfirmModal
      opened={episode !== null}
      title={t('support.closeTitle', {
        date: episode ? formatDate(i18n.language, episode.intakeDate) : '',
      })}
      confirmLabel={t('support.closeConfirm')}
      danger
      loading={close.isPending}
      error={close.error}
      onConfirm={() => episode && close.mutate(episode.id)}
      onClose={onClose}
    >
      {t('support.closeBody')}
    </ConfirmModal>
  );
}

function SupportForm({ file, onClose }: { file: VictimFileView; onClose: () => void }) {
  const { t } = useTranslation(CASEWORK_NS);
  const refresh = useRefreshCasework();
  const save = useMutation({
    mutationFn: (body: BodyOf<typeof routes.victim.openSupport>) => call(routes.victim.openSupport, { body }),
    onSuccess: () => {
      refresh(partnerKeys.victim(file.person.id));
      notifications.show({ color: 'teal', message: t('support.opened') });
      onClose();
    },
  });
  const form = useSchemaForm({
    schema: VssEpisodeCreate,
    initialValues: { personId: file.person.id, intakeDate: todayIso(), supportGiven: '' },
    onSubmit: (body) => save.mutateAsync(body),
  });
  return (
    <form onSubmit={form.submit} noValidate aria-label={t('support.open')}>
      <Stack gap="sm" mb="sm">
        <DateField
          label={t('support.intakeDate')}
          {...form.getInputProps('intakeDate')}
          max={todayIso()}
          required
        />
        <Textarea
          label={t('support.supportGiven')}
          description={t('support.supportGivenHint')}
          {...form.getInputProps('supportGiven')}
          autosize
          minRows={2}
        />
        <SchemaFormAlert form={form} />
        <FormActions onCancel={onClose} pending={save.isPending} submitLabel={t('support.submit')} />
      </Stack>
    </form>
  );
}
