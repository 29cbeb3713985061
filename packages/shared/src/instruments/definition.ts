import { z } from 'zod';
import { LANGUAGES } from '../enums.js';
import { ChildVulnerabilityRule } from './child-vulnerability.js';
import { LevelActions } from './level-actions.js';
import { ItemRaises } from './raises.js';

/**
 * Instruments (checklists, questionnaires) are versioned data, validated by these schemas when
 * loaded. A network adds its own validated tool by adding a file, not code (README: "Instruments").
 */

/** A text in several languages; English is required, the others fall back to it. */
export const I18nText = z
  .object({ en: z.string().min(1) })
  .catchall(z.string())
  .refine((value) => Object.keys(value).every((key) => (LANGUAGES as readonly string[]).includes(key)), {
    message: `Languages must be among ${LANGUAGES.join(', ')}`,
  });
export type I18nText = z.infer<typeof I18nText>;

const Identifier = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'Use lower-case letters, digits, - and _');

export const ITEM_TYPES = ['yes_no_unknown', 'scale', 'number', 'choice', 'text'] as const;
export const TIERS = ['serious', 'non_specific'] as const;

export const InstrumentItem = z
  .object({
    id: Identifier,
    text: I18nText,
    type: z.enum(ITEM_TYPES),
    tier: z.enum(TIERS).optional(),
    /** For weighted sums: what a "yes" or one scale point is worth (default from the rule). */
    weight: z.number().min(0).max(100).optional(),
    /** Items with the same area are summed together (IMPACT areas). */
    area: Identifier.optional(),
    scale: z.object({ min: z.number().int(), max: z.number().int(), labels: I18nText.optional() }).optional(),
    choices: z
      .array(z.object({ id: Identifier, label: I18nText }))
      .min(2)
      .optional(),
    /** What an answer sets off (instruments/raises.ts). */
    raises: ItemRaises.optional(),
    /** IT-safety-plan steps a "yes" draws in (digital-violence identification). */
    itSafetySteps: z.array(I18nText).max(10).optional(),
  })
  .superRefine((item, ctx) => {
    if (item.type === 'scale' && !item.scale)
      ctx.addIssue({
        code: 'custom',
        path: ['scale'],
        message: 'A scale item needs scale.min and scale.max',
      });
    if (item.scale && item.scale.max <= item.scale.min)
      ctx.addIssue({ code: 'custom', path: ['scale', 'max'], message: 'max must be above min' });
    if (item.type === 'choice' && !item.choices)
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'A choice item needs choices' });
    if (item.raises && 'answer' in item.raises.when && item.type !== 'yes_no_unknown')
      ctx.addIssue({
        code: 'custom',
        path: ['raises', 'when'],
        message: 'Only a yes/no item raises on "yes"',
      });
    if (item.raises && 'atLeast' in item.raises.when && item.type !== 'scale')
      ctx.addIssue({
        code: 'custom',
        path: ['raises', 'when'],
        message: 'Only a scale item raises at a rating',
      });
    if (item.itSafetySteps && item.type !== 'yes_no_unknown')
      ctx.addIssue({
        code: 'custom',
        path: ['itSafetySteps'],
        message: 'Only a yes/no item draws in IT-safety steps',
      });
  });
export type InstrumentItem = z.infer<typeof InstrumentItem>;

const Band = z.object({ min: z.number(), level: Identifier });
/** Sections whose items a rule reads (default: all). */
const RuleSections = z.array(Identifier).min(1).optional();

const TierRule = z.object({
  /** Any serious indicator → serious level; at least N non-specific → non-specific level; else none. */
  rule: z.literal('tier'),
  nonSpecificThreshold: z.number().int().min(1),
  sections: RuleSections,
  levels: z.object({ serious: Identifier, nonSpecific: Identifier, none: Identifier }),
});
const CountRule = z.object({
  /** How many items were answered with countAnswer, mapped to a level by bands. */
  rule: z.literal('count'),
  countAnswer: z.enum(['yes', 'no', 'unknown']),
  sections: RuleSections,
  bands: z.array(Band).min(1),
});
const WeightedSumRule = z.object({
  /** Sum of yes answers × weight and scale values × weight, optionally mapped to a level by bands. */
  rule: z.literal('weighted_sum'),
  defaultWeight: z.number().min(0).default(1),
  sections: RuleSections,
  bands: z.array(Band).min(1).optional(),
});
const JudgementRule = z.object({
  /**
   * Structured professional judgement: no arithmetic. The level is the professional's answer to
   * one `choice` item whose choice ids are level ids; the factors are rated, not summed.
   */
  rule: z.literal('judgement'),
  levelItem: Identifier,
});

/** The arithmetic a section of a `per_section` rule is scored by, over that section's items. */
export const SectionScoringRule = z.discriminatedUnion('rule', [TierRule, CountRule, WeightedSumRule]);
export type SectionScoringRule = z.infer<typeof SectionScoringRule>;
/** The rules a `combined` rule applies to the same answers. */
export const CombinableRule = z.discriminatedUnion('rule', [
  TierRule,
  CountRule,
  WeightedSumRule,
  JudgementRule,
]);
export type CombinableRule = z.infer<typeof CombinableRule>;

/** The closed set of scoring rules. An unknown rule is refused when the file is loaded. */
export const ScoringRule = z.discriminatedUnion('rule', [
  TierRule,
  CountRule,
  WeightedSumRule,
  JudgementRule,
  z.object({
    /** Each named section scored by its own rule; the overall level is the highest of theirs. */
    rule: z.literal('per_section'),
    sections: z.array(z.object({ section: Identifier, scoring: SectionScoringRule })).min(1),
    combine: z.literal('highest').default('highest'),
  }),
  z.object({
    /** Several rules over the same answers (a count OR a serious indicator): the highest level wins. */
    rule: z.literal('combined'),
    rules: z.array(CombinableRule).min(2),
    combine: z.literal('highest').default('highest'),
  }),
]);
export type ScoringRule = z.infer<typeof ScoringRule>;

/** Choice ids of a factor rated in structured professional judgement. */
export const FACTOR_RATINGS = ['present', 'partial', 'absent'] as const;

export const InstrumentLevel = z.object({
  id: Identifier,
  label: I18nText,
  /** Days until the next reassessment at this level (a network may override). */
  reassessDays: z.number().int().min(1).max(365).optional(),
  /** What the network expects once this level is agreed (instruments/level-actions.ts). */
  actions: LevelActions.optional(),
});

/** `child_risk_checklist`: answered for one child at a time (README, "Children, one by one"). */
export const INSTRUMENT_KINDS = [
  'risk_checklist',
  'child_risk_checklist',
  'questionnaire',
  'identification',
  'evaluation',
  /** His risk factors, given by his programme (instruments/his-risk-factors.v1.json). */
  'risk_factors',
] as const;
export const INSTRUMENT_SUBJECTS = ['him', 'her', 'case', 'children', 'network'] as const;

/**
 * Where an instrument comes from and under which licence. `illustrative`: the structure of a
 * published tool with Tandem's own wording, not the tool itself (whose text is not free); a
 * network that holds the licence loads the original as its own file.
 */
export const InstrumentSource = z.object({
  title: z.string().trim().min(1).max(300),
  publisher: z.string().trim().min(1).max(300).optional(),
  url: z.url().optional(),
  licence: z.string().trim().min(1).max(300),
  illustrative: z.boolean(),
  note: z.string().trim().min(1).max(2000).optional(),
});
export type InstrumentSource = z.infer<typeof InstrumentSource>;

export const InstrumentDefinition = z
  .object({
    id: Identifier,
    version: z.number().int().min(1),
    kind: z.enum(INSTRUMENT_KINDS),
    subject: z.enum(INSTRUMENT_SUBJECTS),
    title: I18nText,
    description: I18nText.optional(),
    source: InstrumentSource.optional(),
    sections: z
      .array(z.object({ id: Identifier, title: I18nText, items: z.array(InstrumentItem).min(1) }))
      .min(1),
    /** Levels from lowest to highest. */
    levels: z.array(InstrumentLevel).optional(),
    scoring: ScoringRule.nullable(),
    /** The children's extra vulnerability markers (a child_risk_checklist only). */
    childVulnerability: ChildVulnerabilityRule.optional(),
  })
  .superRefine((definition, ctx) => {
    const itemIds = definition.sections.flatMap((section) => section.items.map((item) => item.id));
    const duplicate = itemIds.find((id, index) => itemIds.indexOf(id) !== index);
    if (duplicate)
      ctx.addIssue({ code: 'custom', path: ['sections'], message: `Item id ${duplicate} is used twice` });
    if (definition.scoring) checkRule(definition, definition.scoring, ['scoring'], ctx);
    const floor = definition.childVulnerability?.atLeastLevel;
    if (floor && !(definition.levels ?? []).some((level) => level.id === floor))
      ctx.addIssue({
        code: 'custom',
        path: ['childVulnerability', 'atLeastLevel'],
        message: `Level ${floor} is not defined`,
      });
    if (definition.kind === 'child_risk_checklist' && (!definition.childVulnerability || !definition.scoring))
      ctx.addIssue({
        code: 'custom',
        path: ['childVulnerability'],
        message: 'A children’s risk checklist needs a scoring rule and childVulnerability',
      });
  });
export type InstrumentDefinition = z.infer<typeof InstrumentDefinition>;

type Definition = Pick<z.infer<typeof InstrumentDefinition>, 'sections' | 'levels'>;
type Path = Array<string | number>;

/**
 * What the schema alone cannot see in a rule: every level it gives is defined, every section it
 * names exists, and a judgement's item offers exactly levels. Each fault names its path.
 */
function checkRule(definition: Definition, rule: ScoringRule, at: Path, ctx: z.RefinementCtx): void {
  const fault = (path: Path, message: string) => ctx.addIssue({ code: 'custom', path, message });
  const levelIds = new Set((definition.levels ?? []).map((level) => level.id));
  const sectionIds = new Set(definition.sections.map((section) => section.id));
  const needLevel = (level: string, path: Path) => {
    if (!levelIds.has(level)) fault(path, `Level ${level} is used by the scoring rule but not defined`);
  };
  const needSection = (section: string, path: Path) => {
    if (!sectionIds.has(section)) fault(path, `No section ${section}`);
  };
  switch (rule.rule) {
    case 'tier':
      for (const [key, level] of Object.entries(rule.levels)) needLevel(level, [...at, 'levels', key]);
      for (const [index, section] of (rule.sections ?? []).entries())
        needSection(section, [...at, 'sections', index]);
      break;
    case 'count':
    case 'weighted_sum':
      for (const [index, band] of (rule.bands ?? []).entries())
        needLevel(band.level, [...at, 'bands', index, 'level']);
      for (const [index, section] of (rule.sections ?? []).entries())
        needSection(section, [...at, 'sections', index]);
      break;
    case 'judgement': {
      const path = [...at, 'levelItem'];
      const item = definition.sections
        .flatMap((section) => section.items)
        .find((candidate) => candidate.id === rule.levelItem);
      if (!item) fault(path, `No item ${rule.levelItem}`);
      else if (item.type !== 'choice')
        fault(path, `Item ${rule.levelItem} must be a choice item whose choices are the levels`);
      else
        for (const choice of item.choices ?? [])
          if (!levelIds.has(choice.id))
            fault(path, `Choice ${choice.id} of item ${rule.levelItem} is not a defined level`);
      break;
    }
    case 'per_section':
      for (const [index, part] of rule.sections.entries()) {
        const partAt = [...at, 'sections', index];
        needSection(part.section, [...partAt, 'section']);
        if (rule.sections.findIndex((other) => other.section === part.section) !== index)
          fault([...partAt, 'section'], `Section ${part.section} is scored twice`);
        // A section's rule reads that section's items: it names no sections of its own.
        if (part.scoring.sections)
          fault([...partAt, 'scoring', 'sections'], 'A section’s rule reads its own section only');
        checkRule(definition, part.scoring, [...partAt, 'scoring'], ctx);
      }
      break;
    case 'combined':
      for (const [index, inner] of rule.rules.entries())
        checkRule(definition, inner, [...at, 'rules', index], ctx);
      break;
  }
}

export const ANSWER_SOURCES = ['him', 'her', 'agency', 'professional_observation'] as const;
export type AnswerSource = (typeof ANSWER_SOURCES)[number];

/** One item's answer: the value, a note, and where the information came from. */
export const ItemAnswer = z.object({
  value: z
    .union([
      z.enum(['yes', 'no', 'unknown']),
      z.number().min(-1_000_000).max(1_000_000),
      z.string().max(4000),
    ])
    .nullable(),
  note: z.string().trim().max(2000).optional(),
  source: z.enum(ANSWER_SOURCES).optional(),
  sourceAgencyId: z.uuid().optional(),
});
export type ItemAnswer = z.infer<typeof ItemAnswer>;
/** Bounded like every input: no instrument has more items than this, nor longer item ids. */
const MAX_ANSWERS = 500;
export const Answers = z
  .record(z.string().max(100), ItemAnswer)
  .refine((answers) => Object.keys(answers).length <= MAX_ANSWERS, {
    message: `At most ${MAX_ANSWERS} answers`,
  });
export type Answers = z.infer<typeof Answers>;
