import { z } from 'zod';
import { LANGUAGES } from '../enums.js';

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
  });
export type InstrumentItem = z.infer<typeof InstrumentItem>;

const Band = z.object({ min: z.number(), level: Identifier });

/** The closed set of scoring rules. An unknown rule is refused when the file is loaded. */
export const ScoringRule = z.discriminatedUnion('rule', [
  z.object({
    /** Any serious indicator → serious level; at least N non-specific → non-specific level; else none. */
    rule: z.literal('tier'),
    nonSpecificThreshold: z.number().int().min(1),
    /** Sections that count (default: all). */
    sections: z.array(Identifier).optional(),
    levels: z.object({ serious: Identifier, nonSpecific: Identifier, none: Identifier }),
  }),
  z.object({
    /** How many items were answered with countAnswer, mapped to a level by bands. */
    rule: z.literal('count'),
    countAnswer: z.enum(['yes', 'no', 'unknown']),
    bands: z.array(Band).min(1),
  }),
  z.object({
    /** Sum of yes answers × weight and scale values × weight, optionally mapped to a level by bands. */
    rule: z.literal('weighted_sum'),
    defaultWeight: z.number().min(0).default(1),
    bands: z.array(Band).min(1).optional(),
  }),
]);
export type ScoringRule = z.infer<typeof ScoringRule>;

export const InstrumentLevel = z.object({
  id: Identifier,
  label: I18nText,
  /** Days until the next reassessment at this level (a network may override). */
  reassessDays: z.number().int().min(1).max(365).optional(),
});

export const INSTRUMENT_KINDS = ['risk_checklist', 'questionnaire', 'identification', 'evaluation'] as const;
export const INSTRUMENT_SUBJECTS = ['him', 'her', 'case', 'children', 'network'] as const;

export const InstrumentDefinition = z
  .object({
    id: Identifier,
    version: z.number().int().min(1),
    kind: z.enum(INSTRUMENT_KINDS),
    subject: z.enum(INSTRUMENT_SUBJECTS),
    title: I18nText,
    description: I18nText.optional(),
    sections: z
      .array(z.object({ id: Identifier, title: I18nText, items: z.array(InstrumentItem).min(1) }))
      .min(1),
    /** Levels from lowest to highest. */
    levels: z.array(InstrumentLevel).optional(),
    scoring: ScoringRule.nullable(),
  })
  .superRefine((definition, ctx) => {
    const itemIds = definition.sections.flatMap((section) => section.items.map((item) => item.id));
    const duplicate = itemIds.find((id, index) => itemIds.indexOf(id) !== index);
    if (duplicate)
      ctx.addIssue({ code: 'custom', path: ['sections'], message: `Item id ${duplicate} is used twice` });
    const levelIds = new Set((definition.levels ?? []).map((level) => level.id));
    const usedLevels =
      definition.scoring?.rule === 'tier'
        ? Object.values(definition.scoring.levels)
        : definition.scoring && 'bands' in definition.scoring
          ? (definition.scoring.bands ?? []).map((band) => band.level)
          : [];
    for (const level of usedLevels) {
      if (!levelIds.has(level))
        ctx.addIssue({
          code: 'custom',
          path: ['levels'],
          message: `Level ${level} is used by the scoring rule but not defined`,
        });
    }
    if (definition.scoring?.rule === 'tier') {
      const sectionIds = new Set(definition.sections.map((section) => section.id));
      for (const section of definition.scoring.sections ?? []) {
        if (!sectionIds.has(section))
          ctx.addIssue({ code: 'custom', path: ['scoring', 'sections'], message: `No section ${section}` });
      }
    }
  });
export type InstrumentDefinition = z.infer<typeof InstrumentDefinition>;

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
