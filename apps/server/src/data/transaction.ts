import type { Kysely } from 'kysely';
import { AuditRecorder } from '../audit/audit-recorder.js';
import { type AuditActorInfo, appendAuditEvents } from '../audit/audit-trail.js';
import type { Database } from '../db/schema.js';
import type { Actor } from '../policy/actor.js';
import { createDataScope, type DataScope, type DataScopeDependencies } from './data-scope.js';

/**
 * One command = one transaction. The audit rows the repositories recorded are appended in
 * that same transaction just before COMMIT, so an action and its audit stand or fall together.
 * If the command fails, its refusals are still written, in a transaction of their own.
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

export const auditActorOf = (actor: Actor): AuditActorInfo => ({
  userId: actor.userId,
  agencyId: actor.agencyId,
  side: actor.side,
});

/** The common case: a signed-in user's command through the policy-bound repositories. */
export function withDataScope<T>(
  db: Kysely<Database>,
  deps: DataScopeDependencies,
  actor: Actor,
  requestId: string | null,
  work: (scope: DataScope) => Promise<T>,
): Promise<T> {
  return inAuditedTransaction(db, auditActorOf(actor), requestId, (trx, audit) =>
    work(createDataScope(trx, actor, audit, deps)),
  );
}
