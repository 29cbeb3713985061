import {
  anyMarker,
  type ChildAssessmentCreate,
  type ChildVulnerabilityMarkers,
  childVulnerabilityMarkers,
  type InstrumentDefinition,
  levelRank,
  scoreInstrument,
  validateAnswers,
} from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import { AppError, invalidInput } from '../../domain/errors.js';
import { latestDefinitionOf } from '../../instruments/registry.js';
import { instrumentPolicy } from '../../policy/instrument.policy.js';
import { definitionOf } from '../instruments/case-of-instrument.js';

export const CHILD_RISK_CHECKLIST = 'child_risk_checklist';
/** The children's instrument whose markers judge records that carry no Section B of their own. */
export const DEFAULT_CHILDREN_INSTRUMENT = 'asap-children-risk';

type ChildAssessment = z.infer<typeof ChildAssessmentCreate>;

/** What a child's Section B gives, ready for the record. */
export interface ScoredSectionB {
  instrumentId: string;
  version: number;
  answers: NonNullable<ChildAssessment['sectionB']>['answers'];
  refusedItems: string[];
  computedLevel: string | null;
  judgedLevel: string | null;
  judgementReason: string | undefined;
  level: string;
}

/**
 * Section B of one child (README, "Children, one by one"): the answers checked against the
 * children's instrument, scored by its rule, raised to its `atLeastLevel` while any marker holds
 * on the day of the assessment; professional judgement may raise that level, and lower it only
 * with a reason. Items the child refused to answer are neither answers nor "unknown".
 */
export async function scoreChildSectionB(
  scope: CommandScope,
  sectionB: NonNullable<ChildAssessment['sectionB']>,
  markers: ChildVulnerabilityMarkers,
): Promise<ScoredSectionB> {
  const definition = await definitionOf(
    scope,
    sectionB.instrumentId,
    sectionB.version,
    'sectionB.instrumentId',
  );
  if (definition.kind !== CHILD_RISK_CHECKLIST || !definition.childVulnerability)
    throw invalidInput('sectionB.instrumentId', 'This instrument is not a children’s risk checklist');
  const problems = validateAnswers(definition, sectionB.answers);
  if (problems.length > 0) {
    throw new AppError(
      400,
      'invalid_input',
      `sectionB.answers.${problems[0]!.itemId}: ${problems[0]!.message}`,
      problems.map((problem) => ({ path: `sectionB.answers.${problem.itemId}`, message: problem.message })),
    );
  }
  const itemIds = new Set(definition.sections.flatMap((section) => section.items.map((item) => item.id)));
  const badRefusal = sectionB.refusedItems.find((id) => !itemIds.has(id) || id in sectionB.answers);
  if (badRefusal !== undefined)
    throw invalidInput('sectionB.refusedItems', `${badRefusal}: not an item, or answered after all`);
  const sources = instrumentPolicy.answerSources(scope.actor);
  if (Object.values(sectionB.answers).some((answer) => answer.source && !sources.includes(answer.source)))
    throw invalidInput('sectionB.answers', 'That source is not yours to record');
  const computedLevel = scoreInstrument(definition, sectionB.answers).level;
  const ruleLevel = raisedByMarkers(definition, computedLevel, markers);
  const judgedLevel = sectionB.judgedLevel ?? null;
  if (judgedLevel !== null) {
    const problem = instrumentPolicy.judgementProblem(
      ruleLevel === null ? -1 : levelRank(definition, ruleLevel),
      levelRank(definition, judgedLevel),
      sectionB.judgementReason,
    );
    if (problem)
      throw invalidInput(
        problem.startsWith('No such') ? 'sectionB.judgedLevel' : 'sectionB.judgementReason',
        problem,
      );
  }
  const level = judgedLevel ?? ruleLevel;
  if (level === null) throw invalidInput('sectionB.judgedLevel', 'The answers give no level: judge one');
  return {
    instrumentId: definition.id,
    version: definition.version,
    answers: sectionB.answers,
    refusedItems: sectionB.refusedItems,
    computedLevel,
    judgedLevel,
    judgementReason: sectionB.judgementReason,
    level,
  };
}

/** The rule's level, lifted to the instrument's floor for a child with any vulnerability marker. */
function raisedByMarkers(
  definition: InstrumentDefinition,
  computed: string | null,
  markers: ChildVulnerabilityMarkers,
): string | null {
  const floor = definition.childVulnerability?.atLeastLevel;
  if (!floor || !anyMarker(markers)) return computed;
  if (computed === null) return floor;
  return levelRank(definition, computed) >= levelRank(definition, floor) ? computed : floor;
}

/** The markers of a child on `onDay`, under the vulnerability rule of the instrument named (or the default one). */
export async function markersOf(
  scope: CommandScope,
  instrument: { instrumentId: string; version: number } | null,
  facts: Parameters<typeof childVulnerabilityMarkers>[0],
  onDay: string,
): Promise<ChildVulnerabilityMarkers> {
  const definition = instrument
    ? await definitionOf(scope, instrument.instrumentId, instrument.version, 'sectionB.instrumentId')
    : await latestDefinitionOf(scope.db.query, DEFAULT_CHILDREN_INSTRUMENT);
  const rule = definition?.childVulnerability;
  if (!rule)
    return {
      underAge: false,
      medicalNeeds: facts.medicalNeeds,
      notVisibleToOthers: facts.notVisibleToOthers,
      withinPostSeparationWindow: false,
    };
  return childVulnerabilityMarkers(facts, rule, onDay);
}
