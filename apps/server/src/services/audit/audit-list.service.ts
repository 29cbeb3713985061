import { AuditEventView, type AuditOutcome } from '@tandem/shared';
import type { CommandScope } from '../../data/command-scope.js';
import { auditPolicy } from '../../policy/audit.policy.js';

type EventRow = Awaited<ReturnType<CommandScope['repos']['audit']['list']>>['items'][number];

/** What an account event says about roles (its details), for "who gave which role to whom". */
function accountChangeOf(row: EventRow): AuditEventView['accountChange'] {
  if (!row.action.startsWith('user.')) return null;
  const details = (row as { details?: unknown }).details;
  if (!details || typeof details !== 'object') return null;
  const parsed = AccountChange.safeParse(details);
  if (!parsed.success) return null;
  const change = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined));
  return Object.keys(change).length > 0 ? change : null;
}

const AccountChange = AuditEventView.shape.accountChange.unwrap();

const toView = (row: EventRow): AuditEventView => ({
  id: String(row.id),
  occurredAt: new Date(row.occurred_at).toISOString(),
  actorUserId: row.actor_user_id,
  actorName: row.actor_name,
  actorAgencyId: row.actor_agency_id,
  action: row.action,
  outcome: row.outcome as AuditOutcome,
  resourceType: row.resource_type,
  resourceId: row.resource_id,
  accountChange: accountChangeOf(row),
});

/**
 * The audit trail as the actor may read it, newest first (policy/audit.policy.ts): everything
 * for the system admin; for an agency admin the events of the agency's staff and about the
 * people it holds, with the ids of anyone else masked. Reading the trail is itself recorded.
 */
export async function listAuditEvents(
  scope: CommandScope,
  query: {
    limit: number;
    cursor?: string | undefined;
    actorUserId?: string | undefined;
    resourceId?: string | undefined;
  },
) {
  const page = await scope.repos.audit.list(query);
  scope.audit.record({
    action: 'audit.list',
    outcome: auditPolicy.visibleRows(scope.actor).kind === 'none' ? 'denied' : 'success',
    resourceType: 'audit_event',
  });
  return { items: page.items.map(toView), nextCursor: page.nextCursor };
}
