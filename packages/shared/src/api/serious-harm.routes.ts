import { z } from 'zod';
import { Created, IdParams, StatisticsPeriodQuery } from '../schemas/common.js';
import {
  SeriousHarmDecision,
  SeriousHarmReview,
  SeriousHarmReviewItem,
  SeriousHarmShareCreate,
  SeriousHarmShareReceived,
  SeriousHarmSharesOfHer,
  SeriousHarmStatistics,
  SeriousHarmTelling,
} from '../schemas/serious-harm.js';
import { defineRoute } from './define.js';

const tags = ['serious harm'];
const Ok = z.object({ ok: z.literal(true) });

/**
 * Sharing without her consent where someone is at risk of serious harm (docs/domain.md,
 * information-flow rule 4): recorded by her case manager, authorised by a second one, read by
 * its recipient only within its window, told to her when safe, reviewed by her service's admin.
 */
export const seriousHarmRoutes = {
  listOfHer: defineRoute({
    method: 'GET',
    path: '/victims/:id/serious-harm-shares',
    summary: 'Her serious-harm shares, in full (her service)',
    tags,
    params: IdParams,
    status: 200,
    response: SeriousHarmSharesOfHer,
  }),
  propose: defineRoute({
    method: 'POST',
    path: '/victims/:id/serious-harm-shares',
    summary:
      'Record a share of her information without her consent, on a lawful basis, for a second case manager to authorise',
    tags,
    params: IdParams,
    body: SeriousHarmShareCreate,
    status: 201,
    response: Created,
  }),
  decide: defineRoute({
    method: 'POST',
    path: '/serious-harm-shares/:id/decision',
    summary: 'Authorise or decline a colleague’s serious-harm share (four eyes)',
    tags,
    params: IdParams,
    body: SeriousHarmDecision,
    status: 200,
    response: Ok,
  }),
  recordTelling: defineRoute({
    method: 'POST',
    path: '/serious-harm-shares/:id/telling',
    summary: 'Record that she was told of the share, or why telling her is not yet safe',
    tags,
    params: IdParams,
    body: SeriousHarmTelling,
    status: 200,
    response: Ok,
  }),
  received: defineRoute({
    method: 'GET',
    path: '/serious-harm-shares/received',
    summary: 'What was shared with my agency for someone’s safety, while it may be read',
    tags,
    status: 200,
    response: z.array(SeriousHarmShareReceived),
  }),
  reviewList: defineRoute({
    method: 'GET',
    path: '/admin/serious-harm-shares',
    summary: 'Serious-harm shares of my service, for the agency admin’s review (no content)',
    tags,
    status: 200,
    response: z.array(SeriousHarmReviewItem),
  }),
  review: defineRoute({
    method: 'POST',
    path: '/admin/serious-harm-shares/:id/review',
    summary: 'Record the agency admin’s review of a serious-harm share',
    tags,
    params: IdParams,
    body: SeriousHarmReview,
    status: 200,
    response: Ok,
  }),
  statistics: defineRoute({
    method: 'GET',
    path: '/networks/:id/serious-harm-statistics',
    summary:
      'Authorised serious-harm shares of the network’s services in a period: counts only, small counts suppressed (coordinator, analyst)',
    tags,
    params: IdParams,
    query: StatisticsPeriodQuery,
    status: 200,
    response: SeriousHarmStatistics,
  }),
} as const;
