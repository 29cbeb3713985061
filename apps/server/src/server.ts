import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { PgBoss } from 'pg-boss';
import { buildApp } from './app.js';
import { startAuditSealer } from './audit/audit-sealer.js';
import { serveBackups } from './backup/backup-socket.js';
import type { Config } from './config.js';
import { systemDb } from './data/system-db.js';
import { type DatabaseHandle, openDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import type { Database } from './db/schema.js';
import { loadInstruments } from './instruments/registry.js';
import { startJobs } from './jobs/job-runner.js';
import { ChangeFeed } from './live/change-feed.js';
import { createLogger } from './logger.js';
import { RulesLoadError } from './rules/escalation-rules.js';
import { loadFieldCipher } from './security/field-encryption.js';
import { seedDemoCases } from './seed/demo-cases.js';
import { DEMO_NETWORK, seedDemoNetwork } from './seed/demo-network.js';

export interface RunningSystem {
  app: FastifyInstance;
  database: DatabaseHandle;
  jobs: PgBoss | null;
  url: string;
  seeded: boolean;
  /** No system admin exists yet: `npm run admin:create` makes the first. */
  needsFirstAdmin: boolean;
  stop(): Promise<void>;
}

/** A start that must not go on; its message says why and what to do (and names no person). */
export class StartRefused extends Error {
  override name = 'StartRefused';
}

const EMAIL = /[^\s@'"()<>]+@[^\s@'"()<>]+\.[^\s@'"()<>]+/g;

/**
 * What a failed start prints. Configuration problems and refusals are the operator's to read
 * and carry no personal data; any other error is reduced to its kind, its code and where it
 * arose — a database error's message and detail can quote a row's values, so they are dropped.
 */
export function describeStartFailure(error: unknown): string {
  if (error instanceof StartRefused) return error.message;
  if (error instanceof Error && error.message.startsWith('Invalid configuration')) return error.message;
  // A rules file's faults name the file and the path of each: data, never a person's.
  if (error instanceof RulesLoadError) return `Tandem could not start: ${error.message}`;
  const failure = error as { name?: unknown; code?: unknown; constraint?: unknown; table?: unknown };
  const facts = [
    typeof failure.code === 'string' && `code ${failure.code}`,
    typeof failure.table === 'string' && `table ${failure.table}`,
    typeof failure.constraint === 'string' && `constraint ${failure.constraint}`,
  ].filter(Boolean);
  const frames = (error instanceof Error ? (error.stack ?? '') : '')
    .split('\n')
    .slice(1, 6)
    .map((line) => line.replace(EMAIL, '<address>'))
    .join('\n');
  const kind = typeof failure.name === 'string' ? failure.name : 'Error';
  return [`Tandem could not start: ${kind}${facts.length ? ` (${facts.join(', ')})` : ''}.`, frames]
    .filter(Boolean)
    .join('\n');
}

/** Any constant: instances starting together migrate and seed one after the other. */
const START_LOCK_KEY = 7_310_004;

/**
 * Migrating and seeding under one database lock, so two instances started together on an empty
 * database do not both seed. (PGlite is one process's files: nothing to serialise.)
 */
export async function underStartLock<T>(database: DatabaseHandle, work: () => Promise<T>): Promise<T> {
  if (database.kind !== 'postgres') return work();
  return database.db.connection().execute(async (connection) => {
    await sql`SELECT pg_advisory_lock(${START_LOCK_KEY})`.execute(connection);
    try {
      return await work();
    } finally {
      await sql`SELECT pg_advisory_unlock(${START_LOCK_KEY})`.execute(connection);
    }
  });
}

/** What a production start needs of the database: no demo account, no demo network. */
export async function assertProductionReady(
  db: Kysely<Database>,
  config: Config,
): Promise<{ needsFirstAdmin: boolean }> {
  const system = systemDb(db, 'operator_command');
  const demoAccounts = await system
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('is_demo', '=', true)
    .executeTakeFirstOrThrow();
  const demoNetwork = await system
    .selectFrom('network')
    .select('id')
    .where('name', '=', DEMO_NETWORK.name)
    .executeTakeFirst();
  const count = Number(demoAccounts.count);
  if (count > 0 || demoNetwork) {
    const found = [
      count > 0 && `${count} demo account${count === 1 ? '' : 's'}`,
      demoNetwork && 'the demo network',
    ]
      .filter(Boolean)
      .join(' and ');
    const where = config.DATABASE_URL
      ? `point DATABASE_URL (or DATABASE_SCHEMA, now "${config.DATABASE_SCHEMA}") at a new, empty database`
      : `stop Tandem and delete the data folder ${config.dataDir} (or set DATA_DIR to a new, empty folder)`;
    throw new StartRefused(
      [
        `Tandem will not start in production: this database holds ${found}, left by a start with DEMO_MODE=true.`,
        'Demo accounts share a published password, and demo data must never mix with real data.',
        `To remove them, start production on a new database: ${where}.`,
        'Then create the first administrator with `npm run admin:create`.',
      ].join('\n'),
    );
  }
  const admin = await system
    .selectFrom('app_user')
    .select('id')
    .where(sql<boolean>`'system_admin' = ANY(roles)`)
    .where('active', '=', true)
    .executeTakeFirst();
  return { needsFirstAdmin: admin === undefined };
}

/**
 * Opens the database, migrates and — in demo mode only, never in production — seeds the demo
 * network, under the start lock; refuses a production start over demo data; starts jobs and HTTP.
 */
export async function startSystem(config: Config): Promise<RunningSystem> {
  const logger = createLogger(config);
  const database = await openDatabase({
    url: config.DATABASE_URL,
    readUrl: config.DATABASE_READ_URL,
    dataDir: config.dataDir,
    schema: config.DATABASE_SCHEMA,
  });
  try {
    const production = config.NODE_ENV === 'production';
    const { seeded, needsFirstAdmin } = await underStartLock(database, async () => {
      await migrate(database);
      await loadInstruments(database.db, config.INSTRUMENTS_DIR);
      const seededNow = config.DEMO_MODE && !production ? await seedDemoNetwork(database.db) : false;
      const ready = production
        ? await assertProductionReady(database.db, config)
        : { needsFirstAdmin: false };
      return { seeded: seededNow, needsFirstAdmin: ready.needsFirstAdmin };
    });
    const cipher = loadFieldCipher(config.FIELD_ENCRYPTION_KEYS, config.dataDir);
    const jobs = config.JOBS_ENABLED ? await startJobs(database, config, logger) : null;
    // PGlite lives in this process: `npm run backup` asks it for an image of the data, jobs or not.
    const stopServingBackups = await serveBackups(database, config.dataDir, logger);
    const changeFeed = await ChangeFeed.open(database);
    const app = await buildApp({ config, db: database.db, readDb: database.readDb, cipher, changeFeed });
    // The network's cases are written through the API, as its caseworkers would (seed/demo-cases.ts).
    // Without them the demo still starts: its accounts and agreement are there.
    if (seeded)
      await seedDemoCases(app, database.db, config).catch(() =>
        logger.error('The demo network starts without its cases: writing them failed'),
      );
    const address = await app.listen({ host: config.HOST, port: config.PORT });
    // Every instance seals, jobs or not: the rows it commits are in the chain within a second.
    const sealer = startAuditSealer(systemDb(database.db, 'audit_trail'), logger);
    return {
      app,
      database,
      jobs,
      url: address.replace('://127.0.0.1', '://localhost'),
      seeded,
      needsFirstAdmin,
      async stop() {
        await app.close();
        await changeFeed.close();
        await sealer.stop();
        await jobs?.stop({ graceful: true });
        await stopServingBackups();
        await database.close();
      },
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}
