import {
  type Answers,
  anyMarker,
  type ChildAssessmentCreate,
  type ChildVulnerabilityMarkers,
  childVulnerabilityMarkers,
  type InstrumentDefinition,
  levelRank,
  scoreInstrument,
} from '@tandem/shared';
import type { z } from 'zod';
import { itemsOf, judgement } from '../../../instruments/logic';

/**
 * The pure logic of one child's Section B in the assessment form (no React): the draft as the
 * API takes it, and the level the server will give, previewed with the same scoring function and
 * the same floor for a child with a vulnerability marker (services/joint-case/child-section-b.ts).
 */

/** One item as the form holds it: an answer, the child's refusal to answer, or nothing yet. */
export type ItemChoice = '' | 'yes' | 'no' | 'unknown' | 'refused';
export const ITEM_CHOICES = ['yes', 'no', 'unknown', 'refused'] as const;

export interface SectionBDraft {
  items: Record<string, ItemChoice>;
  /** '' keeps the rule's level. */
  judgedLevel: string;
  judgementReason: string;
}

export const emptySectionB = (): SectionBDraft => ({ items: {}, judgedLevel: '', judgementReason: '' });

type SectionBInput = NonNullable<z.input<typeof ChildAssessmentCreate>['sectionB']>;

/** The answers (refusals are not answers, nor "unknown") and the items the child refused. */
export function answersOf(definition: InstrumentDefinition, draft: SectionBDraft) {
  const answers: Answers = {};
  const refusedItems: string[] = [];
  for (const item of itemsOf(definition)) {
    const choice = draft.items[item.id] ?? '';
    if (choice === 'refused') refusedItems.push(item.id);
    else if (choice !== '') answers[item.id] = { value: choice };
  }
  return { answers, refusedItems };
}

/** The rule's level for this child: the instrument's scoring, lifted to its floor while a marker holds. */
export function previewLevel(
  definition: InstrumentDefinition,
  draft: SectionBDraft,
  markers: ChildVulnerabilityMarkers,
): { computed: string | null; rule: string | null; raisedByMarkers: boolean } {
  const computed = scoreInstrument(definition, answersOf(definition, draft).answers).level;
  const floor = definition.childVulnerability?.atLeastLevel;
  if (!floor || !anyMarker(markers)) return { computed, rule: computed, raisedByMarkers: false };
  if (computed !== null && levelRank(definition, computed) >= levelRank(definition, floor))
    return { computed, rule: computed, raisedByMarkers: false };
  return { computed, rule: floor, raisedByMarkers: true };
}

/** The child's markers on the day of the assessment (the server says them again from the record). */
export function markersOn(
  definition: InstrumentDefinition | undefined,
  facts: {
    dateOfBirth: string | null;
    medicalNeeds: boolean;
    notVisibleToOthers: boolean;
    separationOn: string;
  },
  onDay: string,
): ChildVulnerabilityMarkers {
  const rule = definition?.childVulnerability;
  const base = {
    dateOfBirth: facts.dateOfBirth,
    medicalNeeds: facts.medicalNeeds,
    notVisibleToOthers: facts.notVisibleToOthers,
    separationOn: facts.separationOn === '' ? null : facts.separationOn,
  };
  if (!rule)
    return {
      underAge: false,
      medicalNeeds: base.medicalNeeds,
      notVisibleToOthers: base.notVisibleToOthers,
      withinPostSeparationWindow: false,
    };
  return childVulnerabilityMarkers(base, rule, onDay);
}

/** Whether anything of Section B was given: an answer, a refusal or a judged level. */
export const sectionBStarted = (draft: SectionBDraft) =>
  draft.judgedLevel !== '' || Object.values(draft.items).some((choice) => choice !== '');

/** Lowering the rule's level needs a reason (the server's judgementProblem says the same). */
export function needsReason(
  definition: InstrumentDefinition,
  ruleLevel: string | null,
  draft: SectionBDraft,
) {
  return judgement(definition, ruleLevel, draft.judgedLevel || null).needsReason;
}

/**
 * The request's `sectionB`: undefined when nothing was given; the judged level only when it
 * differs from the rule's, the reason only with it.
 */
export function toSectionB(
  definition: InstrumentDefinition,
  draft: SectionBDraft,
  markers: ChildVulnerabilityMarkers,
): SectionBInput | undefined {
  if (!sectionBStarted(draft)) return undefined;
  const { answers, refusedItems } = answersOf(definition, draft);
  const { rule } = previewLevel(definition, draft, markers);
  const judged = draft.judgedLevel !== '' && draft.judgedLevel !== rule ? draft.judgedLevel : undefined;
  const reason = draft.judgementReason.trim();
  return {
    instrumentId: definition.id,
    version: definition.version,
    answers,
    refusedItems,
    ...(judged && { judgedLevel: judged }),
    ...(judged && reason !== '' && { judgementReason: reason }),
  };
}
