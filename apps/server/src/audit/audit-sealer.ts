import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/schema.js';
import { sealAuditTrail } from './audit-trail.js';

export interface AuditSealer {
  /** Seals what is pending now and stops the loop (at shutdown). */
  stop(): Promise<void>;
}

/**
 * The background sealer of each app instance. Every instance runs one; the advisory lock in
 * sealAuditTrail lets one seal at a time and the others give way, so a second instance needs
 * nothing from this one's memory, and rows a killed instance committed are sealed by whichever
 * runs next. Between two runs a committed row waits unsealed for at most `intervalMs`.
 */
export function startAuditSealer(db: Kysely<Database>, logger: Logger, intervalMs = 500): AuditSealer {
  let running: Promise<void> | null = null;
  const runOnce = (wait: boolean): Promise<void> => {
    running ??= sealAuditTrail(db, { wait }).then(
      () => {
        running = null;
      },
      (error: Error) => {
        running = null;
        logger.error({ err: { type: error.name, message: error.message } }, 'audit rows not sealed');
      },
    );
    return running;
  };
  // A run still going when the next is due is left to finish: runs never pile up.
  const timer = setInterval(() => void runOnce(false), intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await runOnce(true);
    },
  };
}
