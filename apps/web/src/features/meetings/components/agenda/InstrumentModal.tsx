import { Alert, Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AnswerSource, InstrumentDefinition, ResponseView } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { MEETINGS_NS } from '../../../../app/i18n/namespaces';
import { useRecordResponse } from '../../../instruments/api';
import { InstrumentForm } from '../../../instruments/components/InstrumentForm';

/**
 * An instrument filled in without leaving the meeting: the instrument pages' own form
 * (the same renderer, rules and checks), in a dialog over the meeting.
 */
export function InstrumentModal({
  opened,
  onClose,
  title,
  intro,
  definition,
  sources,
  jointCaseId,
  timepoints,
  initialTimepoint,
  onSaved,
  beforeSave,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  intro: string;
  definition: InstrumentDefinition | undefined;
  /** The sources an answer may name (the programme is never offered "her"). */
  sources: readonly AnswerSource[];
  jointCaseId: string;
  timepoints?: string[];
  initialTimepoint?: string;
  onSaved: (response: ResponseView) => void;
  /** Fields of the meeting saved with the same button (InstrumentForm's `beforeSave`). */
  beforeSave?: (level: string | null) => React.ReactNode;
}) {
  const { t } = useTranslation(MEETINGS_NS);
  const record = useRecordResponse(jointCaseId);
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="min(1180px, 96vw)" radius="md">
      {!definition ? (
        <Alert color="orange">{t('instrument.noDefinition')}</Alert>
      ) : (
        <InstrumentForm
          key={initialTimepoint ?? definition.id}
          definition={definition}
          sources={sources}
          jointCaseId={jointCaseId}
          timepoints={timepoints}
          initialTimepoint={initialTimepoint}
          intro={
            <Alert color="blue" variant="light">
              {intro}
            </Alert>
          }
          onSubmit={(body) => record.mutateAsync(body)}
          onSaved={(response) => {
            notifications.show({ color: 'teal', message: t('instrument.saved') });
            onSaved(response);
            onClose();
          }}
          onCancel={onClose}
          beforeSave={beforeSave}
          submitting={record.isPending}
          error={record.error}
        />
      )}
    </Modal>
  );
}
