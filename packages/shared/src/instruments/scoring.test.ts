import { describe, expect, it } from 'vitest';
import { type Answers, InstrumentDefinition } from './definition.js';
import { scoreInstrument, validateAnswers } from './scoring.js';

/** Rated factors, a risk section of yes/no items, and the professional's summary rating. */
const factor = (id: string) => ({
  id,
  text: { en: id },
  type: 'choice',
  choices: [
    { id: 'present', label: { en: 'Present' } },
    { id: 'partial', label: { en: 'Partially present' } },
    { id: 'absent', label: { en: 'Absent' } },
  ],
});
const yesNo = (id: string, tier?: 'serious' | 'non_specific') => ({
  id,
  text: { en: id },
  type: 'yes_no_unknown',
  ...(tier ? { tier } : {}),
});

const raw = (scoring: unknown) => ({
  id: 'rules-test',
  version: 1,
  kind: 'risk_checklist',
  subject: 'case',
  title: { en: 'Rules' },
  sections: [
    { id: 'violence', title: { en: 'Violence' }, items: [yesNo('v1', 'serious'), yesNo('v2'), yesNo('v3')] },
    {
      id: 'context',
      title: { en: 'Context' },
      items: [yesNo('c1', 'non_specific'), yesNo('c2', 'non_specific')],
    },
    { id: 'factors', title: { en: 'Factors' }, items: [factor('f1'), factor('f2'), factor('f3')] },
    {
      id: 'summary',
      title: { en: 'Summary' },
      items: [
        {
          id: 'rating',
          text: { en: 'Summary rating' },
          type: 'choice',
          choices: [
            { id: 'low', label: { en: 'Low' } },
            { id: 'medium', label: { en: 'Medium' } },
            { id: 'high', label: { en: 'High' } },
          ],
        },
      ],
    },
  ],
  levels: [
    { id: 'low', label: { en: 'Low' } },
    { id: 'medium', label: { en: 'Medium' } },
    { id: 'high', label: { en: 'High' } },
  ],
  scoring,
});
const definitionWith = (scoring: unknown) => InstrumentDefinition.parse(raw(scoring));

const judgement = definitionWith({ rule: 'judgement', levelItem: 'rating' });
const perSection = definitionWith({
  rule: 'per_section',
  sections: [
    {
      section: 'violence',
      scoring: {
        rule: 'count',
        countAnswer: 'yes',
        bands: [
          { min: 0, level: 'low' },
          { min: 2, level: 'high' },
        ],
      },
    },
    {
      section: 'context',
      scoring: {
        rule: 'tier',
        nonSpecificThreshold: 2,
        levels: { serious: 'high', nonSpecific: 'medium', none: 'low' },
      },
    },
  ],
});
const combined = definitionWith({
  rule: 'combined',
  rules: [
    {
      rule: 'count',
      countAnswer: 'yes',
      bands: [
        { min: 0, level: 'low' },
        { min: 3, level: 'medium' },
      ],
    },
    {
      rule: 'tier',
      nonSpecificThreshold: 9,
      levels: { serious: 'high', nonSpecific: 'medium', none: 'low' },
    },
  ],
});

const answers = (values: Record<string, string>): Answers =>
  Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value }]));

describe('the judgement rule (structured professional judgement)', () => {
  it.each([
    ['unrated: no level yet', {}, null],
    [
      'the professional rates low although every factor is present',
      { f1: 'present', f2: 'present', f3: 'present', rating: 'low' },
      'low',
    ],
    ['the professional rates high with no factor present', { f1: 'absent', rating: 'high' }, 'high'],
    ['factors alone give no level', { f1: 'present', f2: 'present', f3: 'present' }, null],
  ] as const)('%s', (_name, values, level) => {
    const result = scoreInstrument(judgement, answers(values));
    expect(result.level).toBe(level);
    // No arithmetic: a judgement has no score.
    expect(result.score).toBeNull();
  });

  it('is not valid to record without the summary rating; the rating item is named', () => {
    expect(validateAnswers(judgement, answers({ f1: 'present' }))).toEqual([
      { itemId: 'rating', message: expect.stringMatching(/summary risk rating/) },
    ]);
    expect(validateAnswers(judgement, answers({ f1: 'present', rating: 'low' }))).toEqual([]);
  });

  it('counts the factors present, partially present and absent, for display', () => {
    const result = scoreInstrument(judgement, answers({ f1: 'present', f2: 'partial', rating: 'medium' }));
    expect(result.factorCounts).toEqual({ present: 1, partial: 1, absent: 0 });
  });
});

describe('the per-section rule', () => {
  it.each([
    ['nothing', {}, 'low', { violence: 'low', context: 'low' }],
    [
      'two yes in violence: that section is high',
      { v2: 'yes', v3: 'yes' },
      'high',
      { violence: 'high', context: 'low' },
    ],
    [
      'context reaches medium, violence stays low',
      { v2: 'yes', c1: 'yes', c2: 'yes' },
      'medium',
      { violence: 'low', context: 'medium' },
    ],
    // The violence section's count reads only its own items: context answers do not add to it.
    [
      'yes answers elsewhere do not count in a section',
      { v1: 'yes', c1: 'yes' },
      'low',
      { violence: 'low', context: 'low' },
    ],
  ] as const)('%s', (_name, values, level, sections) => {
    const result = scoreInstrument(perSection, answers(values));
    expect(result.level).toBe(level);
    expect(
      Object.fromEntries(
        Object.entries(result.sectionResults ?? {}).map(([id, outcome]) => [id, outcome.level]),
      ),
    ).toEqual(sections);
  });

  it('keeps each section’s count', () => {
    expect(scoreInstrument(perSection, answers({ v2: 'yes' })).sectionResults?.violence).toEqual({
      level: 'low',
      score: 1,
    });
  });
});

describe('the combined rule', () => {
  it.each([
    ['neither rule is met', { v2: 'yes' }, 'low'],
    ['the count alone', { v2: 'yes', v3: 'yes', c1: 'yes' }, 'medium'],
    ['a serious indicator alone', { v1: 'yes' }, 'high'],
    ['both: the higher level', { v1: 'yes', v2: 'yes', v3: 'yes' }, 'high'],
  ] as const)('%s', (_name, values, level) => {
    const result = scoreInstrument(combined, answers(values));
    expect(result.level).toBe(level);
    expect(result.ruleResults?.map((outcome) => outcome.rule)).toEqual(['count', 'tier']);
  });
});

describe('the earlier rules keep their results', () => {
  it('has no factor counts, section or rule results where the instrument has none', () => {
    const count = InstrumentDefinition.parse({
      ...raw({ rule: 'count', countAnswer: 'yes', bands: [{ min: 0, level: 'low' }] }),
      sections: [raw(null).sections[0]],
    });
    expect(scoreInstrument(count, answers({ v1: 'yes' }))).toEqual({
      level: 'low',
      score: 1,
      areaScores: {},
      tierCounts: { serious: 1, non_specific: 0 },
    });
  });

  it('counts only the named sections when a count names them', () => {
    const count = definitionWith({
      rule: 'count',
      countAnswer: 'yes',
      sections: ['context'],
      bands: [{ min: 0, level: 'low' }],
    });
    expect(scoreInstrument(count, answers({ v1: 'yes', c1: 'yes' })).score).toBe(1);
  });
});

describe('refusing a malformed rule when it is loaded', () => {
  const faults = (scoring: unknown) => {
    const parsed = InstrumentDefinition.safeParse(raw(scoring));
    return parsed.success
      ? []
      : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it.each([
    [
      'a judgement item that does not exist',
      { rule: 'judgement', levelItem: 'nope' },
      'scoring.levelItem: No item nope',
    ],
    [
      'a judgement item that is not a choice',
      { rule: 'judgement', levelItem: 'v1' },
      'scoring.levelItem: Item v1 must be a choice',
    ],
    [
      'a judgement item whose choices are not levels',
      { rule: 'judgement', levelItem: 'f1' },
      'scoring.levelItem: Choice present of item f1 is not a defined level',
    ],
    [
      'a section that does not exist',
      {
        rule: 'per_section',
        sections: [
          {
            section: 'nope',
            scoring: { rule: 'count', countAnswer: 'yes', bands: [{ min: 0, level: 'low' }] },
          },
        ],
      },
      'scoring.sections.0.section: No section nope',
    ],
    [
      'a section scored twice',
      {
        rule: 'per_section',
        sections: [
          {
            section: 'violence',
            scoring: { rule: 'count', countAnswer: 'yes', bands: [{ min: 0, level: 'low' }] },
          },
          {
            section: 'violence',
            scoring: { rule: 'count', countAnswer: 'no', bands: [{ min: 0, level: 'low' }] },
          },
        ],
      },
      'scoring.sections.1.section: Section violence is scored twice',
    ],
    [
      'a section’s rule that names other sections',
      {
        rule: 'per_section',
        sections: [
          {
            section: 'violence',
            scoring: {
              rule: 'count',
              countAnswer: 'yes',
              sections: ['context'],
              bands: [{ min: 0, level: 'low' }],
            },
          },
        ],
      },
      'scoring.sections.0.scoring.sections: A section’s rule reads its own section only',
    ],
    [
      'an undefined level inside a section’s rule',
      {
        rule: 'per_section',
        sections: [
          {
            section: 'violence',
            scoring: { rule: 'count', countAnswer: 'yes', bands: [{ min: 0, level: 'extreme' }] },
          },
        ],
      },
      'scoring.sections.0.scoring.bands.0.level: Level extreme is used by the scoring rule but not defined',
    ],
    [
      'an undefined level inside a combined rule',
      {
        rule: 'combined',
        rules: [
          { rule: 'judgement', levelItem: 'rating' },
          {
            rule: 'tier',
            nonSpecificThreshold: 1,
            levels: { serious: 'extreme', nonSpecific: 'medium', none: 'low' },
          },
        ],
      },
      'scoring.rules.1.levels.serious: Level extreme is used',
    ],
    [
      'a combined rule of one rule',
      { rule: 'combined', rules: [{ rule: 'judgement', levelItem: 'rating' }] },
      'scoring.rules',
    ],
    [
      'a rule nested where it may not be',
      {
        rule: 'combined',
        rules: [
          { rule: 'judgement', levelItem: 'rating' },
          { rule: 'combined', rules: [] },
        ],
      },
      'scoring.rules.1.rule',
    ],
  ])('%s', (_name, scoring, expected) => {
    expect(faults(scoring).join('\n')).toContain(expected);
  });

  it('takes a well-formed rule of each kind', () => {
    for (const scoring of [judgement.scoring, perSection.scoring, combined.scoring])
      expect(faults(scoring)).toEqual([]);
  });
});
