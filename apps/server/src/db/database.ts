import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, type LogConfig, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { prepareStatementsOnConnect } from './prepared-statements.js';
import type { Database } from './schema.js';

/**
 * One Kysely instance over either embedded PostgreSQL (PGlite, files under DATA_DIR) or a
 * PostgreSQL server (DATABASE_URL). Everything above this file is the same code for both.
 */
/** Calendar dates stay 'YYYY-MM-DD' strings on both engines: no time zone can shift them. */
const DATE_OID = 1082;
const keepText = (value: string) => value;
pg.types.setTypeParser(DATE_OID, keepText);

export interface DatabaseHandle {
  kind: 'pglite' | 'postgres';
  db: Kysely<Database>;
  /** Where reports read: the replica's pool when one is configured, else `db`. */
  readDb: Kysely<Database>;
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
  /** A streaming replica of `url`'s server, for reports (DATABASE_READ_URL). */
  readUrl?: string;
  /** PGlite data directory; undefined keeps PGlite in memory (tests). */
  dataDir?: string;
  /** PostgreSQL schema; created when missing. */
  schema?: string;
  /** Called with every statement Kysely runs (the test that counts statements per request). */
  onStatement?: (sql: string, parameters: readonly unknown[]) => void;
}

const statementLog = (onStatement: DatabaseOptions['onStatement']): LogConfig | undefined =>
  onStatement &&
  ((event) => {
    if (event.level === 'query') onStatement(event.query.sql, event.query.parameters);
  });

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const log = statementLog(options.onStatement);
  if (options.readUrl && !options.url)
    throw new Error('DATABASE_READ_URL is a replica of DATABASE_URL: set both');
  return options.url
    ? openPostgres(options.url, options.readUrl, options.schema ?? 'public', log)
    : openPglite(options.dataDir, log);
}

async function openPglite(dataDir: string | undefined, log: LogConfig | undefined): Promise<DatabaseHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(dataDir && { dataDir }),
    extensions: { pg_trgm },
    parsers: { [DATE_OID]: keepText },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }), ...(log && { log }) });
  return {
    kind: 'pglite',
    db,
    readDb: db,
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

async function openPostgres(
  url: string,
  readUrl: string | undefined,
  schema: string,
  log: LogConfig | undefined,
): Promise<DatabaseHandle> {
  if (schema !== 'public') {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } finally {
      await setup.end();
    }
  }
  const connect = (connectionString: string) => {
    const pool = new pg.Pool({
      connectionString,
      max: 10,
      // public stays on the path for extensions (pg_trgm), which belong to the whole database.
      options: `-c search_path="${schema}",public`,
    });
    prepareStatementsOnConnect(pool);
    return {
      pool,
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...(log && { log }) }),
    };
  };
  const { pool, db } = connect(url);
  // The replica has the same schema (DDL is replicated); it refuses every write by itself.
  const readDb = readUrl ? connect(readUrl).db : db;
  return {
    kind: 'postgres',
    db,
    readDb,
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
      if (readDb !== db) await readDb.destroy();
    },
  };
}
