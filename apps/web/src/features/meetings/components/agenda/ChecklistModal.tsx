import { notifications } from '@mantine/notifications';
import type { InstrumentDefinition, JointRiskView } from '@tandem/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETINGS_NS } from '../../../../app/i18n/namespaces';
import { todayIso } from '../parts';
import {
  AgreeInDialog,
  type AgreementDraft,
  agreementWith,
  higherLevel,
  useRecordAgreement,
} from './AgreeInMeeting';
import type { AgendaContext } from './context';
import { InstrumentModal } from './InstrumentModal';

type Levels = NonNullable<InstrumentDefinition['levels']>;
const EMPTY: AgreementDraft = { level: '', rationale: '' };

/** The other side's checklist in the joint risk view, for each side's checklist. */
const OTHER_SIDE_VIEW = { perpetrator: 'victimSide', victim: 'perpetratorSide' } as const;

/**
 * The actor's side's checklist, filled in from the meeting. When the other side's checklist is
 * already in, the dialog also takes the agreed level and its rationale: one save records the
 * checklist, then the agreement (the same request, checks and rules as the agreement form).
 */
export function ChecklistModal({
  context,
  view,
  side,
  levels,
  checklist,
  opened,
  onClose,
  onAgreementFailed,
}: {
  context: AgendaContext;
  view: JointRiskView;
  side: 'perpetrator' | 'victim';
  levels: Levels;
  checklist: InstrumentDefinition | undefined;
  opened: boolean;
  onClose: () => void;
  /** The agreement could not be recorded: its draft goes back to the agreement form. */
  onAgreementFailed: (draft: AgreementDraft) => void;
}) {
  const { t } = useTranslation(MEETINGS_NS);
  const agreement = useRecordAgreement(context, levels, true);
  const [draft, setDraft] = useState<AgreementDraft>(EMPTY);
  // The checklist being filled is this side's (data, not the reader's side): agree against the other's.
  const other = view[OTHER_SIDE_VIEW[side]];
  const agreesHere = context.canRun && view.can.agreeLevel && other !== null && levels.length > 0;

  return (
    <InstrumentModal
      opened={opened}
      onClose={onClose}
      title={t(`risk.modalTitle.${side}`)}
      intro={t(`risk.modalIntro.${side}`)}
      definition={checklist}
      sources={view.can.answerSources}
      jointCaseId={context.meeting.jointCaseId}
      beforeSave={
        agreesHere
          ? (level) => (
              <AgreeInDialog
                levels={levels}
                startsAt={higherLevel(levels, level, other?.level)}
                draft={draft}
                onChange={setDraft}
              />
            )
          : undefined
      }
      onSaved={(saved) => {
        const agreed = draft;
        setDraft(EMPTY);
        // Recording the agreement refreshes the meeting's data itself: one refresh, not two racing.
        if (!agreesHere || agreed.rationale.trim() === '') return context.refresh();
        agreement.record(agreementWith(view, levels, agreed, saved, todayIso())).catch((failure: unknown) => {
          notifications.show({
            color: 'red',
            title: t('risk.agreeInDialogFailed'),
            message: failure instanceof Error ? failure.message : String(failure),
          });
          onAgreementFailed(agreed);
          context.refresh();
        });
      }}
    />
  );
}
