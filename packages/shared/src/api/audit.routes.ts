import { z } from 'zod';
import { AuditEventView, AuditListQuery } from '../schemas/audit.js';
import { AccessLogEntry } from '../schemas/casework-cases.js';
import { IdParams, pageOf } from '../schemas/common.js';
import { defineRoute } from './define.js';

/** The audit trail and the access log of a person (who saw or received her data). */
export const auditRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/audit',
    summary: 'Audit events the actor may read, newest first',
    tags: ['audit'],
    query: AuditListQuery,
    status: 200,
    response: pageOf(AuditEventView),
  }),
  accessLog: defineRoute({
    method: 'GET',
    path: '/people/:id/access-log',
    summary: 'Who saw or received this person’s data (data-protection view)',
    tags: ['people'],
    params: IdParams,
    status: 200,
    response: z.object({ items: z.array(AccessLogEntry) }),
  }),
} as const;
