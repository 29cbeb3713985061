import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

/**
 * One Kysely instance over either embedded PostgreSQL (PGlite, files under DATA_DIR) or a
 * PostgreSQL server (DATABASE_URL). Everything above this file is the same code for both.
 */
export interface DatabaseHandle {
  kind: 'pglite' | 'postgres';
  db: Kysely<Database>;
  /** Runs a script of several statements (migrations) on one connection. */
  execScript(script: string): Promise<void>;
  /** The raw PGlite instance, for pg-boss on PGlite; undefined on PostgreSQL. */
  pglite?: PGlite;
  /** The node-postgres pool, for pg-boss on PostgreSQL; undefined on PGlite. */
  pool?: pg.Pool;
  schema: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… ; when absent, PGlite is used. */
  url?: string;
  /** PGlite data directory; undefined keeps PGlite in memory (tests). */
  dataDir?: string;
  /** PostgreSQL schema; created when missing. */
  schema?: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.url ? openPostgres(options.url, options.schema ?? 'public') : openPglite(options.dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir ? { dataDir } : {});
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    kind: 'pglite',
    db,
    pglite,
    schema: 'public',
    async execScript(script) {
      await pglite.exec(script);
    },
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

async function openPostgres(url: string, schema: string): Promise<DatabaseHandle> {
  if (schema !== 'public') {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    options: `-c search_path="${schema}"`,
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    pool,
    schema,
    async execScript(script) {
      const client = await pool.connect();
      try {
        await client.query(script);
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}
