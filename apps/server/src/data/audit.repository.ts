import type { AuditEventView, AuditOutcome } from '@tandem/shared';
import type { AuditEventRow } from '../db/schema.js';
import { auditPolicy } from '../policy/index.js';
import { decodeCursor, toPage } from './keyset.js';
import type { RepositoryContext } from './repository-context.js';
import { rowFilterToSql } from './row-filter-sql.js';

const toView = (row: AuditEventRow & { actor_name: string | null }): AuditEventView => ({
  id: String(row.id),
  occurredAt: new Date(row.occurred_at).toISOString(),
  actorUserId: row.actor_user_id,
  actorName: row.actor_name,
  actorAgencyId: row.actor_agency_id,
  action: row.action,
  outcome: row.outcome as AuditOutcome,
  resourceType: row.resource_type,
  resourceId: row.resource_id,
});

/** Reading the trail is itself recorded. Newest first, by id (the chain order). */
export class AuditRepository {
  constructor(private readonly ctx: RepositoryContext) {}

  async list(query: {
    limit: number;
    cursor?: string | undefined;
    actorUserId?: string | undefined;
    resourceId?: string | undefined;
  }) {
    const after = decodeCursor(query.cursor, 1);
    const rows = await this.ctx.trx
      .selectFrom('audit_event')
      .leftJoin('app_user', 'app_user.id', 'audit_event.actor_user_id')
      .selectAll('audit_event')
      .select('app_user.display_name as actor_name')
      .where((eb) => rowFilterToSql(eb, auditPolicy.visibleRows(this.ctx.actor), 'audit_event'))
      .$if(query.actorUserId !== undefined, (qb) =>
        qb.where('audit_event.actor_user_id', '=', query.actorUserId!),
      )
      .$if(query.resourceId !== undefined, (qb) =>
        qb.where('audit_event.resource_id', '=', query.resourceId!),
      )
      .$if(after !== null, (qb) => qb.where('audit_event.id', '<', String(after![0])))
      .orderBy('audit_event.id', 'desc')
      .limit(query.limit + 1)
      .execute();
    this.ctx.audit.record({
      action: 'audit.list',
      outcome: auditPolicy.visibleRows(this.ctx.actor).kind === 'none' ? 'denied' : 'success',
      resourceType: 'audit_event',
    });
    return toPage(rows, query.limit, toView, (row) => [String(row.id)]);
  }
}
