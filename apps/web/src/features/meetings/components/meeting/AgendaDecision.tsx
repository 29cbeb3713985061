import { Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { AgendaItemUpdate, type MeetingView } from '@tandem/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETINGS_NS } from '../../../../app/i18n/namespaces';
import { SchemaFormAlert } from '../../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../../components/forms/useSchemaForm';
import { SeenByProgramme, seenDescription } from '../../../../components/SeenByProgramme';

type AgendaEntry = MeetingView['agenda'][number];
export type AgendaDecisionBody = {
  status: 'addressed' | 'deferred';
  notes?: string | undefined;
  deferredReason?: string | undefined;
};

/**
 * "Addressed" with notes for the minutes, or "deferred" with a reason: every compulsory item
 * ends the meeting one way or the other. A decided item can be changed while the meeting runs.
 * The notes are joint: the programme reads them as written.
 */
export function AgendaDecision({
  entry,
  canRun,
  seen,
  onSave,
  saving,
}: {
  entry: AgendaEntry;
  canRun: boolean;
  /** The programme reads the notes as written. */
  seen: boolean;
  onSave: (body: AgendaDecisionBody) => Promise<void>;
  saving: boolean;
}) {
  const { t } = useTranslation(MEETINGS_NS);
  const [editing, setEditing] = useState(false);
  const label = t(`agenda.${entry.item}.title`);

  if (entry.status !== 'open' && !editing)
    return (
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2}>
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {entry.status === 'addressed' ? t('decision.addressed') : t('decision.deferred')}
            </Text>
            {entry.notes && seen && <SeenByProgramme />}
          </Group>
          {entry.notes && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {entry.notes}
            </Text>
          )}
          {entry.status === 'deferred' && entry.deferredReason && (
            <Text size="sm">{t('decision.reasonShown', { reason: entry.deferredReason })}</Text>
          )}
        </Stack>
        {canRun && (
          <Button variant="subtle" size="compact-sm" onClick={() => setEditing(true)}>
            {t('decision.change')}
          </Button>
        )}
      </Group>
    );
  if (!canRun) return null;
  return (
    <DecisionForm
      entry={entry}
      label={label}
      seen={seen}
      saving={saving}
      editing={editing}
      onCancel={() => setEditing(false)}
      onSave={async (body) => {
        await onSave(body);
        setEditing(false);
      }}
    />
  );
}

function DecisionForm({
  entry,
  label,
  seen,
  saving,
  editing,
  onCancel,
  onSave,
}: {
  entry: AgendaEntry;
  label: string;
  seen: boolean;
  saving: boolean;
  editing: boolean;
  onCancel: () => void;
  onSave: (body: AgendaDecisionBody) => Promise<void>;
}) {
  const { t } = useTranslation(MEETINGS_NS);
  const form = useSchemaForm({
    schema: AgendaItemUpdate,
    initialValues: {
      status: 'addressed' as AgendaDecisionBody['status'],
      notes: entry.notes ?? '',
      deferredReason: entry.deferredReason ?? '',
    },
    // A reason is sent only with a deferral.
    toInput: ({ status, notes, deferredReason }) => ({
      status,
      ...(notes.trim() && { notes }),
      ...(status === 'deferred' && deferredReason.trim() && { deferredReason }),
    }),
    onSubmit: (body) => onSave(body),
  });
  const deferring = form.values.status === 'deferred';
  const setDeferring = (next: boolean) => form.setFieldValue('status', next ? 'deferred' : 'addressed');

  return (
    <form onSubmit={form.submit} noValidate aria-label={t('decision.formLabel', { item: label })}>
      <Stack gap="xs" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Textarea
          label={t('decision.notes')}
          description={seenDescription(undefined, seen)}
          {...form.getInputProps('notes')}
          autosize
          minRows={1}
          maxRows={8}
          maxLength={8000}
        />
        {deferring && (
          <TextInput
            label={t('decision.reason')}
            description={t('decision.reasonHint')}
            {...form.getInputProps('deferredReason')}
            required
            maxLength={2000}
            data-autofocus
            autoFocus
          />
        )}
        <SchemaFormAlert form={form} />
        <Group gap="sm" justify="flex-end">
          {editing && (
            <Button variant="subtle" color="gray" onClick={onCancel}>
              {t('decision.cancel')}
            </Button>
          )}
          {deferring ? (
            <>
              <Button variant="default" onClick={() => setDeferring(false)}>
                {t('decision.cancel')}
              </Button>
              <Button type="submit" color="orange" loading={saving}>
                {t('decision.deferSubmit')}
              </Button>
            </>
          ) : (
            <>
              <Button variant="default" onClick={() => setDeferring(true)}>
                {t('decision.defer')}
              </Button>
              <Button type="submit" color="teal" loading={saving}>
                {t('decision.address')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </form>
  );
}
