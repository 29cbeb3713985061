import { Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type VictimFileView, VssEpisodeCreate, type VssEpisodeView } from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { keys, useRefreshCasework } from '../../../casework/api';
import { DateField, Empty, Section } from '../../../casework/components';
import { formatDate, optional, todayIso } from '../../../casework/format';
import { useFormErrors } from '../../../casework/forms';
import { CASEWORK_NS } from '../../../casework/i18n';
import { FormAlert } from '../../../components/FormAlert';

/** Her support episodes with this service; opening one is the step before a joint case. */
export function SupportSection({ file, canEdit }: { file: VictimFileView; canEdit: boolean }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const [opening, setOpening] = useState(false);
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
              <Badge variant="light" color={episode.status === 'open' ? 'teal' : 'gray'}>
                {t(`enums.caseStatus.${episode.status}`)}
              </Badge>
            </Group>
            {episode.supportGiven && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {episode.supportGiven}
              </Text>
            )}
          </Paper>
        ))
      )}
    </Section>
  );
}

function SupportForm({ file, onClose }: { file: VictimFileView; onClose: () => void }) {
  const { t } = useTranslation(CASEWORK_NS);
  const refresh = useRefreshCasework();
  const [intakeDate, setIntakeDate] = useState(todayIso());
  const [supportGiven, setSupportGiven] = useState('');
  const save = useMutation({
    mutationFn: (body: unknown) => api.post<VssEpisodeView>('/api/vss-episodes', body),
    onSuccess: () => {
      refresh(keys.victim(file.person.id));
      notifications.show({ color: 'teal', message: t('support.opened') });
      onClose();
    },
  });
  const form = useFormErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(VssEpisodeCreate, {
      personId: file.person.id,
      intakeDate,
      supportGiven: optional(supportGiven),
    });
    if (body) save.mutate(body);
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('support.open')}>
      <Stack gap="sm" mb="sm">
        <DateField
          label={t('support.intakeDate')}
          value={intakeDate}
          onChange={setIntakeDate}
          error={form.errorAt('intakeDate')}
          max={todayIso()}
          required
        />
        <Textarea
          label={t('support.supportGiven')}
          description={t('support.supportGivenHint')}
          value={supportGiven}
          onChange={(e) => setSupportGiven(e.currentTarget.value)}
          error={form.errorAt('supportGiven')}
          autosize
          minRows={2}
        />
        <FormAlert error={save.error} shownFields={['intakeDate', 'supportGiven', 'personId']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('support.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
