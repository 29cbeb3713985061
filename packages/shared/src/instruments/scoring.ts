import {
  type Answers,
  type CombinableRule,
  FACTOR_RATINGS,
  type InstrumentDefinition,
  type InstrumentItem,
  type ScoringRule,
} from './definition.js';

/** What one rule gave: a level (null where it has no bands, or nothing was chosen) and its number. */
export interface RuleOutcome {
  level: string | null;
  /** The count or weighted sum, or null for the tier and judgement rules. */
  score: number | null;
}

export interface InstrumentResult {
  /** The computed level, or null for instruments without levels. */
  level: string | null;
  /**
   * The number the rule computed (count or weighted sum), or null for the tier rule, a judgement
   * (no arithmetic) and the rules made of several (their parts carry their own).
   */
  score: number | null;
  /** Sums per area, for questionnaires. */
  areaScores: Record<string, number>;
  /** Items answered "yes" per tier, for the tier rule and the joint view. */
  tierCounts: { serious: number; non_specific: number };
  /** Factors rated present / partially present / absent, where the instrument rates factors (SPJ). */
  factorCounts?: Record<(typeof FACTOR_RATINGS)[number], number>;
  /** For the per-section rule: each section's own outcome, by section id. */
  sectionResults?: Record<string, RuleOutcome>;
  /** For the combined rule: each rule's outcome, in the definition's order. */
  ruleResults?: Array<RuleOutcome & { rule: CombinableRule['rule'] }>;
}

export interface AnswerProblem {
  itemId: string;
  message: string;
}

const allItems = (definition: InstrumentDefinition): InstrumentItem[] =>
  definition.sections.flatMap((section) => section.items);

/** Checks answers against the definition: unknown items and values of the wrong type are named. */
export function validateAnswers(definition: InstrumentDefinition, answers: Answers): AnswerProblem[] {
  const items = new Map(allItems(definition).map((item) => [item.id, item]));
  const problems: AnswerProblem[] = [];
  for (const [itemId, answer] of Object.entries(answers)) {
    const item = items.get(itemId);
    if (!item) {
      problems.push({ itemId, message: 'No such item in this instrument version' });
      continue;
    }
    const value = answer.value;
    if (value === null) continue;
    const wrong = (message: string) => problems.push({ itemId, message });
    switch (item.type) {
      case 'yes_no_unknown':
        if (value !== 'yes' && value !== 'no' && value !== 'unknown') wrong('Answer yes, no or unknown');
        break;
      case 'scale':
        if (
          typeof value !== 'number' ||
          !Number.isInteger(value) ||
          value < item.scale!.min ||
          value > item.scale!.max
        ) {
          wrong(`Answer a whole number from ${item.scale!.min} to ${item.scale!.max}`);
        }
        break;
      case 'number':
        if (typeof value !== 'number') wrong('Answer a number');
        break;
      case 'choice':
        if (!item.choices!.some((choice) => choice.id === value)) wrong('Choose one of the listed answers');
        break;
      case 'text':
        if (typeof value !== 'string') wrong('Answer with text');
        break;
    }
  }
  // Structured professional judgement has no arithmetic to fall back on: without the summary
  // rating there is no level, and a recorded assessment without a level would look like "no risk".
  for (const levelItem of judgementLevelItems(definition.scoring)) {
    if (answers[levelItem]?.value == null && !problems.some((problem) => problem.itemId === levelItem))
      problems.push({
        itemId: levelItem,
        message: 'Give the summary risk rating: it is the level of this judgement',
      });
  }
  return problems;
}

function judgementLevelItems(scoring: ScoringRule | null): string[] {
  if (!scoring) return [];
  switch (scoring.rule) {
    case 'judgement':
      return [scoring.levelItem];
    case 'combined':
      return scoring.rules.flatMap((rule) => (rule.rule === 'judgement' ? [rule.levelItem] : []));
    default:
      return [];
  }
}

/** A choice item rated present / partial / absent: a factor of structured professional judgement. */
export const isFactorItem = (item: InstrumentItem): boolean =>
  item.type === 'choice' &&
  (item.choices ?? []).length > 0 &&
  (item.choices ?? []).every((choice) => (FACTOR_RATINGS as readonly string[]).includes(choice.id));

const byBands = (score: number, bands: ReadonlyArray<{ min: number; level: string }>) =>
  [...bands].sort((a, b) => b.min - a.min).find((band) => score >= band.min)?.level ?? null;

/** The items a rule reads: those of the sections it names, else all. */
const itemsOf = (definition: InstrumentDefinition, sections: readonly string[] | undefined) =>
  sections
    ? definition.sections
        .filter((section) => sections.includes(section.id))
        .flatMap((section) => section.items)
    : allItems(definition);

/** The highest-ranked of these levels (the definition lists levels from lowest to highest). */
function highestLevel(definition: InstrumentDefinition, levels: ReadonlyArray<string | null>): string | null {
  let highest: string | null = null;
  for (const level of levels)
    if (level !== null && (highest === null || levelRank(definition, level) > levelRank(definition, highest)))
      highest = level;
  return highest;
}

/** One basic rule over these items. */
function applyRule(
  rule: CombinableRule,
  definition: InstrumentDefinition,
  items: readonly InstrumentItem[],
  answers: Answers,
): RuleOutcome {
  const answerOf = (item: InstrumentItem) => answers[item.id]?.value;
  switch (rule.rule) {
    case 'tier': {
      const counted = rule.sections ? itemsOf(definition, rule.sections) : items;
      const serious = counted.some((item) => item.tier === 'serious' && answerOf(item) === 'yes');
      const nonSpecific = counted.filter(
        (item) => item.tier === 'non_specific' && answerOf(item) === 'yes',
      ).length;
      const level = serious
        ? rule.levels.serious
        : nonSpecific >= rule.nonSpecificThreshold
          ? rule.levels.nonSpecific
          : rule.levels.none;
      return { level, score: null };
    }
    case 'count': {
      const counted = rule.sections ? itemsOf(definition, rule.sections) : items;
      const score = counted.filter((item) => answerOf(item) === rule.countAnswer).length;
      return { level: byBands(score, rule.bands), score };
    }
    case 'weighted_sum': {
      const counted = rule.sections ? itemsOf(definition, rule.sections) : items;
      let score = 0;
      for (const item of counted) {
        const weight = item.weight ?? rule.defaultWeight;
        const value = answerOf(item);
        if (item.type === 'scale' && typeof value === 'number') score += value * weight;
        if (item.type === 'yes_no_unknown' && value === 'yes') score += weight;
      }
      return { level: rule.bands ? byBands(score, rule.bands) : null, score };
    }
    case 'judgement': {
      // The professional's rating is the level; unrated, there is none yet.
      const value = answers[rule.levelItem]?.value;
      return {
        level: typeof value === 'string' && levelRank(definition, value) >= 0 ? value : null,
        score: null,
      };
    }
  }
}

function applyScoring(
  rule: ScoringRule,
  definition: InstrumentDefinition,
  answers: Answers,
): RuleOutcome & Pick<InstrumentResult, 'sectionResults' | 'ruleResults'> {
  switch (rule.rule) {
    case 'per_section': {
      const sectionResults: Record<string, RuleOutcome> = {};
      for (const part of rule.sections) {
        const section = definition.sections.find((candidate) => candidate.id === part.section);
        sectionResults[part.section] = applyRule(part.scoring, definition, section?.items ?? [], answers);
      }
      const levels = Object.values(sectionResults).map((outcome) => outcome.level);
      return { level: highestLevel(definition, levels), score: null, sectionResults };
    }
    case 'combined': {
      const ruleResults = rule.rules.map((inner) => ({
        rule: inner.rule,
        ...applyRule(inner, definition, allItems(definition), answers),
      }));
      const levels = ruleResults.map((outcome) => outcome.level);
      return { level: highestLevel(definition, levels), score: null, ruleResults };
    }
    default:
      return applyRule(rule, definition, allItems(definition), answers);
  }
}

/** Applies the definition's scoring rule. Pure: the same definition and answers give the same result. */
export function scoreInstrument(definition: InstrumentDefinition, answers: Answers): InstrumentResult {
  const items = allItems(definition);
  const isYes = (item: InstrumentItem) => answers[item.id]?.value === 'yes';
  const tierCounts = {
    serious: items.filter((item) => item.tier === 'serious' && isYes(item)).length,
    non_specific: items.filter((item) => item.tier === 'non_specific' && isYes(item)).length,
  };
  const areaScores: Record<string, number> = {};
  for (const item of items) {
    if (!item.area) continue;
    const value = answers[item.id]?.value;
    const points = typeof value === 'number' ? value : value === 'yes' ? 1 : 0;
    areaScores[item.area] = (areaScores[item.area] ?? 0) + points;
  }
  const factors = items.filter(isFactorItem);
  const factorCounts =
    factors.length > 0
      ? {
          present: factors.filter((item) => answers[item.id]?.value === 'present').length,
          partial: factors.filter((item) => answers[item.id]?.value === 'partial').length,
          absent: factors.filter((item) => answers[item.id]?.value === 'absent').length,
        }
      : undefined;
  const base = { areaScores, tierCounts, ...(factorCounts ? { factorCounts } : {}) };
  if (!definition.scoring) return { level: null, score: null, ...base };
  return { ...applyScoring(definition.scoring, definition, answers), ...base };
}

/** Position of a level in the definition (0 = lowest), for "raise" and "lower" judgements. */
export function levelRank(definition: InstrumentDefinition, level: string): number {
  return (definition.levels ?? []).findIndex((candidate) => candidate.id === level);
}
