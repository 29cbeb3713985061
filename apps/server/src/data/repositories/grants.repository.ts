import type { InformationKind } from '@tandem/shared';
import { sql } from 'kysely';
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

  /**
   * The kinds the actor holds through one joint case (its grants name the case in their basis).
   * The programme never learns her id, so this is how it finds what her consent lets it read.
   */
  async kindsHeldThroughCase(jointCaseId: string): Promise<Set<InformationKind>> {
    const rows = await this.db.query
      .selectFrom('access_grant')
      .select('kind')
      .where(sql<string>`basis ->> 'jointCaseId'`, '=', jointCaseId)
      .execute();
    return new Set(rows.map((row) => row.kind as InformationKind));
  }
}
