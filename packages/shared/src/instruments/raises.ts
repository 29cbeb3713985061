import { z } from 'zod';
import { LANGUAGES } from '../enums.js';

/**
 * What an answer to one item sets off (`raises`), as data: his-risk-factors.v1.json marks a
 * suicide plan, an attempt or access to weapons this way. Kept in its own block, apart from the
 * item's other fields, so a network tunes the duties an answer raises without touching code.
 */

/** Restated as in level-actions.ts: definition.ts imports this file. */
const RaisesText = z
  .object({ en: z.string().min(1) })
  .catchall(z.string())
  .refine((value) => Object.keys(value).every((key) => (LANGUAGES as readonly string[]).includes(key)), {
    message: `Languages must be among ${LANGUAGES.join(', ')}`,
  });

const RaisesId = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'Use lower-case letters, digits, - and _');

const Due = z.union([
  z.object({ days: z.number().int().min(0).max(365) }).strict(),
  z.object({ hours: z.number().int().min(1).max(720) }).strict(),
]);

/** The closed set of what an answer may set off; an unknown one is refused when the file loads. */
export const RAISES_CONSEQUENCES = ['programme_action', 'critical_event'] as const;

export const RaisedConsequence = z.discriminatedUnion('kind', [
  z
    .object({
      /** A row of the joint action plan, carried by the programme. */
      kind: z.literal('programme_action'),
      id: RaisesId,
      text: RaisesText,
      due: Due,
      /** Only where an agency of this kind is a party of the case-level agreement (e.g. police). */
      onlyWhereParty: z.enum(['police', 'probation', 'child_protection']).optional(),
    })
    .strict(),
  z
    .object({
      /**
       * A critical event on his episode: the victim side learns the risk, the joint
       * reassessment becomes due and an extraordinary meeting is proposed.
       */
      kind: z.literal('critical_event'),
      reason: RaisesText,
    })
    .strict(),
]);
export type RaisedConsequence = z.infer<typeof RaisedConsequence>;

export const ItemRaises = z
  .object({
    /** A "yes", or a scale rating at or above a threshold. */
    when: z.union([
      z.object({ answer: z.literal('yes') }).strict(),
      z.object({ atLeast: z.number().int() }).strict(),
    ]),
    consequences: z.array(RaisedConsequence).min(1).max(10),
  })
  .strict();
export type ItemRaises = z.infer<typeof ItemRaises>;

/** Whether an answer sets off what the item raises. */
export function answerRaises(raises: ItemRaises, value: unknown): boolean {
  if ('answer' in raises.when) return value === raises.when.answer;
  return typeof value === 'number' && value >= raises.when.atLeast;
}
