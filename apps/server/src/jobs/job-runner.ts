import { sql } from 'kysely';
import { fromPglite, PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { AuthStore } from '../data/auth.store.js';
import type { DatabaseHandle } from '../db/database.js';

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

/** Ends idle and expired sessions and drops finished rate-limit windows. */
export async function sweepExpired(handle: DatabaseHandle, config: Config) {
  const idleBefore = new Date(Date.now() - config.SESSION_IDLE_TIMEOUT_MINUTES * 60_000);
  const sessions = await new AuthStore(handle.db).deleteExpiredSessions(idleBefore);
  const counters = await handle.db
    .deleteFrom('rate_limit_counter')
    .where('window_started_at', '<', sql<Date>`now() - interval '1 hour'`)
    .executeTakeFirst();
  return { sessions, rateLimitCounters: Number(counters.numDeletedRows) };
}
