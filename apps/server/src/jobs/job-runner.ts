import { type Kysely, sql } from 'kysely';
import { fromPglite, PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { AuthStore } from '../data/auth.store.js';
import { CaseAccess } from '../data/case-access.repository.js';
import { ensureNextMeeting, openJointCaseIds } from '../data/meeting.repository.js';
import { inAuditedTransaction } from '../data/transaction.js';
import type { DatabaseHandle } from '../db/database.js';
import type { Database } from '../db/schema.js';

/**
 * Background jobs on PostgreSQL (pg-boss): durable, shared by every app instance, and on
 * PGlite in the single-process set-up. Later issues add reminders and overdue checks here.
 */
export const MAINTENANCE_QUEUE = 'maintenance.sweep';

export async function startJobs(handle: DatabaseHandle, config: Config, logger: Logger): Promise<PgBoss> {
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
    const swept = await sweepExpired(handle, config);
    logger.info(swept, 'maintenance sweep');
  });
  return boss;
}

/** Ends idle and expired sessions, drops finished rate-limit windows, and applies agreement dates to grants. */
export async function sweepExpired(handle: DatabaseHandle, config: Config) {
  const idleBefore = new Date(Date.now() - config.SESSION_IDLE_TIMEOUT_MINUTES * 60_000);
  const sessions = await new AuthStore(handle.db).deleteExpiredSessions(idleBefore);
  const counters = await handle.db
    .deleteFrom('rate_limit_counter')
    .where('window_started_at', '<', sql<Date>`now() - interval '1 hour'`)
    .executeTakeFirst();
  const episodes = await refreshTimeBoundGrants(handle.db);
  const meetings = await keepMeetingsScheduled(handle.db);
  return {
    sessions,
    rateLimitCounters: Number(counters.numDeletedRows),
    episodesRegranted: episodes,
    jointCasesScheduled: meetings,
  };
}

/** Every open joint case keeps its next Phase 2 meeting planned (or cancelled once the programmes end). */
export async function keepMeetingsScheduled(db: Kysely<Database>): Promise<number> {
  const ids = await openJointCaseIds(db);
  for (const id of ids) {
    await inAuditedTransaction(db, null, null, (trx, audit) => ensureNextMeeting(trx, audit, id));
  }
  return ids.length;
}

/**
 * A case-level agreement that has ended takes its grants with it; one that has begun brings
 * them. Grants are recomputed for the episodes whose agreements crossed a date boundary.
 */
export async function refreshTimeBoundGrants(db: Kysely<Database>): Promise<number> {
  const rows = await sql<{ pp_episode_id: string }>`
    SELECT DISTINCT jc.pp_episode_id FROM joint_case jc JOIN agreement a ON a.id = jc.agreement_id
    WHERE (a.valid_to < current_date AND EXISTS (
             SELECT 1 FROM access_grant g WHERE g.source_episode_id = jc.pp_episode_id AND g.basis->>'agreementId' = a.id::text))
       OR (a.valid_from BETWEEN current_date - 1 AND current_date AND jc.status = 'open' AND NOT EXISTS (
             SELECT 1 FROM access_grant g WHERE g.source_episode_id = jc.pp_episode_id AND g.basis->>'agreementId' = a.id::text))`.execute(
    db,
  );
  for (const row of rows.rows) {
    await inAuditedTransaction(db, null, null, (trx, audit) =>
      new CaseAccess(trx, audit).recompute(row.pp_episode_id),
    );
  }
  return rows.rows.length;
}
