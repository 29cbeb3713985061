import { notFound } from '../http/errors.js';
import { accessLogPolicy } from '../policy/index.js';
import type { RepositoryContext } from './repository-context.js';

/** Who read, changed or received a person's data, from the audit trail. */
export class AccessLogRepository {
  constructor(private readonly ctx: RepositoryContext) {}

  async forPerson(personId: string, limit = 200) {
    const person = await this.ctx.trx
      .selectFrom('person')
      .select(['id', 'owner_agency_id'])
      .where('id', '=', personId)
      .executeTakeFirst();
    if (!person || !accessLogPolicy.canView(this.ctx.actor, { ownerAgencyId: person.owner_agency_id })) {
      this.ctx.audit.record({
        action: 'access_log.read',
        outcome: 'denied',
        resourceType: 'person',
        resourceId: personId,
      });
      throw notFound();
    }
    const rows = await this.ctx.trx
      .selectFrom('audit_event as a')
      .leftJoin('app_user as u', 'u.id', 'a.actor_user_id')
      .select([
        'a.occurred_at',
        'a.actor_user_id',
        'u.display_name',
        'a.actor_agency_id',
        'a.action',
        'a.outcome',
        'a.basis',
      ])
      .where('a.subject_person_id', '=', personId)
      .orderBy('a.id', 'desc')
      .limit(limit)
      .execute();
    this.ctx.audit.record({
      action: 'access_log.read',
      outcome: 'success',
      resourceType: 'person',
      resourceId: personId,
    });
    return rows.map((row) => ({
      occurredAt: new Date(row.occurred_at).toISOString(),
      actorUserId: row.actor_user_id,
      actorName: row.display_name,
      actorAgencyId: row.actor_agency_id,
      action: row.action,
      outcome: row.outcome,
      basis: (row.basis as Record<string, unknown> | null) ?? null,
    }));
  }
}
