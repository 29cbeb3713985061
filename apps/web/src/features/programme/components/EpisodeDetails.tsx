import { Button, Group, Modal, NativeSelect, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { PpEpisodeUpdate, type PpEpisodeView, PROGRAMME_TYPES, routes } from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BodyOf, call } from '../../../api/client';
import { useAgencyDirectory } from '../../../api/directory';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { formatDate } from '../../../components/format';
import { FormActions } from '../../../components/forms/FormActions';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
import { DateField, Facts, Section } from '../../../components/PageParts';
import { useStoreEpisode } from '../api';

/** His referral and the programme's details: intake, assessment, type, sessions, schedule. */
export function DetailsSection({ episode }: { episode: PpEpisodeView }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const directory = useAgencyDirectory();
  const [editing, setEditing] = useState(false);
  const lang = i18n.language;
  const order = episode.order;
  return (
    <Section
      id="episode-details"
      title={t('episode.details')}
      actions={
        episode.can.edit && (
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            {t('episode.editDetails')}
          </Button>
        )
      }
    >
      <Facts
        items={[
          [
            t('fields.dateOfBirth'),
            episode.person.dateOfBirth ? formatDate(lang, episode.person.dateOfBirth) : null,
          ],
          [t('fields.pathway'), t(`enums.pathway.${episode.pathway}`)],
          [
            t('referral.referringAgency'),
            episode.referringAgencyId ? directory.nameOf(episode.referringAgencyId) : null,
          ],
          [
            t('episode.order'),
            order
              ? [
                  t(`enums.orderKind.${order.kind}`),
                  order.reference,
                  order.startsOn || order.endsOn
                    ? `${formatDate(lang, order.startsOn)} – ${formatDate(lang, order.endsOn)}`
                    : null,
                ]
                  .filter(Boolean)
                  .join(' · ')
              : null,
          ],
          [t('referral.orderConditions'), order?.conditions ?? null],
          [t('fields.referralDate'), formatDate(lang, episode.referralDate)],
          [t('fields.intakeDate'), episode.intakeDate ? formatDate(lang, episode.intakeDate) : null],
          [
            t('fields.programmeType'),
            episode.programmeType ? t(`enums.programmeType.${episode.programmeType}`) : null,
          ],
          [t('fields.plannedSessions'), episode.plannedSessions],
          [
            t('fields.plannedEndDate'),
            episode.plannedEndDate ? formatDate(lang, episode.plannedEndDate) : null,
          ],
          [t('fields.schedule'), episode.schedule],
          [t('fields.assessment'), episode.assessment],
        ]}
      />
      <Modal
        opened={editing}
        onClose={() => setEditing(false)}
        title={t('episode.editDetails')}
        size="lg"
        centered
      >
        {editing && <DetailsForm episode={episode} onClose={() => setEditing(false)} />}
      </Modal>
    </Section>
  );
}

function DetailsForm({ episode, onClose }: { episode: PpEpisodeView; onClose: () => void }) {
  const { t } = useTranslation(CASEWORK_NS);
  const storeEpisode = useStoreEpisode();
  const save = useMutation({
    mutationFn: (body: BodyOf<typeof routes.programme.update>) =>
      call(routes.programme.update, { params: { id: episode.id }, body }),
    onSuccess: (updated) => {
      storeEpisode(updated);
      notifications.show({ color: 'teal', message: t('common.saved') });
      onClose();
    },
  });
  const form = useSchemaForm({
    schema: PpEpisodeUpdate,
    initialValues: {
      intakeDate: episode.intakeDate ?? '',
      assessment: episode.assessment ?? '',
      programmeType: episode.programmeType ?? '',
      plannedSessions: (episode.plannedSessions ?? '') as number | string,
      plannedEndDate: episode.plannedEndDate ?? '',
      schedule: episode.schedule ?? '',
    },
    onSubmit: (body) => save.mutateAsync(body),
  });
  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="sm">
        <DateField label={t('fields.intakeDate')} {...form.getInputProps('intakeDate')} />
        <Textarea
          label={t('fields.assessment')}
          description={t('fields.assessmentHint')}
          {...form.getInputProps('assessment')}
          autosize
          minRows={3}
        />
        <NativeSelect
          label={t('fields.programmeType')}
          {...form.getInputProps('programmeType')}
          data={[
            { value: '', label: t('common.notYetKnown') },
            ...PROGRAMME_TYPES.map((type) => ({ value: type, label: t(`enums.programmeType.${type}`) })),
          ]}
        />
        <Group align="flex-start">
          <NumberInput
            label={t('fields.plannedSessions')}
            {...form.getInputProps('plannedSessions')}
            min={1}
            max={500}
            allowDecimal={false}
            maw={200}
          />
          <DateField label={t('fields.plannedEndDate')} {...form.getInputProps('plannedEndDate')} />
        </Group>
        <TextInput
          label={t('fields.schedule')}
          description={t('fields.scheduleHint')}
          {...form.getInputProps('schedule')}
        />
        <SchemaFormAlert form={form} />
        <FormActions onCancel={onClose} pending={save.isPending} submitLabel={t('common.save')} />
      </Stack>
    </form>
  );
}
