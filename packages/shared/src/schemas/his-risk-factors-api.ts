import { z } from 'zod';
import { Id } from './common.js';
import { ResponseView } from './instruments-api.js';

/**
 * His risk factors on a joint case (instruments/his-risk-factors.v1.json): the latest answers
 * as the reader may see them, and what they raised — the programme's actions and the critical
 * events. `can` is the server's word on what the page offers.
 */
export const HisRiskFactorsView = z.object({
  can: z.object({ record: z.boolean() }),
  instrumentId: z.string(),
  latest: ResponseView.nullable(),
  raised: z.object({
    actions: z.array(
      z.object({ id: Id, need: z.string(), action: z.string(), term: z.string(), status: z.string() }),
    ),
    events: z.array(
      z.object({ id: Id, occurredOn: z.string(), description: z.string(), triggerId: z.string() }),
    ),
  }),
});
export type HisRiskFactorsView = z.infer<typeof HisRiskFactorsView>;
