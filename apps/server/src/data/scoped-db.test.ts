import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRecorder } from '../audit/audit-recorder.js';
import { type DatabaseHandle, openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { DEFAULT_TIME_ZONE, dateIn } from '../domain/clock.js';
import type { Actor } from '../policy/actor.js';
import { makeAgency, makeUser } from '../testing/factories.js';
import { PolicyViolation, ScopedDb } from './scoped-db.js';

/**
 * The scoped handle, by construction: whatever shape a query takes, every table in it is read
 * through its policy; writes pass the write policy in the statement itself; reads of
 * person-level data are audited against the person; nothing reaches a table past it.
 */

let handle: DatabaseHandle;
let programme: Actor;
let otherProgramme: Actor;
let victimSide: Actor;
let himId = '';
let herId = '';
let otherManId = '';

beforeAll(async () => {
  handle = await openDatabase({ url: process.env.DATABASE_URL, schema: `scoped_${Date.now().toString(36)}` });
  await migrate(handle);
  const db = handle.db;
  const pp = await makeAgency(db, { kind: 'perpetrator_programme' });
  const pp2 = await makeAgency(db, { kind: 'perpetrator_programme' });
  const vss = await makeAgency(db, { kind: 'victim_support' });
  const today = dateIn(DEFAULT_TIME_ZONE, new Date());
  const asActor = (user: Awaited<ReturnType<typeof makeUser>>): Actor => ({ ...user.actor, today });
  programme = asActor(
    await makeUser(db, { agencyId: pp.id, roles: ['pp_case_manager'], side: 'perpetrator' }),
  );
  otherProgramme = asActor(
    await makeUser(db, { agencyId: pp2.id, roles: ['pp_case_manager'], side: 'perpetrator' }),
  );
  victimSide = asActor(await makeUser(db, { agencyId: vss.id, roles: ['vss_case_manager'], side: 'victim' }));
  const person = (kind: string, agencyId: string, side: string, name: string) =>
    db
      .insertInto('person')
      .values({
        kind,
        owner_agency_id: agencyId,
        owner_side: side,
        first_name: name,
        last_name: 'Test',
        search_name: `${name.toLowerCase()} test`,
        contact_enc: `secret-${name}`,
        created_by: programme.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  himId = (await person('perpetrator', pp.id, 'perpetrator', 'Him')).id;
  otherManId = (await person('perpetrator', pp2.id, 'perpetrator', 'Other')).id;
  herId = (await person('partner', vss.id, 'victim', 'Her')).id;
  const episode = await db
    .insertInto('pp_episode')
    .values({
      person_id: himId,
      agency_id: pp.id,
      pathway: 'voluntary',
      referral_date: today,
      status: 'referred',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('partner_referral')
    .values({
      episode_id: episode.id,
      partner_person_id: herId,
      ordinal: 1,
      relationship: 'current',
      partner_contact_agency_id: vss.id,
    })
    .execute();
});
afterAll(async () => {
  if (!handle) return;
  if (handle.kind === 'postgres') await sql`DROP SCHEMA ${sql.id(handle.schema)} CASCADE`.execute(handle.db);
  await handle.close();
});

/** Runs work in a transaction that is always rolled back, with its own audit recorder. */
async function asActor<T>(
  actor: Actor,
  work: (scoped: ScopedDb, audit: AuditRecorder) => Promise<T>,
): Promise<T> {
  const audit = new AuditRecorder(null, null);
  let result: T | undefined;
  await handle.db
    .transaction()
    .execute(async (trx) => {
      result = await work(new ScopedDb(trx, actor, audit), audit);
      throw new Error('rollback');
    })
    .catch((error: Error) => {
      if (error.message !== 'rollback') throw error;
    });
  return result as T;
}

describe('reads through the scoped handle', () => {
  it.each([
    ['a plain select', (s: ScopedDb) => s.query.selectFrom('person').select('id').execute()],
    ['an aliased table', (s: ScopedDb) => s.query.selectFrom('person as p').select('p.id').execute()],
    [
      'a join',
      (s: ScopedDb) =>
        s.query
          .selectFrom('pp_episode as e')
          .innerJoin('person', 'person.id', 'e.person_id')
          .select('person.id')
          .execute(),
    ],
    [
      'a subquery in FROM',
      (s: ScopedDb) =>
        s.query
          .selectFrom((eb) => eb.selectFrom('person').select('id').as('sub'))
          .select('sub.id')
          .execute(),
    ],
    [
      'a CTE',
      (s: ScopedDb) =>
        s.query
          .with('everyone', (db) => db.selectFrom('person').select('id'))
          .selectFrom('everyone')
          .select('id')
          .execute(),
    ],
  ])('%s: the programme sees its own man only', async (_name, read) => {
    const ids = await asActor(programme, async (scoped) => (await read(scoped)).map((row) => row.id));
    expect(ids).toEqual([himId]);
  });

  it('applies the policy inside EXISTS too: no row is found through a table the actor may not read', async () => {
    const found = await asActor(programme, (scoped) =>
      scoped.query
        .selectFrom('pp_episode')
        .select('id')
        .where((eb) => eb.exists(eb.selectFrom('person').select('id').where('person.kind', '=', 'partner')))
        .execute(),
    );
    expect(found).toEqual([]);
    const foundByHerService = await asActor(victimSide, (scoped) =>
      scoped.query
        .selectFrom('person')
        .select('id')
        .where((eb) => eb.exists(eb.selectFrom('person as p').select('p.id').where('p.kind', '=', 'partner')))
        .execute(),
    );
    expect(foundByHerService.map((row) => row.id)).toEqual([herId]);
  });

  it('reads a restricted column as NULL where its filter does not hold', async () => {
    const referral = await asActor(programme, (scoped) =>
      scoped.query
        .selectFrom('partner_referral')
        .select(['ordinal', 'partner_person_id'])
        .executeTakeFirstOrThrow(),
    );
    // The programme sees the partner he named as a number, never the link to her record.
    expect(referral).toEqual({ ordinal: 1, partner_person_id: null });
    const account = await asActor(programme, (scoped) =>
      scoped.query
        .selectFrom('app_user')
        .select(['id', 'password_hash'])
        .where('id', '=', programme.userId)
        .executeTakeFirstOrThrow(),
    );
    expect(account.password_hash).toBeNull();
  });

  it('repeats a condition on a restricted column inside its view, where an index can serve it, and finds nothing the column hides', async () => {
    const byHer = (scoped: ScopedDb) =>
      scoped.query
        .selectFrom('partner_referral as r')
        .select('r.ordinal')
        .where('r.partner_person_id', '=', herId)
        .where('r.relationship', '=', 'current');
    const compiled = await asActor(victimSide, async (scoped) => byHer(scoped).compile().sql);
    // Inside the view, on the column itself (the outer condition reads the masked value).
    expect(compiled).toMatch(/\) AND "partner_referral"\."partner_person_id" = \$\d+\) as "r"/);
    // Only conditions on a restricted column are repeated: the relationship is visible to all.
    expect(compiled).not.toContain('"partner_referral"."relationship" =');
    expect(await asActor(victimSide, (scoped) => byHer(scoped).execute())).toEqual([{ ordinal: 1 }]);
    // The programme, for whom the link to her record is NULL, finds no row by it, as before.
    expect(await asActor(programme, (scoped) => byHer(scoped).execute())).toEqual([]);
    const byList = (scoped: ScopedDb) =>
      scoped.query.selectFrom('partner_referral').select('ordinal').where('partner_person_id', 'in', [herId]);
    expect(await asActor(programme, (scoped) => byList(scoped).execute())).toEqual([]);
    expect(await asActor(victimSide, (scoped) => byList(scoped).execute())).toEqual([{ ordinal: 1 }]);
    expect(await asActor(victimSide, async (scoped) => byList(scoped).compile().sql)).toMatch(
      /AND "partner_referral"\."partner_person_id" IN \(\$\d+\)\) as "partner_referral"/,
    );
  });

  it('refuses raw SQL that names a table, and writes past the checked methods', async () => {
    await expect(
      asActor(programme, (scoped) => sql`SELECT id FROM person`.execute(scoped.query)),
    ).rejects.toThrow(/past its policy/);
    await expect(
      asActor(programme, (scoped) =>
        scoped.query.selectFrom('person').select(sql`(SELECT 1 FROM person)`.as('x')).execute(),
      ),
    ).rejects.toThrow(/past its policy/);
    await expect(
      asActor(programme, (scoped) => scoped.query.updateTable('person').set({ first_name: 'X' }).execute()),
    ).rejects.toThrow(/ScopedDb.update/);
    await expect(asActor(programme, (scoped) => scoped.query.deleteFrom('person').execute())).rejects.toThrow(
      /ScopedDb.delete/,
    );
  });

  it('audits each person read, once per command, with the tables read; an aggregate by table', async () => {
    const events = await asActor(programme, async (scoped, audit) => {
      await scoped.query.selectFrom('person').select('first_name').execute();
      await scoped.query
        .selectFrom('pp_episode')
        .innerJoin('person', 'person.id', 'pp_episode.person_id')
        .select('pp_episode.id')
        .execute();
      await scoped.query
        .selectFrom('person')
        .select((eb) => eb.fn.countAll().as('n'))
        .execute();
      await scoped.query.selectFrom('agency').select('name').execute();
      return audit.drainAll();
    });
    expect(events.map((event) => [event.action, event.subjectPersonId ?? null, event.details])).toEqual([
      ['data.read', himId, { tables: ['person', 'pp_episode'] }],
      ['data.read_aggregate', null, { tables: ['person'] }],
    ]);
  });
});

describe('writes through the scoped handle', () => {
  it('audits an allowed insert against its person', async () => {
    const events = await asActor(programme, async (scoped, audit) => {
      await scoped.insertOne(
        'person',
        {
          kind: 'perpetrator',
          owner_agency_id: programme.agencyId!,
          owner_side: 'perpetrator',
          first_name: 'N',
          last_name: 'M',
          search_name: 'n m',
          created_by: programme.userId,
        },
        { action: 'person.create' },
      );
      return audit.drainAll();
    });
    expect(events).toEqual([
      expect.objectContaining({
        action: 'person.create',
        outcome: 'success',
        subjectPersonId: expect.any(String),
      }),
    ]);
  });

  it('refuses an insert the write policy forbids, records the refusal, and the command cannot commit', async () => {
    const outcome = await asActor(programme, async (scoped, audit) => {
      const attempt = await scoped
        .insertOne(
          'person',
          {
            kind: 'partner',
            owner_agency_id: programme.agencyId!,
            owner_side: 'victim',
            first_name: 'N',
            last_name: 'M',
            search_name: 'n m',
            created_by: programme.userId,
          },
          { action: 'person.create' },
        )
        .then(
          () => 'written',
          (error: Error) => error.message,
        );
      let commit = 'allowed';
      try {
        scoped.assertNoViolation();
      } catch (error) {
        commit = error instanceof PolicyViolation ? 'refused' : 'other';
      }
      return { attempt, commit, events: audit.drainAll().map((event) => [event.action, event.outcome]) };
    });
    expect(outcome).toEqual({
      attempt: 'Not found',
      commit: 'refused',
      events: [['person.create', 'denied']],
    });
  });

  it('updates only rows the actor may write, and never moves one out of its reach', async () => {
    const others = await asActor(programme, (scoped) =>
      scoped.update(
        'person',
        (eb) => eb('id', '=', otherManId),
        { first_name: 'Renamed' },
        { action: 'person.update' },
      ),
    );
    expect(others).toEqual([]);
    const moved = await asActor(programme, (scoped) =>
      scoped
        .update(
          'person',
          (eb) => eb('id', '=', himId),
          { owner_agency_id: otherProgramme.agencyId! },
          { action: 'person.update' },
        )
        .then(
          () => 'moved',
          () => 'refused',
        ),
    );
    expect(moved).toBe('refused');
  });
});
