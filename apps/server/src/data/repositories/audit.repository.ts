import { keysetPage } from '../keyset.js';
import type { ScopedDb } from '../scoped-db.js';

/**
 * The audit trail as the actor may read it (policy/audit.policy.ts): the rows of their reach,
 * with the ids of people outside it masked. Actor names come through the staff policy (a
 * colleague's name, or none). Newest first, by id — the chain order.
 */
export class AuditRepository {
  constructor(private readonly db: ScopedDb) {}

  /** Events with who recorded them: ids and reasons only (the services show what they mean). */
  private events() {
    return this.db.query
      .selectFrom('audit_event')
      .leftJoin('app_user', 'app_user.id', 'audit_event.actor_user_id')
      .select([
        'audit_event.id',
        'audit_event.occurred_at',
        'audit_event.actor_user_id',
        'audit_event.actor_agency_id',
        'audit_event.action',
        'audit_event.outcome',
        'audit_event.details',
        'app_user.display_name as actor_name',
      ]);
  }

  async list(query: {
    limit: number;
    cursor?: string | undefined;
    actorUserId?: string | undefined;
    resourceId?: string | undefined;
  }) {
    const events = this.events()
      .select(['audit_event.resource_type', 'audit_event.resource_id', 'audit_event.subject_person_id'])
      .$if(query.actorUserId !== undefined, (qb) =>
        qb.where('audit_event.actor_user_id', '=', query.actorUserId!),
      )
      // On the masked column: an id the actor may not see matches nothing.
      .$if(query.resourceId !== undefined, (qb) =>
        qb.where('audit_event.resource_id', '=', query.resourceId!),
      );
    return keysetPage(events, query, {
      by: ['audit_event.id'],
      direction: 'desc',
      key: (row) => [String(row.id)],
    });
  }

  /**
   * The events about one person, newest first: those whose subject she is, and those naming her
   * record as their resource (a refusal to read it has no subject). The policy names the person
   * only to the agency that holds her record (and the system admin), so for anyone else this
   * finds nothing.
   */
  async aboutPerson(personId: string, limit: number) {
    return (
      this.events()
        .select('audit_event.basis')
        // Her record named as the resource too: a refusal to read it names no subject.
        .where((eb) =>
          eb.or([
            eb('audit_event.subject_person_id', '=', personId),
            eb('audit_event.resource_person_id', '=', personId),
          ]),
        )
        .orderBy('audit_event.id', 'desc')
        .limit(limit)
        .execute()
    );
  }
}
