import { z } from 'zod';

/**
 * Escalation triggers (docs/domain.md, "Risk management"): facts that, once recorded, raise a
 * critical event on the joint case, make its reassessment due now and propose an extraordinary
 * meeting. Versioned data, validated when the server starts (README: "Escalation triggers").
 */
const TriggerId = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'Use lower-case letters, digits, - and _');
const Months = z.number().int().min(1).max(60);

export const ESCALATION_TRIGGER_KINDS = [
  'repeat_incident',
  'escalating_incidents',
  'checklist_count',
] as const;
export type EscalationTriggerKind = (typeof ESCALATION_TRIGGER_KINDS)[number];

export const EscalationTrigger = z.discriminatedUnion('kind', [
  z
    .object({
      /** A new incident within `withinMonths` of an earlier one (MARAC's repeat referral). */
      kind: z.literal('repeat_incident'),
      id: TriggerId,
      withinMonths: Months,
    })
    .strict(),
  z
    .object({
      /**
       * Escalation in frequency (at least `minIncidents` within `withinMonths`) or, with
       * `severityRise`, in severity (a new incident more severe than every earlier one in the window).
       */
      kind: z.literal('escalating_incidents'),
      id: TriggerId,
      withinMonths: Months,
      minIncidents: z.number().int().min(2).max(100),
      severityRise: z.boolean(),
    })
    .strict(),
  z
    .object({
      /** A checklist of `instrumentId` (any version) with at least `atLeast` items answered `answer`. */
      kind: z.literal('checklist_count'),
      id: TriggerId,
      instrumentId: TriggerId,
      answer: z.enum(['yes', 'no', 'unknown']),
      atLeast: z.number().int().min(1).max(500),
    })
    .strict(),
]);
export type EscalationTrigger = z.infer<typeof EscalationTrigger>;

/** A list of triggers, each id once: the rules file's, or a network's own (README, "Escalation triggers"). */
export const EscalationTriggerList = z
  .array(EscalationTrigger)
  .max(50)
  .superRefine((triggers, ctx) => {
    const ids = triggers.map((trigger) => trigger.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index)
        ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `Trigger id ${id} is used twice` });
    });
  });

export const EscalationRules = z
  .object({
    id: z.literal('escalation-triggers'),
    version: z.number().int().min(1),
    triggers: EscalationTriggerList,
  })
  .strict();
export type EscalationRules = z.infer<typeof EscalationRules>;
