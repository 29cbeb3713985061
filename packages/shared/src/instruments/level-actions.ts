import { z } from 'zod';
import { LANGUAGES } from '../enums.js';

/**
 * A text in the languages of the interface, English required: the rule of the definition's
 * I18nText, restated because definition.ts imports this file (an import back would be a cycle).
 */
const ActionText = z
  .object({ en: z.string().min(1) })
  .catchall(z.string())
  .refine((value) => Object.keys(value).every((key) => (LANGUAGES as readonly string[]).includes(key)), {
    message: `Languages must be among ${LANGUAGES.join(', ')}`,
  });

/** Who carries out a level action: her service, his programme, or the case manager who agreed the level. */
export const LEVEL_ACTION_RESPONSIBLE = ['victim_side', 'programme', 'agreeing_case_manager'] as const;
export type LevelActionResponsible = (typeof LEVEL_ACTION_RESPONSIBLE)[number];

const ActionId = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'Use lower-case letters, digits, - and _');

/**
 * What the network expects once a level is agreed (risk management, not only assessment): each
 * action is proposed as a row of the joint action plan, due within `days` or `hours` of the
 * agreement. Her own safety measures are `victimSideOnly`, and so carried by her service.
 */
export const LevelAction = z
  .object({
    id: ActionId,
    text: ActionText,
    due: z.union([
      z.object({ days: z.number().int().min(0).max(365) }).strict(),
      z.object({ hours: z.number().int().min(1).max(720) }).strict(),
    ]),
    responsible: z.enum(LEVEL_ACTION_RESPONSIBLE),
    victimSideOnly: z.boolean().default(false),
  })
  .strict()
  .superRefine((action, ctx) => {
    if (action.victimSideOnly && action.responsible !== 'victim_side')
      ctx.addIssue({
        code: 'custom',
        path: ['responsible'],
        message: 'Her own safety measures (victimSideOnly) are carried by the victim side',
      });
  });
export type LevelAction = z.infer<typeof LevelAction>;

/** The actions of one level, each id once. */
export const LevelActions = z
  .array(LevelAction)
  .max(20)
  .superRefine((actions, ctx) => {
    const ids = actions.map((action) => action.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index)
        ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `Action id ${id} is used twice` });
    });
  });
