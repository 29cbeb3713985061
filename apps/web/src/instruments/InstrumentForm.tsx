import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Grid,
  Group,
  NativeSelect,
  NumberInput,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  type AnswerSource,
  type InstrumentDefinition,
  type InstrumentItem,
  type ResponseView,
  type Side,
  scoreInstrument,
} from '@tandem/shared';
import { memo, useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllAgencies } from '../api/lists';
import { FormAlert } from '../components/FormAlert';
import { DateInput, LevelBadge, levelLabel } from './components';
import { INSTRUMENTS_NS } from './i18n';
import {
  type AnswerValue,
  asksForSources,
  asksForTimepoint,
  buildResponse,
  type ClientErrors,
  checkForm,
  type Draft,
  type DraftAnswer,
  emptyAnswer,
  type FormState,
  judgement,
  localized,
  progress,
  type ResponseBody,
  serverFieldErrors,
  shownPaths,
  sourcesFor,
  tierRule,
  toAnswers,
  todayIso,
} from './logic';

export interface InstrumentFormProps {
  definition: InstrumentDefinition;
  /** The user's side: the perpetrator side is not offered "her" as a source. */
  side: Side;
  jointCaseId: string;
  /** IMPACT time points to choose from (questionnaires only). */
  timepoints?: string[];
  initialTimepoint?: string;
  initialDraft?: Draft;
  /** A sentence above the form: whose view this is, what not to record here. */
  intro?: React.ReactNode;
  onSubmit: (body: ResponseBody) => Promise<ResponseView>;
  onSaved: (response: ResponseView) => void;
  onCancel?: () => void;
  submitting: boolean;
  error: unknown;
}

const elementId = (formId: string, path: string) => `${formId}-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/**
 * Draws any instrument definition from its data: sections, items by type, a note and a source
 * per item, a live summary of the computed level (the server's own scoring function), the
 * professional judgement, the completion date and, for questionnaires, the time point.
 */
export function InstrumentForm(props: InstrumentFormProps) {
  const { definition, side, timepoints, onSubmit, onSaved, submitting, error } = props;
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  const language = i18n.language;
  const formId = useId().replace(/:/g, '');
  const today = todayIso();
  const [state, setState] = useState<FormState>(() => ({
    draft: props.initialDraft ?? {},
    completedOn: today,
    timepoint: props.initialTimepoint ?? timepoints?.[0] ?? '',
    judgedLevel: null,
    judgementReason: '',
  }));
  const [clientErrors, setClientErrors] = useState<ClientErrors>({});
  const withSources = asksForSources(definition);
  const agencies = useAllAgencies(withSources);
  const agencyOptions = useMemo(
    () => (agencies.data ?? []).map((agency) => ({ value: agency.id, label: agency.name })),
    [agencies.data],
  );

  const setAnswer = useCallback((itemId: string, change: Partial<DraftAnswer>) => {
    setState((current) => ({
      ...current,
      draft: { ...current.draft, [itemId]: { ...(current.draft[itemId] ?? emptyAnswer()), ...change } },
    }));
    setClientErrors((current) =>
      current[`answers.${itemId}`] ? { ...current, [`answers.${itemId}`]: undefined } : current,
    );
  }, []);

  const serverErrors = serverFieldErrors(error);
  const fieldError = (path: string): string | undefined => {
    const code = clientErrors[path];
    if (code) return t(`form.errors.${code}`);
    const message = serverErrors[path];
    if (!message) return undefined;
    // The server words this rule in English; it is ours to say in the user's language.
    return path === 'judgementReason' ? t('form.errors.reasonRequired') : message;
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const { errors } = checkForm(definition, state, today);
    setClientErrors(errors);
    const firstPath = Object.keys(errors)[0];
    if (firstPath) {
      document.getElementById(elementId(formId, firstPath))?.focus();
      return;
    }
    try {
      const saved = await onSubmit(buildResponse(definition, state, { jointCaseId: props.jointCaseId }));
      onSaved(saved);
    } catch (failure) {
      const path = Object.keys(serverFieldErrors(failure))[0];
      if (path) {
        const target = document.getElementById(elementId(formId, path));
        target?.scrollIntoView({ block: 'center' });
        target?.focus({ preventScroll: true });
      }
    }
  };

  const sources = sourcesFor(side);
  let itemNumber = 0;

  return (
    <form onSubmit={submit} noValidate aria-label={localized(definition.title, language)}>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Stack gap="lg">
            {definition.description && <Text size="sm">{localized(definition.description, language)}</Text>}
            {props.intro}
            <FormAlert error={error} shownFields={shownPaths(definition)} />
            {definition.sections.map((section) => (
              <Card
                key={section.id}
                withBorder
                radius="md"
                padding="lg"
                component="section"
                aria-labelledby={elementId(formId, `section-${section.id}`)}
              >
                <Title order={2} size="h4" id={elementId(formId, `section-${section.id}`)} mb="xs">
                  {localized(section.title, language)}
                </Title>
                <Stack gap={0}>
                  {section.items.map((item) => {
                    itemNumber += 1;
                    return (
                      <ItemField
                        key={item.id}
                        number={itemNumber}
                        item={item}
                        answer={state.draft[item.id]}
                        onChange={setAnswer}
                        sources={withSources ? sources : null}
                        agencies={agencyOptions}
                        error={fieldError(`answers.${item.id}`)}
                        inputId={elementId(formId, `answers.${item.id}`)}
                        language={language}
                      />
                    );
                  })}
                </Stack>
              </Card>
            ))}
            <FinishCard
              formId={formId}
              definition={definition}
              state={state}
              setState={setState}
              timepoints={timepoints}
              today={today}
              fieldError={fieldError}
              submitting={submitting}
              onCancel={props.onCancel}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Box pos={{ base: 'static', md: 'sticky' }} style={{ top: 80 }} className="instrument-summary">
            <Summary definition={definition} state={state} formId={formId} />
          </Box>
        </Grid.Col>
      </Grid>
    </form>
  );
}

interface ItemFieldProps {
  number: number;
  item: InstrumentItem;
  answer: DraftAnswer | undefined;
  onChange: (itemId: string, change: Partial<DraftAnswer>) => void;
  sources: AnswerSource[] | null;
  agencies: { value: string; label: string }[];
  error: string | undefined;
  inputId: string;
  language: string;
}

/** One item: its question, the answer control for its type, the source and a note. */
const ItemField = memo(function ItemField({
  number,
  item,
  answer,
  onChange,
  sources,
  agencies,
  error,
  inputId,
  language,
}: ItemFieldProps) {
  const { t } = useTranslation(INSTRUMENTS_NS);
  const current = answer ?? emptyAnswer();
  const [noteOpen, setNoteOpen] = useState(current.note !== '');
  const labelId = `${inputId}-label`;
  const errorId = `${inputId}-error`;
  const set = (change: Partial<DraftAnswer>) => onChange(item.id, change);
  const answered = current.value !== null && current.value !== '';

  return (
    <Box
      role="group"
      aria-labelledby={labelId}
      aria-describedby={error ? errorId : undefined}
      py="sm"
      px="xs"
      data-item={item.id}
      data-answered={answered || undefined}
      style={{
        borderTop: '1px solid var(--mantine-color-gray-3)',
        background: error ? 'var(--mantine-color-red-0)' : undefined,
      }}
    >
      <Text id={labelId} fw={500} size="sm">
        <Text span c="dimmed" size="sm" mr={6}>
          {number}.
        </Text>
        {localized(item.text, language)}
      </Text>
      <Group gap="md" mt={6} align="center" wrap="wrap">
        <AnswerControl
          item={item}
          value={current.value}
          onChange={(value) => set({ value })}
          labelId={labelId}
          inputId={inputId}
          language={language}
        />
        {sources && (
          <Group gap={6} wrap="nowrap">
            <Text component="label" htmlFor={`${inputId}-source`} size="sm" c="dimmed">
              {t('form.source')}
            </Text>
            <NativeSelect
              id={`${inputId}-source`}
              size="xs"
              value={current.source ?? ''}
              onChange={(event) => {
                const value = event.currentTarget.value as AnswerSource | '';
                set({
                  source: value === '' ? null : value,
                  ...(value !== 'agency' && { sourceAgencyId: null }),
                });
              }}
              data={[
                { value: '', label: t('form.sourceNotStated') },
                ...sources.map((source) => ({ value: source, label: t(`source.${source}`) })),
              ]}
              w={190}
            />
          </Group>
        )}
        {sources && current.source === 'agency' && (
          <NativeSelect
            size="xs"
            aria-label={t('form.sourceAgency')}
            value={current.sourceAgencyId ?? ''}
            onChange={(event) => set({ sourceAgencyId: event.currentTarget.value || null })}
            data={[{ value: '', label: t('form.chooseAgency') }, ...agencies]}
            w={250}
          />
        )}
        {item.type !== 'text' && !noteOpen && (
          <Button variant="subtle" size="compact-sm" onClick={() => setNoteOpen(true)}>
            {t('form.addNote')}
          </Button>
        )}
        {answered && item.type !== 'text' && (
          <Button variant="subtle" size="compact-sm" color="gray" onClick={() => set({ value: null })}>
            {t('form.clear')}
          </Button>
        )}
      </Group>
      {item.type !== 'text' && noteOpen && (
        <Textarea
          mt={8}
          size="sm"
          label={t('form.note')}
          value={current.note}
          onChange={(event) => set({ note: event.currentTarget.value })}
          autosize
          minRows={1}
          maxRows={6}
          maxLength={2000}
          autoFocus={current.note === ''}
        />
      )}
      {error && (
        <Text id={errorId} c="red.8" size="sm" mt={4}>
          {error}
        </Text>
      )}
    </Box>
  );
});

/** The control for an item's answer type. */
function AnswerControl({
  item,
  value,
  onChange,
  labelId,
  inputId,
  language,
}: {
  item: InstrumentItem;
  value: AnswerValue;
  onChange: (value: AnswerValue) => void;
  labelId: string;
  inputId: string;
  language: string;
}) {
  const { t } = useTranslation(INSTRUMENTS_NS);
  switch (item.type) {
    case 'yes_no_unknown':
      return (
        <SegmentedControl
          id={inputId}
          aria-labelledby={labelId}
          value={typeof value === 'string' ? value : ''}
          onChange={(next) => onChange(next)}
          data={(['yes', 'no', 'unknown'] as const).map((answer) => ({
            value: answer,
            label: t(`answer.${answer}`),
          }))}
          size="sm"
          color={value === 'yes' ? 'indigo' : 'gray'}
        />
      );
    case 'scale': {
      const scale = item.scale!;
      const hint = scale.labels ? localized(scale.labels, language) : `${scale.min}–${scale.max}`;
      if (scale.max - scale.min <= 10) {
        const options = Array.from({ length: scale.max - scale.min + 1 }, (_, index) =>
          String(scale.min + index),
        );
        return (
          <Stack gap={2}>
            <SegmentedControl
              id={inputId}
              aria-labelledby={labelId}
              aria-describedby={`${inputId}-hint`}
              value={typeof value === 'number' ? String(value) : ''}
              onChange={(next) => onChange(Number(next))}
              data={options}
              size="sm"
              color="indigo"
            />
            <Text size="xs" c="dimmed" id={`${inputId}-hint`}>
              {hint}
            </Text>
          </Stack>
        );
      }
      return (
        <NumberInput
          id={inputId}
          aria-labelledby={labelId}
          description={hint}
          min={scale.min}
          max={scale.max}
          allowDecimal={false}
          value={typeof value === 'number' ? value : ''}
          onChange={(next) => onChange(typeof next === 'number' ? next : null)}
          w={160}
        />
      );
    }
    case 'number':
      return (
        <NumberInput
          id={inputId}
          aria-labelledby={labelId}
          value={typeof value === 'number' ? value : ''}
          onChange={(next) => onChange(typeof next === 'number' ? next : null)}
          w={160}
        />
      );
    case 'choice':
      return (
        <Radio.Group
          id={inputId}
          aria-labelledby={labelId}
          value={typeof value === 'string' ? value : ''}
          onChange={(next) => onChange(next)}
        >
          <Stack gap={6} mt={4}>
            {(item.choices ?? []).map((choice) => (
              <Radio key={choice.id} value={choice.id} label={localized(choice.label, language)} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'text':
      return (
        <Textarea
          id={inputId}
          aria-labelledby={labelId}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value === '' ? null : event.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={10}
          maxLength={4000}
          w="100%"
        />
      );
  }
}

/** The live result: the computed level, the tier counts, how much is answered, the judgement. */
function Summary({
  definition,
  state,
  formId,
}: {
  definition: InstrumentDefinition;
  state: FormState;
  formId: string;
}) {
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  const language = i18n.language;
  // The same mapping as the request body, so the preview is what the server will compute.
  const answers = useMemo(() => toAnswers(definition, state.draft), [definition, state.draft]);
  const result = scoreInstrument(definition, answers);
  const rule = tierRule(definition);
  const counts = progress(definition, state.draft);
  const judged = judgement(definition, result.level, state.judgedLevel);
  const levels = definition.levels ?? [];

  return (
    <Card withBorder radius="md" padding="md" component="aside" aria-labelledby={`${formId}-summary`}>
      <Title order={2} size="h5" id={`${formId}-summary`}>
        {t('summary.title')}
      </Title>
      <Stack gap="xs" mt="xs">
        {result.level !== null ? (
          <Group gap="xs" aria-live="polite" data-testid="computed-level">
            <Text size="sm">{t('summary.computedLevel')}</Text>
            <LevelBadge definition={definition} level={result.level} size="lg" />
          </Group>
        ) : (
          result.score !== null && (
            <Text size="sm" aria-live="polite" data-testid="computed-score">
              {t('summary.score')} <strong>{result.score}</strong>
            </Text>
          )
        )}
        {result.level !== null && result.score !== null && (
          <Text size="sm">
            {t('summary.score')} <strong>{result.score}</strong>
          </Text>
        )}
        {rule && (
          <Stack gap={2}>
            <Text size="sm">
              {t('summary.serious', { count: result.tierCounts.serious })}{' '}
              <Text span size="xs" c="dimmed">
                {t('summary.seriousRule', { level: levelLabel(levels, rule.levels.serious, language) })}
              </Text>
            </Text>
            <Text size="sm">
              {t('summary.nonSpecific', { count: result.tierCounts.non_specific })}{' '}
              <Text span size="xs" c="dimmed">
                {t('summary.nonSpecificRule', {
                  threshold: rule.threshold,
                  level: levelLabel(levels, rule.levels.nonSpecific, language),
                })}
              </Text>
            </Text>
          </Stack>
        )}
        {Object.keys(result.areaScores).length > 0 && (
          <Text size="xs" c="dimmed">
            {Object.entries(result.areaScores)
              .map(([area, score]) => `${t(`area.${area}`, { defaultValue: area })}: ${score}`)
              .join(' · ')}
          </Text>
        )}
        <Text size="sm">
          {t('summary.answered', { answered: counts.answered, total: counts.total })}
          {counts.unknown > 0 && ` · ${t('summary.unknown', { count: counts.unknown })}`}
        </Text>
        {judged.kind === 'raised' || judged.kind === 'lowered' ? (
          <Group gap="xs">
            <Text size="sm">{t(`summary.judged.${judged.kind}`)}</Text>
            <LevelBadge definition={definition} level={state.judgedLevel} />
          </Group>
        ) : null}
        {result.level !== null && (
          <Text size="xs" c="dimmed">
            <a href={`#${elementId(formId, 'judgedLevel')}`}>{t('summary.toJudgement')}</a>
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** Judgement, date, time point and the save button. */
function FinishCard({
  formId,
  definition,
  state,
  setState,
  timepoints,
  today,
  fieldError,
  submitting,
  onCancel,
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
}) {
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  const { t: tc } = useTranslation();
  const language = i18n.language;
  const answers = toAnswers(definition, state.draft);
  const computed = scoreInstrument(definition, answers).level;
  const judged = judgement(definition, computed, state.judgedLevel);
  const levels = definition.levels ?? [];
  const patch = (change: Partial<FormState>) => setState((current) => ({ ...current, ...change }));

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={`${formId}-finish`}>
      <Title order={2} size="h4" id={`${formId}-finish`} mb="sm">
        {computed !== null ? t('form.judgementTitle') : t('form.finishTitle')}
      </Title>
      <Stack gap="md">
        {computed !== null && levels.length > 0 && (
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
