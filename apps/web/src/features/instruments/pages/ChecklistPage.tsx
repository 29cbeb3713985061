import { Alert, Button, Group, Text } from '@mantine/core';
import type { InstrumentDefinition, JointRiskView } from '@tandem/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { INSTRUMENTS_NS } from '../../../app/i18n/namespaces';
import { useDefinitions, useJointRisk, useRecordResponse } from '../api';
import { CaseFrame } from '../components/CaseFrame';
import { InstrumentForm } from '../components/InstrumentForm';
import { formatDate, Loading, levelLabel, notifySaved } from '../components/parts';
import { type Draft, toDraft } from '../logic';

/** The newest version of the joint case's checklist (or of any risk checklist if none is recorded yet). */
export function checklistDefinition(definitions: InstrumentDefinition[], view: JointRiskView | undefined) {
  return (
    definitions.find(
      (definition) => definition.id === view?.instrumentId && definition.kind === 'risk_checklist',
    ) ?? definitions.find((definition) => definition.kind === 'risk_checklist')
  );
}

/** Where each side's checklist is in the joint risk view. */
export const CHECKLIST_OF = { perpetrator: 'perpetratorSide', victim: 'victimSide' } as const;

/** One side completes its risk checklist for the joint case. */
export function ChecklistPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  const navigate = useNavigate();
  const definitions = useDefinitions();
  const risk = useJointRisk(id);
  const record = useRecordResponse(id);
  const [start, setStart] = useState<{ key: number; draft: Draft | undefined }>({ key: 0, draft: undefined });
  // Whose checklist this is: the actor's own side's (to start from its last one).
  const side = risk.data?.can.recordChecklistFor ?? null;
  const definition = definitions.data ? checklistDefinition(definitions.data, risk.data) : undefined;
  const mine = side && risk.data ? risk.data[CHECKLIST_OF[side]] : null;
  const canStartFromLast =
    mine && definition && mine.instrumentId === definition.id && mine.version === definition.version;
  const back = () => navigate(`/joint-cases/${id}/risk`);

  return (
    <CaseFrame
      jointCaseId={id}
      active="risk"
      title={(caseNumber) => t(`checklist.title.${side ?? 'neutral'}`, { case: caseNumber })}
    >
      <Loading query={definitions}>
        <Loading query={risk}>
          {!risk.data?.can.recordChecklist ? (
            <Alert color="blue" variant="light">
              {t('checklist.neutral')}
            </Alert>
          ) : !definition ? (
            <Alert color="orange">{t('checklist.noDefinition')}</Alert>
          ) : (
            <>
              {canStartFromLast && (
                <Group>
                  <Text size="sm">
                    {t('checklist.lastOne', {
                      date: formatDate(i18n.language, mine.completedOn),
                      level: levelLabel(definition.levels, mine.level, i18n.language),
                    })}
                  </Text>
                  <Button
                    variant="default"
                    size="xs"
                    onClick={() =>
                      setStart((current) => ({ key: current.key + 1, draft: toDraft(mine.answers) }))
                    }
                  >
                    {t('checklist.startFromLast')}
                  </Button>
                </Group>
              )}
              <InstrumentForm
                key={start.key}
                definition={definition}
                sources={risk.data.can.answerSources}
                jointCaseId={id}
                initialDraft={start.draft}
                intro={
                  <Alert color="blue" variant="light">
                    {t(`checklist.intro.${side ?? 'neutral'}`)}
                  </Alert>
                }
                onSubmit={(body) => record.mutateAsync(body)}
                onSaved={(response) => {
                  notifySaved(
                    t('checklist.saved', {
                      level: levelLabel(definition.levels, response.level, i18n.language),
                    }),
                  );
                  back();
                }}
                onCancel={back}
                submitting={record.isPending}
                error={record.error}
              />
            </>
          )}
        </Loading>
      </Loading>
    </CaseFrame>
  );
}
