import { z } from 'zod';
import { AUDIT_OUTCOMES } from '../enums.js';
import { Id, PageQuery } from './common.js';

export const AuditEventView = z.object({
  id: z.string(),
  occurredAt: z.iso.datetime(),
  actorUserId: Id.nullable(),
  /** The actor's display name (staff names are not case content). */
  actorName: z.string().nullable(),
  actorAgencyId: Id.nullable(),
  action: z.string(),
  outcome: z.enum(AUDIT_OUTCOMES),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
});
export type AuditEventView = z.infer<typeof AuditEventView>;

export const AuditListQuery = PageQuery.extend({
  actorUserId: Id.optional(),
  resourceId: z.string().max(100).optional(),
});
