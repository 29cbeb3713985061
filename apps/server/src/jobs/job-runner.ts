import { type Kysely, sql } from 'kysely';
import { fromPglite, PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { AuthStore } from '../data/auth.store.js';
import { systemDb } from '../data/system-db.js';
import { inAuditedTransaction } from '../data/transaction.js';
import type { DatabaseHandle } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { type Clock, systemClock } from '../domain/clock.js';
import { ensureNextMeeting, openJointCaseIds } from '../services/consequences/meeting-schedule.js';

/**
 * Background jobs on PostgreSQL (pg-boss): durable, shared by every app instance, and on
 * PGlite in the single-process set-up. Later issues add reminders and overdue checks here.
 */
export const MAINTENANCE_QUEUE = 'maintenance.sweep';

export async function startJobs(
  handle: DatabaseHandle,
  config: Config,
  logger: Logger,
  clock: Clock = systemClock,
): Promise<PgBoss> {
  const boss =
    handle.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(handle.pglite!), backend: 'pglite' })
      : new PgBoss({ connectionString: config.DATABASE_URL!, schema: `${handle.schema}_jobs` });
  boss.on('error', (error: Error) =>
    logger.error({ err: { type: error.name, message: error.message } }, 'job system error'),
  );
  await boss.start();
  await boss.createQueue(MAINTENANCE_QUEUE);
  await boss.schedule(MAINTENANCE_QUEUE, '*/10 * * * *');
  await boss.work(MAINTENANCE_QUEUE, async () => {
    const swept = await sweepExpired(handle, config, clock);
    logger.info(swept, 'maintenance sweep');
  });
  return boss;
}

/**
 * Ends idle and expired sessions, drops finished rate-limit windows, keeps every open joint
 * case's next meeting planned. (Grants need no sweep: each carries the dates it is in force.)
 */
export async function sweepExpired(handle: DatabaseHandle, config: Config, clock: Clock = systemClock) {
  const db = systemDb(handle.db, 'maintenance_job');
  const idleBefore = new Date(clock.now().getTime() - config.SESSION_IDLE_TIMEOUT_MINUTES * 60_000);
  const sessions = await new AuthStore(db).deleteExpiredSessions(idleBefore);
  const counters = await db
    .deleteFrom('rate_limit_counter')
    .where('window_started_at', '<', sql<Date>`now() - interval '1 hour'`)
    .executeTakeFirst();
  const meetings = await keepMeetingsScheduled(db, clock);
  return { sessions, rateLimitCounters: Number(counters.numDeletedRows), jointCasesScheduled: meetings };
}

/** Every open joint case keeps its next Phase 2 meeting planned (or cancelled once the programmes end). */
export async function keepMeetingsScheduled(db: Kysely<Database>, clock: Clock = systemClock): Promise<number> {
  const ids = await inAuditedTransaction(db, null, null, (trx, audit) => openJointCaseIds({ db: trx, audit, clock }));
  for (const id of ids) {
    await inAuditedTransaction(db, null, null, (trx, audit) => ensureNextMeeting({ db: trx, audit, clock }, id));
  }
  return ids.length;
}
