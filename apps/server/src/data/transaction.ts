import type { Kysely } from 'kysely';
import { AuditRecorder } from '../audit/audit-recorder.js';
import { type AuditActorInfo, appendAuditEvents } from '../audit/audit-trail.js';
import type { Database } from '../db/schema.js';
import { notifyLive } from '../live/notify.js';
import type { Actor } from '../policy/actor.js';
import { type CommandScope, createCommandScope, type ScopeDependencies } from './command-scope.js';

/**
 * One command = one transaction. The audit rows recorded during the command are appended in
 * that same transaction just before COMMIT, so an action and its audit stand or fall together.
 * If the command fails, its refusals (and the reads it made) are still written, in a
 * transaction of their own.
 */
export async function inAuditedTransaction<T>(
  db: Kysely<Database>,
  actor: AuditActorInfo | null,
  requestId: string | null,
  work: (trx: Kysely<Database>, audit: AuditRecorder) => Promise<T>,
): Promise<T> {
  const audit = new AuditRecorder(actor, requestId);
  try {
    return await db.transaction().execute(async (trx) => {
      const result = await work(trx, audit);
      await appendAuditEvents(trx, audit.drainAll());
      return result;
    });
  } catch (error) {
    const unsuccessful = audit.drainUnsuccessful();
    if (unsuccessful.length > 0) {
      await db.transaction().execute((trx) => appendAuditEvents(trx, unsuccessful));
    }
    throw error;
  }
}

/**
 * A report (a dashboard, an export): read in a read-only transaction on `readDb` — the streaming
 * replica when DATABASE_READ_URL is set, else the primary — through the same policy-bound scope as
 * any command. A replica takes no writes, so the audit rows the scope recorded are appended on the
 * primary once the reading is done, before the answer leaves: no report is seen unaudited, and a
 * report refused is audited as a refusal.
 */
export async function inReportScope<T>(
  readDb: Kysely<Database>,
  db: Kysely<Database>,
  deps: ScopeDependencies,
  actor: Actor,
  requestId: string | null,
  work: (scope: CommandScope) => Promise<T>,
): Promise<T> {
  const audit = new AuditRecorder(auditActorOf(actor), requestId);
  let result: T;
  try {
    result = await readDb
      .transaction()
      .setAccessMode('read only')
      .execute(async (trx) => {
        const scope = createCommandScope(trx, actor, audit, deps);
        const answer = await work(scope);
        scope.db.assertNoViolation();
        return answer;
      });
  } catch (error) {
    const unsuccessful = audit.drainUnsuccessful();
    if (unsuccessful.length > 0)
      await db.transaction().execute((trx) => appendAuditEvents(trx, unsuccessful));
    throw error;
  }
  await db.transaction().execute((trx) => appendAuditEvents(trx, audit.drainAll()));
  return result;
}

export const auditActorOf = (actor: Actor): AuditActorInfo => ({
  userId: actor.userId,
  agencyId: actor.agencyId,
  side: actor.side,
});

/** The common case: a signed-in user's command through the policy-bound scope. */
export function inCommandScope<T>(
  db: Kysely<Database>,
  deps: ScopeDependencies,
  actor: Actor,
  requestId: string | null,
  work: (scope: CommandScope) => Promise<T>,
): Promise<T> {
  return inAuditedTransaction(db, auditActorOf(actor), requestId, async (trx, audit) => {
    const scope = createCommandScope(trx, actor, audit, deps);
    const result = await work(scope);
    // A write the policy refused fails the command, even if the service caught the error.
    scope.db.assertNoViolation();
    // Delivered by PostgreSQL on COMMIT only: a command that fails tells no page anything.
    if (deps.liveSchema !== undefined) await notifyLive(trx, deps.liveSchema, scope.db.liveSignals);
    return result;
  });
}
