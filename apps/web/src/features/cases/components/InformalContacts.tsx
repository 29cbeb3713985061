import { Button, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { InformalContactCreate, type JointCaseView, routes } from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BodyOf, call } from '../../../api/client';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { formatDate, todayIso } from '../../../components/format';
import { FormActions } from '../../../components/forms/FormActions';
import { HerDetailsDialog, useHerDetailsCheck } from '../../../components/forms/herDetails';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
import { DateField, Empty, Section } from '../../../components/PageParts';
import { seenDescription } from '../../../components/SeenByProgramme';
import { caseKeys, useRefreshCasework } from '../api';

/**
 * Calls and conversations between the case managers. Both sides of the case read them, the
 * programme as written: her side is asked before one holding her details is saved.
 */
export function InformalContacts({ view }: { view: JointCaseView }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const [adding, setAdding] = useState(false);
  return (
    <Section
      id="case-informal"
      title={t('informal.title')}
      description={seenDescription(t('informal.description'))}
      actions={
        view.status === 'open' &&
        view.can.recordInformalContact &&
        !adding && (
          <Button size="xs" variant="default" onClick={() => setAdding(true)}>
            {t('informal.add')}
          </Button>
        )
      }
    >
      {adding && <InformalContactForm jointCaseId={view.id} onClose={() => setAdding(false)} />}
      {view.informalContacts.length === 0 ? (
        <Empty>{t('informal.none')}</Empty>
      ) : (
        [...view.informalContacts].reverse().map((c) => (
          <Paper key={c.id} withBorder p="sm" radius="sm" component="article">
            <Text size="sm" fw={600}>
              {formatDate(i18n.language, c.occurredOn)} · {t('informal.with', { name: c.withWhom })}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.summary}
            </Text>
            <Text size="xs" c="dimmed">
              {t('informal.recordedBy', { name: c.recordedBy })}
            </Text>
          </Paper>
        ))
      )}
    </Section>
  );
}

function InformalContactForm({ jointCaseId, onClose }: { jointCaseId: string; onClose: () => void }) {
  const { t } = useTranslation(CASEWORK_NS);
  const refresh = useRefreshCasework();
  const herDetails = useHerDetailsCheck();
  const save = useMutation({
    mutationFn: (body: BodyOf<typeof routes.cases.recordInformalContact>) =>
      call(routes.cases.recordInformalContact, { params: { id: jointCaseId }, body }),
    onSuccess: () => {
      refresh(caseKeys.case(jointCaseId));
      notifications.show({ color: 'teal', message: t('informal.saved') });
      onClose();
    },
  });
  const form = useSchemaForm({
    schema: InformalContactCreate,
    initialValues: { occurredOn: todayIso(), withWhom: '', summary: '' },
    onSubmit: (body) =>
      herDetails.send((confirmHerDetails) => save.mutateAsync({ ...body, confirmHerDetails })),
  });
  return (
    <>
      <form onSubmit={form.submit} noValidate aria-label={t('informal.add')}>
        <Stack gap="sm" mb="sm">
          <DateField
            label={t('informal.occurredOn')}
            {...form.getInputProps('occurredOn')}
            max={todayIso()}
            required
          />
          <TextInput
            label={t('informal.withWhom')}
            description={seenDescription()}
            {...form.getInputProps('withWhom')}
            required
          />
          <Textarea
            label={t('informal.summary')}
            description={seenDescription()}
            {...form.getInputProps('summary')}
            required
            autosize
            minRows={2}
          />
          <SchemaFormAlert form={form} />
          <FormActions onCancel={onClose} pending={save.isPending} submitLabel={t('common.save')} />
        </Stack>
      </form>
      <HerDetailsDialog
        check={herDetails}
        labels={{ withWhom: t('informal.withWhom'), summary: t('informal.summary') }}
      />
    </>
  );
}
