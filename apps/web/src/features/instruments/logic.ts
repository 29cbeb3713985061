import {
  ANSWER_SOURCES,
  type AnswerSource,
  type Answers,
  type DueItem,
  type I18nText,
  type InstrumentDefinition,
  type InstrumentItem,
  levelRank,
  type ResponseCreate,
  scoreInstrument,
  validateAnswers,
} from '@tandem/shared';
import type { z } from 'zod';
import { isApiError } from '../../api/errors';

/**
 * The pure logic of the instrument renderer and pages: no React, no network, so that it is
 * tested on its own. The level is computed by the same `scoreInstrument` the server uses.
 */

export type ResponseBody = z.input<typeof ResponseCreate>;
export type AnswerValue = string | number | null;

/** One item as the form holds it while it is being filled in. */
export interface DraftAnswer {
  value: AnswerValue;
  note: string;
  source: AnswerSource | null;
  sourceAgencyId: string | null;
}
export type Draft = Record<string, DraftAnswer>;

export const emptyAnswer = (): DraftAnswer => ({ value: null, note: '', source: null, sourceAgencyId: null });

/** A definition's text in the user's language, else English (the only language a definition must have). */
export function localized(text: I18nText | undefined, language: string): string {
  if (!text) return '';
  const short = language.slice(0, 2);
  const value = (text as Record<string, string | undefined>)[short];
  return value && value.trim() !== '' ? value : text.en;
}

export const itemsOf = (definition: InstrumentDefinition): InstrumentItem[] =>
  definition.sections.flatMap((section) => section.items);

/** Whether items ask for a source: checklists and identification do; self-report questionnaires do not. */
export const asksForSources = (definition: InstrumentDefinition) =>
  definition.kind === 'risk_checklist' || definition.kind === 'identification';

/** Whether the response is given at an IMPACT time point. */
export const asksForTimepoint = (definition: InstrumentDefinition) => definition.kind === 'questionnaire';

export const TIMEPOINT_PATTERN = /^T[0-4](\.[0-9]+)?$/;

/** Who a response is about: the checklist is about the case; a questionnaire about him or her. */
export function subjectOf(definition: InstrumentDefinition): ResponseBody['subject'] {
  if (definition.kind === 'risk_checklist') return 'case';
  return definition.subject === 'him' || definition.subject === 'her' ? definition.subject : 'case';
}

/** The draft as the API takes it: untouched items are left out, notes trimmed, the agency only with source "agency". */
export function toAnswers(definition: InstrumentDefinition, draft: Draft): Answers {
  const answers: Answers = {};
  for (const item of itemsOf(definition)) {
    const entry = draft[item.id];
    if (!entry) continue;
    const value = typeof entry.value === 'string' && item.type === 'text' ? entry.value.trim() : entry.value;
    const present = value !== null && value !== '';
    const note = entry.note.trim();
    if (!present && note === '' && !entry.source) continue;
    answers[item.id] = {
      value: present ? value : null,
      ...(note !== '' && { note }),
      ...(entry.source && { source: entry.source }),
      ...(entry.source === 'agency' && entry.sourceAgencyId && { sourceAgencyId: entry.sourceAgencyId }),
    };
  }
  return answers;
}

/** A response the server gave back, as a draft to start from (for example the side's last checklist). */
export function toDraft(
  answers: Record<
    string,
    {
      value: AnswerValue;
      note?: string | undefined;
      source?: string | undefined;
      sourceAgencyId?: string | undefined;
    }
  >,
): Draft {
  const draft: Draft = {};
  for (const [itemId, answer] of Object.entries(answers)) {
    const source = (ANSWER_SOURCES as readonly string[]).includes(answer.source ?? '')
      ? (answer.source as AnswerSource)
      : null;
    draft[itemId] = {
      value: answer.value,
      note: answer.note ?? '',
      source,
      sourceAgencyId: source === 'agency' ? (answer.sourceAgencyId ?? null) : null,
    };
  }
  return draft;
}

export type JudgementKind = 'none' | 'same' | 'raised' | 'lowered';

/**
 * Professional judgement against the computed level: it may raise the level freely, and may
 * lower it only with a recorded reason (the same rule as the server's judgementProblem).
 */
export function judgement(
  definition: InstrumentDefinition,
  computedLevel: string | null,
  judgedLevel: string | null,
): { kind: JudgementKind; needsReason: boolean } {
  if (!judgedLevel || computedLevel === null) return { kind: 'none', needsReason: false };
  const computed = levelRank(definition, computedLevel);
  const judged = levelRank(definition, judgedLevel);
  if (judged < 0 || judged === computed) return { kind: 'same', needsReason: false };
  return judged > computed ? { kind: 'raised', needsReason: false } : { kind: 'lowered', needsReason: true };
}

export interface FormState {
  draft: Draft;
  completedOn: string;
  timepoint: string;
  judgedLevel: string | null;
  judgementReason: string;
}

/** Problems the form can tell before sending, by field path (the server's paths). */
export type ClientErrors = Partial<Record<string, 'required' | 'future' | 'timepoint' | 'reasonRequired'>>;

export function checkForm(
  definition: InstrumentDefinition,
  state: FormState,
  today: string,
): { errors: ClientErrors; problems: ReturnType<typeof validateAnswers> } {
  const errors: ClientErrors = {};
  if (!state.completedOn) errors.completedOn = 'required';
  else if (state.completedOn > today) errors.completedOn = 'future';
  if (asksForTimepoint(definition) && !TIMEPOINT_PATTERN.test(state.timepoint))
    errors.timepoint = 'timepoint';
  const answers = toAnswers(definition, state.draft);
  const computed = scoreInstrument(definition, answers).level;
  const judged = judgement(definition, computed, state.judgedLevel);
  if (judged.needsReason && state.judgementReason.trim() === '') errors.judgementReason = 'reasonRequired';
  return { errors, problems: validateAnswers(definition, answers) };
}

/** The request body: the judged level only when it differs from the computed one, the reason only with it. */
export function buildResponse(
  definition: InstrumentDefinition,
  state: FormState,
  context: { jointCaseId: string },
): ResponseBody {
  const answers = toAnswers(definition, state.draft);
  const computed = scoreInstrument(definition, answers).level;
  const judged = judgement(definition, computed, state.judgedLevel);
  const differs = judged.kind === 'raised' || judged.kind === 'lowered';
  const reason = state.judgementReason.trim();
  return {
    instrumentId: definition.id,
    version: definition.version,
    jointCaseId: context.jointCaseId,
    subject: subjectOf(definition),
    ...(asksForTimepoint(definition) && { timepoint: state.timepoint }),
    completedOn: state.completedOn,
    answers,
    ...(differs && state.judgedLevel && { judgedLevel: state.judgedLevel }),
    ...(differs && reason !== '' && { judgementReason: reason }),
  };
}

/** The server's field messages by path (`answers.<itemId>`, `judgementReason` …). */
export function serverFieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  const out: Record<string, string> = {};
  for (const field of error.fields) out[field.path] ??= field.message;
  return out;
}

/** Paths the renderer shows next to an input; other messages go to the alert above the form. */
export function shownPaths(definition: InstrumentDefinition): string[] {
  return [
    'completedOn',
    'timepoint',
    'judgedLevel',
    'judgementReason',
    ...itemsOf(definition).map((item) => `answers.${item.id}`),
  ];
}

/** Answered / unknown / total, for the summary. */
export function progress(definition: InstrumentDefinition, draft: Draft) {
  const items = itemsOf(definition);
  const answered = items.filter((item) => {
    const value = draft[item.id]?.value;
    return value !== null && value !== undefined && value !== '';
  }).length;
  const unknown = items.filter((item) => draft[item.id]?.value === 'unknown').length;
  return { answered, unknown, total: items.length };
}

/** 0 for the lowest level, 1 for the highest: drives the colour of a level. */
export function levelPosition(levels: ReadonlyArray<{ id: string }>, level: string | null): number | null {
  if (!level) return null;
  const index = levels.findIndex((candidate) => candidate.id === level);
  if (index < 0) return null;
  return levels.length <= 1 ? 1 : index / (levels.length - 1);
}

/** The colour of a level, dark enough for white text (intermediate takes dark text: see LevelBadge). */
export function levelColour(position: number | null): string {
  if (position === null) return 'gray';
  if (position >= 0.99) return 'red.8';
  if (position >= 0.5) return 'orange.5';
  return 'teal.9';
}

/** The one today of the web app: the network's, on the server's clock. */
export { todayIso } from '../../components/format';

/** Days between two YYYY-MM-DD dates (b − a). */
export function daysBetween(a: string, b: string): number {
  const parse = (iso: string) =>
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((parse(b) - parse(a)) / 86_400_000);
}

/** The tier rule in words: which levels follow from which counts (null for other rules). */
export function tierRule(definition: InstrumentDefinition) {
  const rule = definition.scoring;
  if (rule?.rule !== 'tier') return null;
  return { threshold: rule.nonSpecificThreshold, levels: rule.levels };
}

/**
 * Whether the level is the professional's own rating (structured professional judgement): then
 * the form shows no arithmetic and no second judgement to raise or lower it.
 */
export function isJudgementRule(definition: InstrumentDefinition): boolean {
  return definition.scoring?.rule === 'judgement';
}

/** Where each due item is done: the joint risk page, or the questionnaire at its time point. */
export function dueLink(item: DueItem): string {
  if (item.what === 'reassessment') return `/joint-cases/${item.jointCaseId}/risk`;
  return `/joint-cases/${item.jointCaseId}/impact/${encodeURIComponent(item.timepoint ?? 'T0')}`;
}

/** Reassessments after a critical event first (her safety), then what is overdue, then by date. */
export function sortDue(items: readonly DueItem[]): DueItem[] {
  const critical = (item: DueItem) => Number(item.reason === 'critical_event');
  return [...items].sort(
    (a, b) =>
      critical(b) - critical(a) || Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn),
  );
}
