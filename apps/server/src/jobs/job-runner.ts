import { type Kysely, sql } from 'kysely';
import { fromPglite, PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import { headSettingsOf, publishAuditHead } from '../audit/audit-head.js';
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
    await publishHead(handle, config, logger, clock);
  });
  await publishHead(handle, config, logger, clock);
  return boss;
}

/**
 * The audit trail's head, signed, to the file outside the database (audit/audit-head.ts) — at
 * start and after every sweep. A failure is logged and never stops the jobs; the head also goes
 * to the log, a second place outside the database.
 */
async function publishHead(handle: DatabaseHandle, config: Config, logger: Logger, clock: Clock) {
  try {
    const record = await publishAuditHead(systemDb(handle.db, 'audit_trail'), headSettingsOf(config), clock);
    logger.info(
      { auditHead: { lastId: record.lastId, hash: record.hash, keyId: record.keyId } },
      'audit head published',
    );
  } catch (error) {
    logger.error(
      { err: { type: (error as Error).name, message: (error as Error).message } },
      'audit head not published',
    );
  }
}

/**
 * Ends idle and expired sessions, drops finished rate-limit windows, keeps every open joint
 * case's next meeting planned. (Grants need no sweep: each carries the dates it is in force.)
 */
export async function sweepExpired(handle: DatabaseHandle, config: Config, clock: Clock = systemClock) {
  const db = systemDb(handle.db, 'maintenance_job');
  const now = clock.now().getTime();
  const sessions = await new AuthStore(db).deleteExpiredSessions(
    new Date(now - config.SESSION_IDLE_TIMEOUT_MINUTES * 60_000),
  );
  // The windows are stamped by the database's clock (http/postgres-rate-limit-store.ts): judged by it too.
  const counters = await db
    .deleteFrom('rate_limit_counter')
    .where('window_started_at', '<', sql<Date>`now() - interval '1 hour'`)
    .executeTakeFirst();
  const throttles = await db
    .deleteFrom('sign_in_throttle')
    .where('window_started_at', '<', sql<Date>`now() - interval '1 hour'`)
    .executeTakeFirst();
  const meetings = await keepMeetingsScheduled(db, clock);
  return {
    sessions,
    rateLimitCounters: Number(counters.numDeletedRows),
    signInThrottles: Number(throttles.numDeletedRows),
    jointCasesScheduled: meetings.scheduled,
    jointCasesFailed: meetings.failed,
  };
}

/**
 * Every open joint case keeps its next Phase 2 meeting planned (or cancelled once the
 * programmes end). Each case is its own transaction, so one that fails does not hold up the
 * others; the schedule is idempotent (services/consequences/meeting-schedule.ts), so two
 * sweeps at once — two app instances — still leave one planned meeting per case.
 */
export async function keepMeetingsScheduled(
  db: Kysely<Database>,
  clock: Clock = systemClock,
): Promise<{ scheduled: number; failed: number }> {
  const ids = await inAuditedTransaction(db, null, null, (trx, audit) =>
    openJointCaseIds({ db: trx, audit, clock }),
  );
  let failed = 0;
  for (const id of ids) {
    try {
      await inAuditedTransaction(db, null, null, (trx, audit) =>
        ensureNextMeeting({ db: trx, audit, clock }, id),
      );
    } catch {
      // The next sweep tries again; the count goes to the log (no case detail).
      failed += 1;
    }
  }
  return { scheduled: ids.length - failed, failed };
}
