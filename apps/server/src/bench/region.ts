import { type Kysely, type RawBuilder, sql } from 'kysely';
import { sealAuditTrail } from '../audit/audit-trail.js';
import type { Database } from '../db/schema.js';
import { generatedName } from './seed-people.js';

/**
 * A region's worth of casework, set-based in SQL (`npm run bench -- --scale region`).
 *
 * The demo network's cases are written first, through the API as its caseworkers would, so every
 * row is one the application itself wrote (encrypted fields really encrypted, grants computed,
 * audit rows recorded). Those cases are then copied inside the database: every row of every case
 * table, with fresh ids and every reference to a copied row pointing at its copy. Staff come in
 * groups: each group is a copy of the demo's agencies and accounts (the same password), and a
 * group's caseworkers hold about COPIES_PER_GROUP copies of the demo's cases — a caseload, not a
 * whole region on one desk. Names are drawn anew for every copied person, so a name search finds
 * one person among many rather than thousands of namesakes.
 */

/** How many copies of the demo's cases one group of agencies and staff holds. */
const COPIES_PER_GROUP = 10;

/** The network itself and what is not case work: never copied. */
const NOT_COPIED = new Set([
  'network',
  'instrument_version',
  'user_session',
  'recovery_code',
  'calendar_feed_token',
  'rate_limit_counter',
  'sign_in_throttle',
  'phase1_meeting',
  'schema_migration',
]);
/** Agencies, their staff and their directory entries: copied once per group. */
const PER_GROUP = new Set(['agency', 'app_user', 'network_membership', 'directory_entry']);

interface Column {
  name: string;
  /** uuid, uuid[] or anything else. */
  kind: 'uuid' | 'uuid[]' | 'other';
}

export interface RegionFigures {
  jointCases: number;
  copies: number;
  groups: number;
  rows: Record<string, number>;
  copySeconds: number;
  sealSeconds: number;
}

/**
 * Copies the cases present (the demo's) until there are about `jointCases` joint cases. One
 * transaction; foreign keys and triggers are suspended for the bulk load (session_replication_role),
 * as pg_restore does, and every copied row is checked against its references afterwards.
 */
export async function copyDemoCases(db: Kysely<Database>, jointCases: number): Promise<RegionFigures> {
  const started = Date.now();
  const templateCases = await count(db, 'joint_case');
  if (templateCases === 0) throw new Error('No joint cases to copy: seed the demo first');
  const copies = Math.max(0, Math.ceil(jointCases / templateCases) - 1);
  const groups = Math.max(1, Math.ceil(copies / COPIES_PER_GROUP));
  const tables = await caseTables(db);
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    await sql`CREATE TEMP TABLE bench_case_map (old_id uuid, copy int, new_id uuid, PRIMARY KEY (old_id, copy)) ON COMMIT DROP`.execute(
      trx,
    );
    await sql`CREATE TEMP TABLE bench_group_map (old_id uuid, grp int, new_id uuid, PRIMARY KEY (old_id, grp)) ON COMMIT DROP`.execute(
      trx,
    );
    for (const [table, columns] of tables) {
      if (!columns.some((column) => column.name === 'id' && column.kind === 'uuid')) continue;
      if (PER_GROUP.has(table))
        await sql`INSERT INTO bench_group_map SELECT id, g, gen_random_uuid()
          FROM ${sql.table(table)} CROSS JOIN generate_series(1, ${groups}) AS g ${filterOf(table)}`.execute(
          trx,
        );
      else
        await sql`INSERT INTO bench_case_map SELECT id, c, gen_random_uuid()
          FROM ${sql.table(table)} CROSS JOIN generate_series(1, ${copies}) AS c ${filterOf(table)}`.execute(
          trx,
        );
    }
    await sql`ANALYZE bench_case_map`.execute(trx);
    await sql`ANALYZE bench_group_map`.execute(trx);
    for (const [table, columns] of tables) {
      if (PER_GROUP.has(table)) await copyRows(trx, table, columns, 'group', groups);
      else await copyRows(trx, table, columns, 'case', copies, groups);
    }
    // The organisation-level agreement binds the network's agencies: each group's agencies are parties too.
    const partyColumns = tables.get('agreement_party') ?? (await columnsOf(trx, 'agreement_party'));
    await copyRows(trx, 'agreement_party', partyColumns, 'group', groups, groups, 'organisation_parties');
  });
  const copySeconds = (Date.now() - started) / 1000;
  const sealStarted = Date.now();
  while ((await sealAuditTrail(db, { batchSize: 5_000 })) > 0) {
    // Until every copied audit row is in the chain, as the sealer leaves a live system.
  }
  const sealSeconds = (Date.now() - sealStarted) / 1000;
  await sql`ANALYZE`.execute(db);
  const rows: Record<string, number> = {};
  for (const table of [
    'joint_case',
    'person',
    'instrument_response',
    'case_meeting',
    'action_item',
    'app_user',
    'agency',
    'audit_event',
  ])
    rows[table] = await count(db, table);
  return { jointCases: rows.joint_case!, copies, groups, rows, copySeconds, sealSeconds };
}

/** Rows a table holds that are not copied with it (the organisation's agreement is the network's). */
function filterOf(table: string): RawBuilder<unknown> {
  if (table === 'agreement') return sql`WHERE level = 'case'`;
  if (table === 'agreement_party')
    return sql`WHERE agreement_id IN (SELECT id FROM agreement WHERE level = 'case')`;
  if (table === 'app_user') return sql`WHERE agency_id IS NOT NULL`;
  return sql``;
}

async function copyRows(
  trx: Kysely<Database>,
  table: string,
  columns: Column[],
  mode: 'case' | 'group',
  times: number,
  groups = times,
  variant: 'organisation_parties' | null = null,
) {
  const copy = mode === 'case' ? sql`c` : sql`g`;
  const group = mode === 'case' ? sql`((c - 1) % ${sql.lit(groups)}) + 1` : sql`g`;
  const remap = (value: RawBuilder<unknown>) =>
    sql`coalesce(
      ${mode === 'case' ? sql`(SELECT m.new_id FROM bench_case_map m WHERE m.old_id = ${value} AND m.copy = ${copy}),` : sql``}
      (SELECT m.new_id FROM bench_group_map m WHERE m.old_id = ${value} AND m.grp = ${group}),
      ${value})`;
  const expressions = columns.map((column) => {
    const value = sql.ref(`src.${column.name}`);
    const special = specialValue(table, column.name, copy, group);
    if (special) return special;
    if (column.kind === 'uuid') return remap(value);
    if (column.kind === 'uuid[]')
      return sql`CASE WHEN ${value} IS NULL THEN NULL ELSE ARRAY(SELECT ${remap(sql.ref('element'))} FROM unnest(${value}) AS element) END`;
    return value;
  });
  const filter =
    variant === 'organisation_parties'
      ? sql`WHERE src.agreement_id IN (SELECT id FROM agreement WHERE level = 'organisation')`
      : filterOf(table);
  const series =
    mode === 'case' ? sql`generate_series(1, ${times}) AS c` : sql`generate_series(1, ${times}) AS g`;
  await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((column) => sql.ref(column.name)))})
    SELECT ${sql.join(expressions)} FROM ${sql.table(table)} AS src CROSS JOIN ${series} ${filter}`.execute(
    trx,
  );
}

/** Columns that are not copied as they are: what must be unique, new names, the audit seal. */
function specialValue(
  table: string,
  column: string,
  copy: RawBuilder<unknown>,
  group: RawBuilder<unknown>,
): RawBuilder<unknown> | null {
  const seed = sql`(hashtext(src.id::text || ${copy}::text))`;
  if (table === 'joint_case' && column === 'case_number') return sql`src.case_number || '-' || ${copy}`;
  if (table === 'app_user' && column === 'email') return sql`replace(src.email, '@', '+' || ${group} || '@')`;
  if (table === 'app_user' && column === 'display_name') return sql`src.display_name || ' ' || ${group}`;
  if (table === 'agency' && column === 'name') return sql`src.name || ' ' || ${group}`;
  if (table === 'person' && ['first_name', 'last_name', 'search_name'].includes(column)) {
    const man = generatedName(seed, false);
    const woman = generatedName(seed, true);
    const part = (name: typeof man) =>
      column === 'first_name' ? name.first : column === 'last_name' ? name.last : name.search;
    return sql`CASE WHEN src.kind = 'perpetrator' THEN ${part(man)} ELSE ${part(woman)} END`;
  }
  if (table === 'audit_event' && ['seal_seq', 'prev_hash', 'hash'].includes(column)) return sql`NULL`;
  if (table === 'app_user' && column === 'credential_link_hash') return sql`NULL`;
  return null;
}

/** Every table of the schema but those never copied, with its writable columns. */
async function caseTables(db: Kysely<Database>): Promise<Map<string, Column[]>> {
  const { rows } = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db);
  const tables = new Map<string, Column[]>();
  for (const { table_name } of rows) {
    if (NOT_COPIED.has(table_name)) continue;
    tables.set(table_name, await columnsOf(db, table_name));
  }
  return tables;
}

async function columnsOf(db: Kysely<Database>, table: string): Promise<Column[]> {
  const { rows } = await sql<{
    column_name: string;
    udt_name: string;
    is_identity: string;
    is_generated: string;
    column_default: string | null;
  }>`
    SELECT column_name, udt_name, is_identity, is_generated, column_default FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table} ORDER BY ordinal_position`.execute(db);
  return rows
    .filter(
      (row) =>
        row.is_identity !== 'YES' &&
        row.is_generated !== 'ALWAYS' &&
        !row.column_default?.startsWith('nextval('),
    )
    .map((row) => ({
      name: row.column_name,
      kind: row.udt_name === 'uuid' ? 'uuid' : row.udt_name === '_uuid' ? 'uuid[]' : 'other',
    }));
}

async function count(db: Kysely<Database>, table: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db);
  return Number(rows[0]!.n);
}
