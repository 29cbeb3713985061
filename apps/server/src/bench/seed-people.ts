import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * People and their programme episodes in bulk, set-based in SQL (generate_series): the crowd a
 * search and a list must stay quick in. Names follow a pattern ("First4242 Last4242") so a
 * benchmark can ask for one of them, with and without a typo.
 */
export async function seedPeople(db: Kysely<Database>, agencyId: string, people: number): Promise<void> {
  const creator = await db
    .selectFrom('app_user')
    .select('id')
    .where('agency_id', '=', agencyId)
    .limit(1)
    .executeTakeFirstOrThrow();
  await sql`INSERT INTO person (kind, owner_agency_id, owner_side, first_name, last_name, search_name, created_by)
    SELECT 'perpetrator', ${agencyId}, 'perpetrator', 'First' || g, 'Last' || g, 'first' || g || ' last' || g, ${creator.id}
    FROM generate_series(1, ${people}) AS g`.execute(db);
  await sql`INSERT INTO pp_episode (person_id, agency_id, pathway, referral_date, status)
    SELECT p.id, p.owner_agency_id, 'voluntary', date '2026-01-01' + (random() * 300)::int, 'active'
    FROM person p WHERE p.search_name LIKE 'first% last%' AND p.owner_agency_id = ${agencyId}
      AND NOT EXISTS (SELECT 1 FROM pp_episode e WHERE e.person_id = p.id)`.execute(db);
  await sql`ANALYZE`.execute(db);
}
