import { Alert, Button, Group, Text } from '@mantine/core';
import type { InstrumentDefinition, JointRiskView } from '@tandem/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useSession } from '../../auth/session';
import { useDefinitions, useJointRisk, useRecordResponse } from '../../instruments/api';
import { formatDate, Loading, levelLabel, notifySaved } from '../../instruments/components';
import { InstrumentForm } from '../../instruments/InstrumentForm';
import { INSTRUMENTS_NS } from '../../instruments/i18n';
import { type Draft, toDraft } from '../../instruments/logic';
import { CaseFrame } from './CaseFrame';

/** The newest version of the joint case's checklist (or of any risk checklist if none is recorded yet). */
export function checklistDefinition(definitions: InstrumentDefinition[], view: JointRiskView | undefined) {
  return (
    definitions.find(
      (definition) => definition.id === view?.instrumentId && definition.kind === 'risk_checklist',
    ) ?? definitions.find((definition) => definition.kind === 'risk_checklist')
  );
}

/** One side completes its risk checklist for the joint case. */
export function ChecklistPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  const navigate = useNavigate();
  const session = useSession().data;
  const definitions = useDefinitions();
  const risk = useJointRisk(id);
  const record = useRecordResponse(id);
  const [start, setStart] = useState<{ key: number; draft: Draft | undefined }>({ key: 0, draft: undefined });
  if (!session) return null;
  const side = session.user.side;
  const definition = definitions.data ? checklistDefinition(definitions.data, risk.data) : undefined;
  const mine =
    side === 'perpetrator' ? risk.data?.perpetratorSide : side === 'victim' ? risk.data?.victimSide : null;
  const canStartFromLast =
    mine && definition && mine.instrumentId === definition.id && mine.version === definition.version;
  const back = () => navigate(`/joint-cases/${id}/risk`);

  return (
    <CaseFrame
      jointCaseId={id}
      active="risk"
      title={(caseNumber) => t(`checklist.title.${side}`, { case: caseNumber })}
    >
      <Loading query={definitions}>
        <Loading query={risk}>
          {side === 'neutral' || !session.abilities.casework ? (
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
                side={side}
                jointCaseId={id}
                initialDraft={start.draft}
                intro={
                  <Alert color="blue" variant="light">
                    {t(`checklist.intro.${side}`)}
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
