import { z } from 'zod';
import { DutyClose, DutyDone, DutyListQuery, DutyView } from '../schemas/casework-cases.js';
import { IdParams } from '../schemas/common.js';
import { defineRoute } from './define.js';

const tags = ['duties to inform'];

/** Duties to inform her: her service's worklist, and resolving each (she was informed, or why not). */
export const dutyRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/duties',
    summary: 'Duties to inform her (victim side)',
    tags,
    query: DutyListQuery,
    status: 200,
    response: z.object({ items: z.array(DutyView) }),
  }),
  done: defineRoute({
    method: 'POST',
    path: '/duties/:id/done',
    summary: 'She was informed: when and how',
    tags,
    params: IdParams,
    body: DutyDone,
    status: 200,
    response: DutyView,
  }),
  close: defineRoute({
    method: 'POST',
    path: '/duties/:id/close',
    summary: 'Close without informing her, with the reason',
    tags,
    params: IdParams,
    body: DutyClose,
    status: 200,
    response: DutyView,
  }),
} as const;
