import type { InformationKind } from '@tandem/shared';
import type { ScopedDb } from '../scoped-db.js';

/** The actor's own access grants in force today (the policy lets each actor read only its own). */
export class GrantsRepository {
  constructor(private readonly db: ScopedDb) {}

  /** For each person, the kinds of information the actor holds about them. */
  async kindsHeld(personIds: readonly string[]): Promise<Map<string, Set<InformationKind>>> {
    const held = new Map<string, Set<InformationKind>>(personIds.map((id) => [id, new Set()]));
    if (personIds.length === 0) return held;
    const rows = await this.db.query
      .selectFrom('access_grant')
      .select(['subject_person_id', 'kind'])
      .where('subject_person_id', 'in', [...personIds])
      .execute();
    for (const row of rows) held.get(row.subject_person_id)?.add(row.kind as InformationKind);
    return held;
  }
}
