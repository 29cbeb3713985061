import { Alert } from '@mantine/core';
import type { InstrumentDefinition } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { INSTRUMENTS_NS } from '../../../app/i18n/namespaces';
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
  const definitions = useDefinitions();
  const impact = useImpact(id);
  const record = useRecordResponse(id);
  // The questionnaire the actor gives, as the case's IMPACT view says (his, hers or none).
  const subject = impact.data?.can.recordFor ?? null;
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
      <Loading query={impact}>
        {impact.data &&
          (!subject ? (
            <Alert color="blue" variant="light">
              {t('questionnaire.notYours')}
            </Alert>
          ) : (
            <Loading query={definitions}>
              {!definition ? (
                <Alert color="orange">{t('questionnaire.noDefinition')}</Alert>
              ) : (
                <InstrumentForm
                  key={initialTimepoint}
                  definition={definition}
                  sources={impact.data.can.answerSources}
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
          ))}
      </Loading>
    </CaseFrame>
  );
}
