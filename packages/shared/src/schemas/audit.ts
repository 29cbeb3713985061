import { z } from 'zod';
import { AUDIT_OUTCOMES, ROLES, SIDES } from '../enums.js';
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
  /**
   * For changes to an account (`user.*`): which roles were given, asked for, approved or taken
   * away, on which side — who did it is the actor, to whom is the resource.
   */
  accountChange: z
    .object({
      roles: z.array(z.enum(ROLES)).optional(),
      pendingRoles: z.array(z.enum(ROLES)).optional(),
      added: z.array(z.enum(ROLES)).optional(),
      removed: z.array(z.enum(ROLES)).optional(),
      side: z.enum(SIDES).optional(),
      requestedBy: Id.optional(),
    })
    .nullable(),
});
export type AuditEventView = z.infer<typeof AuditEventView>;

export const AuditListQuery = PageQuery.extend({
  actorUserId: Id.optional(),
  resourceId: z.string().max(100).optional(),
});
