import { randomUUID } from 'node:crypto';
import { INFORMATION_KINDS, type InformationKind, SIDES, type Side } from '@tandem/shared';
import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowFilterToSql } from '../data/row-filter-sql.js';
import { type DatabaseHandle, openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import type { Database } from '../db/schema.js';
import { makeAgency, makeUser } from '../testing/factories.js';
import { type FilterFacts, matchesRowFilter, type RowFilter } from './row-filter.js';

/**
 * The policy language has two interpreters: SQL, which serves every query, and memory, which
 * the policy table tests use. They must agree on every filter and every row, or a table test
 * could pass while the database leaks. fast-check generates filters, rows and the facts they
 * consult (grants with their dates, agreements, parties, consents, related rows), writes them
 * to a real database, and compares the rows each interpreter lets through.
 */

let handle: DatabaseHandle;
let db: Kysely<Database>;
// A fixed universe of ids the generated facts and rows draw from.
let agencies: string[] = [];
let people: string[] = [];
let userId = '';
const agreementIds = [randomUUID(), randomUUID(), randomUUID()];
const consentIds = [randomUUID(), randomUUID(), randomUUID()];
const parentIds = [randomUUID(), randomUUID(), randomUUID()];
const DATES = ['2026-01-01', '2026-02-15', '2026-03-01', '2026-03-02', '2026-06-30'];
const WORDS = ['alpha', 'beta', 'gamma'];

beforeAll(async () => {
  handle = await openDatabase({ url: process.env.DATABASE_URL, schema: `parity_${Date.now().toString(36)}` });
  db = handle.db;
  await migrate(handle);
  agencies = await Promise.all(
    [1, 2, 3].map(async () => (await makeAgency(db, { kind: 'victim_support' })).id),
  );
  userId = (await makeUser(db, { agencyId: agencies[0]!, roles: ['vss_case_manager'], side: 'victim' })).id;
  people = [];
  for (let index = 0; index < 3; index += 1) {
    const row = await db
      .insertInto('person')
      .values({
        kind: 'partner',
        owner_agency_id: agencies[0]!,
        owner_side: 'victim',
        first_name: 'P',
        last_name: String(index),
        search_name: `p ${index}`,
        created_by: userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    people.push(row.id);
  }
  // Rows of the filtered tables: created for this test only, in the test's own schema.
  await sql`CREATE TABLE parity_parent (id uuid PRIMARY KEY, word text, flag boolean, person_id uuid)`.execute(
    db,
  );
  await sql`CREATE TABLE parity_row (id uuid PRIMARY KEY, word text, other text, flag boolean, person_id uuid,
    kind_col text, agreement_id uuid, consent_id uuid, parent_id uuid, valid_from date, valid_to date)`.execute(
    db,
  );
});

afterAll(async () => {
  if (!handle) return;
  if (handle.kind === 'postgres') await sql`DROP SCHEMA ${sql.id(handle.schema)} CASCADE`.execute(db);
  await handle.close();
});

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
const date = fc.constantFrom(...DATES);
const kind = fc.constantFrom<InformationKind>('programme', 'risk', 'victim_core', 'children');
const side = fc.constantFrom<Side>(...SIDES);
const pick = <T>(values: () => readonly T[]) => fc.nat({ max: 2 }).map((index) => values()[index]!);

const rowArbitrary = fc.record({
  id: fc.uuid(),
  word: maybe(fc.constantFrom(...WORDS)),
  other: maybe(fc.constantFrom(...WORDS)),
  flag: maybe(fc.boolean()),
  person_id: maybe(pick(() => people)),
  kind_col: maybe(fc.constantFrom<string>(...INFORMATION_KINDS.slice(0, 4), 'victim_core', 'children')),
  agreement_id: maybe(fc.constantFrom(...agreementIds)),
  consent_id: maybe(fc.constantFrom(...consentIds)),
  parent_id: maybe(fc.constantFrom(...parentIds)),
  valid_from: maybe(date),
  valid_to: maybe(date),
});

const factsArbitrary = fc.record({
  grants: fc.array(
    fc.record({
      subjectPersonId: pick(() => people),
      agencyId: pick(() => agencies),
      side,
      kind,
      validFrom: maybe(date),
      validTo: maybe(date),
    }),
    { maxLength: 6 },
  ),
  agreements: fc.tuple(...agreementIds.map(() => fc.record({ validFrom: date, validTo: maybe(date) }))),
  consents: fc.tuple(...consentIds.map(() => fc.record({ givenOn: date, revokedOn: maybe(date) }))),
  agreementParties: fc.array(fc.record({ agreement: fc.nat({ max: 2 }), agency: fc.nat({ max: 2 }) }), {
    maxLength: 4,
  }),
  parents: fc.tuple(
    ...parentIds.map(() =>
      fc.record({
        word: maybe(fc.constantFrom(...WORDS)),
        flag: maybe(fc.boolean()),
        person_id: maybe(pick(() => people)),
      }),
    ),
  ),
});

/** Leaves over one table's columns; `related` recurses into the parent table. */
function filterArbitrary(forParent: boolean): fc.Arbitrary<RowFilter> {
  const today = date;
  const leaves: fc.Arbitrary<RowFilter>[] = [
    fc.constant<RowFilter>({ kind: 'all' }),
    fc.constant<RowFilter>({ kind: 'none' }),
    fc.record({
      kind: fc.constant('eq' as const),
      column: fc.constant('word'),
      value: maybe(fc.constantFrom(...WORDS)),
    }),
    fc.record({ kind: fc.constant('eq' as const), column: fc.constant('flag'), value: maybe(fc.boolean()) }),
    fc.record({
      kind: fc.constant('in' as const),
      column: fc.constant('word'),
      values: fc.uniqueArray(fc.constantFrom(...WORDS), { maxLength: 3 }),
    }),
    fc.record({
      kind: fc.constant('granted' as const),
      subjectColumn: fc.constant('person_id'),
      infoKind: forParent ? kind : fc.oneof(kind, fc.constant({ column: 'kind_col' })),
      agencyId: pick(() => agencies),
      side,
      today,
    }),
  ];
  if (!forParent) {
    leaves.push(
      fc.record({
        kind: fc.constant('eq' as const),
        column: fc.constant('other'),
        value: maybe(fc.constantFrom(...WORDS)),
      }),
      fc.record({
        kind: fc.constant('agreementParty' as const),
        agreementColumn: fc.constant('agreement_id'),
        agencyId: pick(() => agencies),
      }),
      fc.record({
        kind: fc.constant('agreementInForce' as const),
        agreementColumn: fc.constant('agreement_id'),
        today,
      }),
      fc.record({
        kind: fc.constant('consentInForce' as const),
        consentColumn: fc.constant('consent_id'),
        today,
      }),
      fc.record({
        kind: fc.constant('validOn' as const),
        fromColumn: fc.constant('valid_from'),
        toColumn: fc.constant('valid_to'),
        today,
      }),
    );
  }
  const { tree } = fc.letrec<{ tree: RowFilter }>((self) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      ...leaves,
      fc.record({ kind: fc.constant('and' as const), filters: fc.array(self('tree'), { maxLength: 3 }) }),
      fc.record({ kind: fc.constant('or' as const), filters: fc.array(self('tree'), { maxLength: 3 }) }),
      ...(forParent
        ? []
        : [
            filterArbitrary(true).map(
              (inner): RowFilter => ({
                kind: 'related',
                column: 'parent_id',
                table: 'parity_parent',
                key: 'id',
                filter: inner,
              }),
            ),
          ]),
    ),
  }));
  return tree;
}

type Facts = typeof factsArbitrary extends fc.Arbitrary<infer F> ? F : never;
type Row = typeof rowArbitrary extends fc.Arbitrary<infer R> ? R : never;

async function writeFacts(facts: Facts, rows: Row[]) {
  await sql`DELETE FROM parity_row`.execute(db);
  await sql`DELETE FROM parity_parent`.execute(db);
  await db.deleteFrom('access_grant').execute();
  await db.deleteFrom('agreement_party').execute();
  await db.deleteFrom('consent').execute();
  await db.deleteFrom('agreement').execute();
  await db
    .insertInto('agreement')
    .values(
      facts.agreements.map((agreement, index) => ({
        id: agreementIds[index]!,
        level: 'case',
        title: 'parity',
        valid_from: agreement.validFrom,
        // The table insists an agreement does not end before it begins; keep only such facts.
        valid_to:
          agreement.validTo && agreement.validTo >= agreement.validFrom
            ? agreement.validTo
            : agreement.validFrom,
        created_by: userId,
      })),
    )
    .execute();
  const parties = [
    ...new Map(facts.agreementParties.map((party) => [`${party.agreement}|${party.agency}`, party])).values(),
  ];
  if (parties.length > 0) {
    await db
      .insertInto('agreement_party')
      .values(
        parties.map((party) => ({
          agreement_id: agreementIds[party.agreement]!,
          agency_id: agencies[party.agency]!,
          signatory_name: 'x',
          signed_on: '2026-01-01',
        })),
      )
      .execute();
  }
  await db
    .insertInto('consent')
    .values(
      facts.consents.map((consent, index) => ({
        id: consentIds[index]!,
        person_id: people[0]!,
        owner_agency_id: agencies[0]!,
        scope: 'joint_case',
        given_on: consent.givenOn,
        revoked_on: consent.revokedOn,
        recorded_by: userId,
      })),
    )
    .execute();
  const grants = facts.grants.filter(
    (grant) =>
      (grant.validFrom === null || grant.validTo === null || grant.validTo >= grant.validFrom) &&
      !(grant.side === 'perpetrator' && grant.kind === 'victim_core'),
  );
  if (grants.length > 0) {
    await db
      .insertInto('access_grant')
      .values(
        grants.map((grant) => ({
          subject_person_id: grant.subjectPersonId,
          agency_id: grant.agencyId,
          side: grant.side,
          kind: grant.kind,
          source_episode_id: randomUUID(),
          basis: '{}',
          valid_from: grant.validFrom,
          valid_to: grant.validTo,
        })),
      )
      .execute();
  }
  for (const [index, parent] of facts.parents.entries()) {
    await sql`INSERT INTO parity_parent VALUES (${parentIds[index]}, ${parent.word}, ${parent.flag}, ${parent.person_id})`.execute(
      db,
    );
  }
  for (const row of rows) {
    await sql`INSERT INTO parity_row VALUES (${row.id}, ${row.word}, ${row.other}, ${row.flag}, ${row.person_id},
      ${row.kind_col}, ${row.agreement_id}, ${row.consent_id}, ${row.parent_id}, ${row.valid_from}, ${row.valid_to})`.execute(
      db,
    );
  }
  // What the memory interpreter is told is exactly what the database now holds.
  const memory: FilterFacts = {
    grants,
    agreements: facts.agreements.map((agreement, index) => ({
      id: agreementIds[index]!,
      validFrom: agreement.validFrom,
      validTo:
        agreement.validTo && agreement.validTo >= agreement.validFrom
          ? agreement.validTo
          : agreement.validFrom,
    })),
    consents: facts.consents.map((consent, index) => ({ id: consentIds[index]!, ...consent })),
    agreementParties: parties.map((party) => ({
      agreementId: agreementIds[party.agreement]!,
      agencyId: agencies[party.agency]!,
    })),
    rows: { parity_parent: facts.parents.map((parent, index) => ({ id: parentIds[index]!, ...parent })) },
  };
  return memory;
}

describe('the two interpreters of the policy language', () => {
  it('let the same rows through, for any filter, rows and facts', async () => {
    await fc.assert(
      fc.asyncProperty(
        factsArbitrary,
        fc.uniqueArray(rowArbitrary, { minLength: 1, maxLength: 8, selector: (row) => row.id }),
        fc.array(filterArbitrary(false), { minLength: 1, maxLength: 5 }),
        async (facts, rows, filters) => {
          const memoryFacts = await writeFacts(facts, rows);
          for (const filter of filters) {
            const fromSql = await sql<{
              id: string;
            }>`SELECT id FROM parity_row WHERE ${rowFilterToSql(filter, 'parity_row')}`.execute(db);
            const inSql = fromSql.rows.map((row) => row.id).sort();
            const inMemory = rows
              .filter((row) => matchesRowFilter(filter, row, memoryFacts))
              .map((row) => row.id)
              .sort();
            expect({ filter, rows: inSql }).toEqual({ filter, rows: inMemory });
          }
        },
      ),
      { numRuns: 120 },
    );
  }, 240_000);
});
