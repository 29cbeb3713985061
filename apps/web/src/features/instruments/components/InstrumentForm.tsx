import { Box, Card, Grid, Stack, Text, Title } from '@mantine/core';
import {
  type AnswerSource,
  type InstrumentDefinition,
  type ResponseView,
  scoreInstrument,
} from '@tandem/shared';
import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllAgencies } from '../../../api/directory';
import { INSTRUMENTS_NS } from '../../../app/i18n/namespaces';
import { FormAlert } from '../../../components/FormAlert';
import {
  asksForSources,
  buildResponse,
  type ClientErrors,
  checkForm,
  type Draft,
  type DraftAnswer,
  emptyAnswer,
  type FormState,
  localized,
  type ResponseBody,
  serverFieldErrors,
  shownPaths,
  toAnswers,
  todayIso,
} from '../logic';
import { FinishCard } from './instrument-form/FinishCard';
import { ItemField } from './instrument-form/ItemField';
import { elementId } from './instrument-form/ids';
import { RestAnswers } from './instrument-form/RestAnswers';
import { Summary } from './instrument-form/Summary';

export interface InstrumentFormProps {
  definition: InstrumentDefinition;
  /** The sources an answer may name (the programme is never offered "her"). */
  sources: readonly AnswerSource[];
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
  /**
   * Fields of the caller saved with the same button, just above it (e.g. in a meeting, the
   * agreed level): given the level the answers give so far (the professional's judgement first).
   */
  beforeSave?: (level: string | null) => React.ReactNode;
}

/**
 * Draws any instrument definition from its data: sections, items by type, a note and a source
 * per item, a live summary of the computed level (the server's own scoring function), the
 * professional judgement, the completion date and, for questionnaires, the time point.
 */
export function InstrumentForm(props: InstrumentFormProps) {
  const { definition, sources, timepoints, onSubmit, onSaved, submitting, error } = props;
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
  // Her service records mostly what she told it: its answers start with her as their source.
  const defaultSource = withSources && sources.includes('her') ? ('her' as const) : undefined;
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
                        startingValue={props.initialDraft?.[item.id]?.value}
                        defaultSource={defaultSource}
                      />
                    );
                  })}
                </Stack>
              </Card>
            ))}
            <Text size="xs" c="dimmed">
              {t('form.keyboardHint')}
            </Text>
            <RestAnswers
              definition={definition}
              draft={state.draft}
              onApply={(itemIds, value) => {
                for (const itemId of itemIds) setAnswer(itemId, { value });
              }}
            />
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
              beforeSave={props.beforeSave?.(
                state.judgedLevel ?? scoreInstrument(definition, toAnswers(definition, state.draft)).level,
              )}
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
