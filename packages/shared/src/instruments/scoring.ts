import type { Answers, InstrumentDefinition, InstrumentItem } from './definition.js';

export interface InstrumentResult {
  /** The computed level, or null for instruments without levels. */
  level: string | null;
  /** The number the rule computed (count or weighted sum), or null for the tier rule. */
  score: number | null;
  /** Sums per area, for questionnaires. */
  areaScores: Record<string, number>;
  /** Items answered "yes" per tier, for the tier rule and the joint view. */
  tierCounts: { serious: number; non_specific: number };
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
  return problems;
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
  const rule = definition.scoring;
  if (!rule) return { level: null, score: null, areaScores, tierCounts };

  const byBands = (score: number, bands: ReadonlyArray<{ min: number; level: string }>) =>
    [...bands].sort((a, b) => b.min - a.min).find((band) => score >= band.min)?.level ?? null;

  switch (rule.rule) {
    case 'tier': {
      const counted = rule.sections
        ? definition.sections
            .filter((section) => rule.sections!.includes(section.id))
            .flatMap((section) => section.items)
        : items;
      const serious = counted.some((item) => item.tier === 'serious' && isYes(item));
      const nonSpecific = counted.filter((item) => item.tier === 'non_specific' && isYes(item)).length;
      const level = serious
        ? rule.levels.serious
        : nonSpecific >= rule.nonSpecificThreshold
          ? rule.levels.nonSpecific
          : rule.levels.none;
      return { level, score: null, areaScores, tierCounts };
    }
    case 'count': {
      const score = items.filter((item) => answers[item.id]?.value === rule.countAnswer).length;
      return { level: byBands(score, rule.bands), score, areaScores, tierCounts };
    }
    case 'weighted_sum': {
      let score = 0;
      for (const item of items) {
        const weight = item.weight ?? rule.defaultWeight;
        const value = answers[item.id]?.value;
        if (item.type === 'scale' && typeof value === 'number') score += value * weight;
        if (item.type === 'yes_no_unknown' && value === 'yes') score += weight;
      }
      return { level: rule.bands ? byBands(score, rule.bands) : null, score, areaScores, tierCounts };
    }
  }
}

/** Position of a level in the definition (0 = lowest), for "raise" and "lower" judgements. */
export function levelRank(definition: InstrumentDefinition, level: string): number {
  return (definition.levels ?? []).findIndex((candidate) => candidate.id === level);
}
