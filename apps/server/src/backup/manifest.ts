import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/**
 * What a backup holds, written beside it (`<archive>.manifest.json`) and computed from the very
 * snapshot the archive was made of: every table's row count and content checksum, the audit
 * trail's head, and the ids of the field-encryption keys its encrypted columns need. The keys
 * themselves are never in a backup (README, "Operations": key escrow). A restore recomputes the
 * same description of what it restored and refuses to call it done unless they are equal.
 */
export interface BackupManifest {
  format: 'tandem-backup/1';
  engine: 'pglite' | 'postgres';
  createdAt: string;
  /** The PostgreSQL schema the data lives in (a restore recreates it under the same name). */
  schema: string;
  archive: string;
  sha256: string;
  bytes: number;
  contents: DatabaseDescription;
  /** Always false: the keys are escrowed apart from the data. */
  keysIncluded: false;
}

export interface DatabaseDescription {
  tables: Record<string, { rows: number; checksum: string }>;
  audit: { lastId: string | null; hash: string | null };
  /** The field-encryption key ids (`v1:<keyId>:…`) the encrypted columns were written with. */
  fieldKeyIds: string[];
}

/** A query on one connection of either engine. */
export type Query = (text: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

/** Sessions, rate-limit windows and sign-in throttles are not data: a restore drops them (everyone signs in again). */
export const TRANSIENT_TABLES = ['user_session', 'rate_limit_counter', 'sign_in_throttle'] as const;

/**
 * Describes the database the query reaches, in its current schema. Run inside one snapshot
 * (a REPEATABLE READ transaction, or a database nothing else writes to) so it matches a dump.
 */
export async function describeDatabase(query: Query): Promise<DatabaseDescription> {
  // Row text depends on the session's zone (timestamptz): the same on both sides of a restore.
  await query(`SET TIME ZONE 'UTC'`);
  const tables = await query(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const description: DatabaseDescription = {
    tables: {},
    audit: { lastId: null, hash: null },
    fieldKeyIds: [],
  };
  for (const { name } of tables) {
    const table = quoteIdent(String(name));
    const [row] = await query(
      `SELECT count(*)::int AS rows,
              coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') AS checksum
       FROM ${table} AS t`,
    );
    description.tables[String(name)] = {
      rows: Number(row?.rows ?? 0),
      checksum: String(row?.checksum ?? ''),
    };
  }
  if ('audit_event' in description.tables) {
    const [last] = await query(
      'SELECT id::text AS last_id, hash FROM audit_event WHERE seal_seq IS NOT NULL ORDER BY seal_seq DESC LIMIT 1',
    );
    description.audit = { lastId: last ? String(last.last_id) : null, hash: last ? String(last.hash) : null };
  }
  const encrypted = await query(
    `SELECT table_name AS table, column_name AS column FROM information_schema.columns
     WHERE table_schema = current_schema() AND column_name LIKE '%\\_enc' ORDER BY 1, 2`,
  );
  const keyIds = new Set<string>();
  for (const { table, column } of encrypted) {
    const rows = await query(
      `SELECT DISTINCT split_part(${quoteIdent(String(column))}, ':', 2) AS key_id
       FROM ${quoteIdent(String(table))} WHERE ${quoteIdent(String(column))} IS NOT NULL`,
    );
    for (const { key_id: keyId } of rows) if (keyId) keyIds.add(String(keyId));
  }
  description.fieldKeyIds = [...keyIds].sort();
  return description;
}

/** What differs between two descriptions (empty: the restore brought back exactly the backup). */
export function differences(expected: DatabaseDescription, actual: DatabaseDescription): string[] {
  const problems: string[] = [];
  const names = new Set([...Object.keys(expected.tables), ...Object.keys(actual.tables)]);
  for (const name of [...names].sort()) {
    const want = expected.tables[name];
    const got = actual.tables[name];
    if (!want) problems.push(`table ${name} is not in the backup`);
    else if (!got) problems.push(`table ${name} did not come back`);
    else if (want.rows !== got.rows)
      problems.push(`table ${name}: ${got.rows} rows, the backup has ${want.rows}`);
    else if (want.checksum !== got.checksum)
      problems.push(`table ${name}: its rows differ from the backup's`);
  }
  if (expected.audit.lastId !== actual.audit.lastId || expected.audit.hash !== actual.audit.hash)
    problems.push(`the audit trail ends at ${actual.audit.lastId}, the backup's at ${expected.audit.lastId}`);
  return problems;
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Writes a file whole or not at all (a backup cut short by a crash must not look complete). */
export function writeAtomically(file: string, bytes: Buffer | string) {
  const partial = `${file}.partial`;
  writeFileSync(partial, bytes, { mode: 0o600 });
  renameSync(partial, file);
}

export const manifestPathOf = (archive: string) => `${archive}.manifest.json`;

export function readManifest(archive: string): BackupManifest {
  const manifest = JSON.parse(readFileSync(manifestPathOf(archive), 'utf8')) as BackupManifest;
  if (manifest.format !== 'tandem-backup/1')
    throw new Error(`${manifestPathOf(archive)} is not a Tandem backup manifest`);
  const bytes = readFileSync(archive);
  if (sha256Of(bytes) !== manifest.sha256)
    throw new Error(`${archive} does not match its manifest (damaged or replaced)`);
  return manifest;
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
