import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ContactSafetyConcernCreate, routes, type VictimFileView } from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BodyOf, call } from '../../../api/client';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { formatDate, todayIso } from '../../../components/format';
import { FormActions } from '../../../components/forms/FormActions';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
import { DateField, Empty, Facts, Section } from '../../../components/PageParts';
import { VictimSideOnly } from '../../../components/VictimSideOnly';
import { useRefreshCasework } from '../../cases/api';
import { partnerKeys } from '../api';

/**
 * That contacting her may itself be unsafe, and the measures taken (docs/domain.md, "Partner
 * contact"): read before every contact, next to how to contact her safely. Victim side only.
 */
export function ContactSafetySection({ file, canRecord }: { file: VictimFileView; canRecord: boolean }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const [recording, setRecording] = useState(false);
  const concerns = [...file.contactSafetyConcerns].reverse();
  return (
    <Section
      id="her-contact-safety"
      title={
        <Group gap="xs" component="span">
          {t('contactSafety.title')} <VictimSideOnly />
        </Group>
      }
      description={t('contactSafety.description')}
      actions={
        canRecord &&
        !recording && (
          <Button size="xs" variant="default" onClick={() => setRecording(true)}>
            {t('contactSafety.record')}
          </Button>
        )
      }
    >
      {recording && <ContactSafetyForm personId={file.person.id} onClose={() => setRecording(false)} />}
      {concerns.length === 0 ? (
        <Empty>{t('contactSafety.none')}</Empty>
      ) : (
        concerns.map((concern) => (
          <Paper
            key={concern.id}
            withBorder
            p="sm"
            radius="sm"
            component="article"
            data-testid="contact-safety"
          >
            <Text size="sm" fw={600} mb={4}>
              {formatDate(i18n.language, concern.recordedOn)}
            </Text>
            <Facts
              labelWidth={150}
              items={[
                [t('contactSafety.concern'), concern.concern],
                [t('contactSafety.measures'), concern.measures],
                [t('partnerContact.recordedBy'), concern.recordedBy],
              ]}
            />
          </Paper>
        ))
      )}
    </Section>
  );
}

function ContactSafetyForm({ personId, onClose }: { personId: string; onClose: () => void }) {
  const { t } = useTranslation(CASEWORK_NS);
  const refresh = useRefreshCasework();
  const save = useMutation({
    mutationFn: (body: BodyOf<typeof routes.victim.recordContactSafetyConcern>) =>
      call(routes.victim.recordContactSafetyConcern, { params: { id: personId }, body }),
    onSuccess: () => {
      refresh(partnerKeys.victim(personId));
      notifications.show({ color: 'teal', message: t('contactSafety.saved') });
      onClose();
    },
  });
  const form = useSchemaForm({
    schema: ContactSafetyConcernCreate,
    initialValues: { recordedOn: todayIso(), concern: '', measures: '' },
    onSubmit: (body) => save.mutateAsync(body),
  });
  return (
    <form onSubmit={form.submit} noValidate aria-label={t('contactSafety.record')}>
      <Stack gap="sm" mb="sm">
        <DateField
          label={t('contactSafety.recordedOn')}
          {...form.getInputProps('recordedOn')}
          max={todayIso()}
          required
        />
        <Textarea
          label={t('contactSafety.concern')}
          description={t('contactSafety.concernHint')}
          {...form.getInputProps('concern')}
          required
          autosize
          minRows={2}
        />
        <Textarea
          label={t('contactSafety.measures')}
          description={t('contactSafety.measuresHint')}
          {...form.getInputProps('measures')}
          required
          autosize
          minRows={2}
        />
        <SchemaFormAlert form={form} />
        <FormActions onCancel={onClose} pending={save.isPending} submitLabel={t('contactSafety.submit')} />
      </Stack>
    </form>
  );
}
