import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import {
  type BackupManifest,
  describeDatabase,
  manifestPathOf,
  type Query,
  quoteIdent,
  sha256Of,
  writeAtomically,
} from './manifest.js';
import { stamp } from './pglite-backup.js';

/**
 * Backup and restore on a PostgreSQL server, with its own tools: pg_dump in the custom format
 * of the app's schema (and its job queue's), taken from a snapshot exported by a REPEATABLE
 * READ transaction — the manifest is computed in that same transaction, so it describes
 * exactly what the dump holds, while the service goes on writing.
 */

export async function backupPostgres(
  url: string,
  schema: string,
  dir: string,
  now: Date,
): Promise<{ archive: string; manifest: BackupManifest }> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const archive = path.join(path.resolve(dir), `tandem-postgres-${schema}-${stamp(now)}.dump`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = String((await client.query('SELECT pg_export_snapshot() AS id')).rows[0].id);
    await client.query(`SET search_path = ${quoteIdent(schema)}, public`);
    const contents = await describeDatabase(clientQuery(client));
    const jobs = `${schema}_jobs`;
    const hasJobs =
      (await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [jobs])).rowCount === 1;
    const partial = `${archive}.partial`;
    await run(
      'pg_dump',
      [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        `--snapshot=${snapshot}`,
        `--schema=${schema}`,
        ...(hasJobs ? [`--schema=${jobs}`] : []),
        `--file=${partial}`,
      ],
      url,
    );
    await client.query('COMMIT');
    renameSync(partial, archive);
    const bytes = readFileSync(archive);
    const manifest: BackupManifest = {
      format: 'tandem-backup/1',
      engine: 'postgres',
      createdAt: now.toISOString(),
      schema,
      archive: path.basename(archive),
      sha256: sha256Of(bytes),
      bytes: bytes.length,
      contents,
      keysIncluded: false,
    };
    writeAtomically(manifestPathOf(archive), `${JSON.stringify(manifest, null, 2)}\n`);
    return { archive, manifest };
  } finally {
    await client.end();
  }
}

/**
 * Restores a dump into the database the URL names, under the schema it was taken from; that
 * schema must not exist there yet (a restore never overwrites a database).
 */
export async function restorePostgresArchive(archive: string, url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const existing = await client.query(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1`,
      [schema],
    );
    if (Number(existing.rows[0].n) > 0)
      throw new Error(`Schema ${schema} already holds tables: restore into a new database (never over one)`);
    // The extension belongs to the whole database, not to the dumped schema.
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  } finally {
    await client.end();
  }
  await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', archive], url);
}

export const clientQuery =
  (client: pg.Client | pg.PoolClient): Query =>
  async (text, params) =>
    (await client.query(text, params as unknown[])).rows as Array<Record<string, unknown>>;

/**
 * Runs a PostgreSQL tool with the connection in libpq's environment variables, so no password
 * appears in the process list.
 */
function run(tool: string, args: string[], url: string): Promise<void> {
  const target = new URL(url);
  const env = {
    ...process.env,
    PGHOST: decodeURIComponent(target.hostname) || 'localhost',
    PGPORT: target.port || '5432',
    PGDATABASE: databaseOf(url),
    ...(target.username && { PGUSER: decodeURIComponent(target.username) }),
    ...(target.password && { PGPASSWORD: decodeURIComponent(target.password) }),
    ...(target.searchParams.get('sslmode') && { PGSSLMODE: target.searchParams.get('sslmode')! }),
  };
  return new Promise((resolve, reject) => {
    // pg_restore needs the database named on its command line (the environment names it too).
    const argv =
      tool === 'pg_restore' ? [...args.slice(0, -1), `--dbname=${env.PGDATABASE}`, ...args.slice(-1)] : args;
    const child = spawn(tool, argv, {
      env,
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.on('error', (error) =>
      reject(
        new Error(`${tool} could not be started (${error.message}): install the PostgreSQL client tools`),
      ),
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${tool} failed (exit ${code}): ${errors.trim()}`)),
    );
  });
}

const databaseOf = (url: string) =>
  decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
