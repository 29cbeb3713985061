import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type InstrumentDefinition, scoreInstrument } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { INSTRUMENTS_NS } from '../../../../app/i18n/namespaces';
import {
  asksForTimepoint,
  type FormState,
  isJudgementRule,
  judgement,
  localized,
  toAnswers,
} from '../../logic';
import { DateInput, levelLabel } from '../parts';
import { elementId } from './ids';

/** Judgement, date, time point and the save button. */
export function FinishCard({
  formId,
  definition,
  state,
  setState,
  timepoints,
  today,
  fieldError,
  submitting,
  onCancel,
  beforeSave,
}: {
  formId: string;
  definition: InstrumentDefinition;
  state: FormState;
  setState: React.Dispatch<React.SetStateAction<FormState>>;
  timepoints: string[] | undefined;
  today: string;
  fieldError: (path: string) => string | undefined;
  submitting: boolean;
  onCancel: (() => void) | undefined;
  /** The caller's fields saved with the same button (InstrumentForm's `beforeSave`). */
  beforeSave?: React.ReactNode;
}) {
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  const { t: tc } = useTranslation();
  const language = i18n.language;
  const answers = toAnswers(definition, state.draft);
  const computed = scoreInstrument(definition, answers).level;
  const judged = judgement(definition, computed, state.judgedLevel);
  const levels = definition.levels ?? [];
  // Where the level is the professional's own rating, there is no second judgement on it.
  const judges = computed !== null && levels.length > 0 && !isJudgementRule(definition);
  const patch = (change: Partial<FormState>) => setState((current) => ({ ...current, ...change }));

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={`${formId}-finish`}>
      <Title order={2} size="h4" id={`${formId}-finish`} mb="sm">
        {judges ? t('form.judgementTitle') : t('form.finishTitle')}
      </Title>
      <Stack gap="md">
        {judges && computed !== null && (
          <>
            <NativeSelect
              id={elementId(formId, 'judgedLevel')}
              label={t('form.judgedLevel')}
              description={t('form.judgedLevelHint')}
              value={state.judgedLevel ?? ''}
              onChange={(event) => patch({ judgedLevel: event.currentTarget.value || null })}
              data={[
                {
                  value: '',
                  label: t('form.keepComputed', { level: levelLabel(levels, computed, language) }),
                },
                ...levels.map((level) => ({ value: level.id, label: localized(level.label, language) })),
              ]}
              error={fieldError('judgedLevel')}
              maw={420}
            />
            {judged.kind === 'lowered' && (
              <Alert color="orange" variant="light" title={t('form.loweringTitle')}>
                {t('form.loweringBody', {
                  computed: levelLabel(levels, computed, language),
                  judged: levelLabel(levels, state.judgedLevel, language),
                })}
              </Alert>
            )}
            {(judged.kind === 'lowered' || judged.kind === 'raised') && (
              <Textarea
                id={elementId(formId, 'judgementReason')}
                label={judged.kind === 'lowered' ? t('form.reasonLowering') : t('form.reasonRaising')}
                required={judged.kind === 'lowered'}
                value={state.judgementReason}
                onChange={(event) => patch({ judgementReason: event.currentTarget.value })}
                error={fieldError('judgementReason')}
                autosize
                minRows={2}
                maxLength={2000}
              />
            )}
          </>
        )}
        {asksForTimepoint(definition) &&
          (timepoints && timepoints.length > 0 ? (
            <NativeSelect
              id={elementId(formId, 'timepoint')}
              label={t('form.timepoint')}
              value={state.timepoint}
              onChange={(event) => patch({ timepoint: event.currentTarget.value })}
              data={timepoints}
              error={fieldError('timepoint')}
              required
              maw={220}
            />
          ) : (
            <TextInput
              id={elementId(formId, 'timepoint')}
              label={t('form.timepoint')}
              description={t('form.timepointHint')}
              value={state.timepoint}
              onChange={(event) => patch({ timepoint: event.currentTarget.value.trim() })}
              error={fieldError('timepoint')}
              required
              maw={220}
            />
          ))}
        <DateInput
          id={elementId(formId, 'completedOn')}
          label={t('form.completedOn')}
          value={state.completedOn}
          onChange={(completedOn) => patch({ completedOn })}
          error={fieldError('completedOn')}
          max={today}
        />
        {beforeSave}
        <Group>
          <Button type="submit" loading={submitting}>
            {t('form.save')}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel} disabled={submitting}>
              {tc('common.cancel')}
            </Button>
          )}
          {judged.kind === 'raised' && (
            <Badge color="indigo" variant="light">
              {t('form.raisedNote')}
            </Badge>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
