import { Alert } from '@mantine/core';
import type { InstrumentDefinition } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { INSTRUMENTS_NS } from '../../../app/i18n/namespaces';
import { answerSourcesFor, questionnaireSubjectOf } from '../../auth/interimAbilities';
import { useSession } from '../../auth/session';
import { useDefinitions, useImpact, useRecordResponse } from '../api';
import { CaseFrame } from '../components/CaseFrame';
import { InstrumentForm } from '../components/InstrumentForm';
import { Loading, notifySaved } from '../components/parts';
import { TIMEPOINT_PATTERN } from '../logic';

/** The questionnaire this side gives: his (programme) or hers (victim support). */
export function questionnaireFor(definitions: InstrumentDefinition[], subject: 'him' | 'her') {
  return definitions.find(
    (definition) => definition.kind === 'questionnaire' && definition.subject === subject,
  );
}

/** Fill in his (programme) or her (victim support) IMPACT questionnaire at a time point. */
export function QuestionnairePage() {
  const { id = '', timepoint = '' } = useParams();
  const { t } = useTranslation(INSTRUMENTS_NS);
  const navigate = useNavigate();
  const session = useSession().data;
  const definitions = useDefinitions();
  const impact = useImpact(id);
  const record = useRecordResponse(id);
  if (!session) return null;
  const subject = session.abilities.casework ? questionnaireSubjectOf(session.abilities) : null;
  const definition = definitions.data && subject ? questionnaireFor(definitions.data, subject) : undefined;
  const timepoints = impact.data?.points.map((point) => point.timepoint) ?? [];
  const initialTimepoint = TIMEPOINT_PATTERN.test(timepoint) ? timepoint : undefined;
  if (initialTimepoint && timepoints.length > 0 && !timepoints.includes(initialTimepoint))
    timepoints.push(initialTimepoint);
  const back = () => navigate(`/joint-cases/${id}/impact`);

  return (
    <CaseFrame
      jointCaseId={id}
      active="impact"
      title={(caseNumber) =>
        t(`questionnaire.title.${subject ?? 'none'}`, { case: caseNumber, timepoint: initialTimepoint ?? '' })
      }
    >
      {!subject ? (
        <Alert color="blue" variant="light">
          {t('questionnaire.notYours')}
        </Alert>
      ) : (
        <Loading query={definitions}>
          <Loading query={impact}>
            {!definition ? (
              <Alert color="orange">{t('questionnaire.noDefinition')}</Alert>
            ) : (
              <InstrumentForm
                key={initialTimepoint}
                definition={definition}
                sources={answerSourcesFor(session.abilities)}
                jointCaseId={id}
                timepoints={timepoints}
                initialTimepoint={initialTimepoint}
                intro={
                  <Alert color="blue" variant="light">
                    {t(`questionnaire.intro.${subject}`)}
                  </Alert>
                }
                onSubmit={(body) => record.mutateAsync(body)}
                onSaved={(response) => {
                  notifySaved(
                    t('questionnaire.saved', {
                      timepoint: response.timepoint ?? '',
                      score: response.score ?? '—',
                    }),
                  );
                  back();
                }}
                onCancel={back}
                submitting={record.isPending}
                error={record.error}
              />
            )}
          </Loading>
        </Loading>
      )}
    </CaseFrame>
  );
}
