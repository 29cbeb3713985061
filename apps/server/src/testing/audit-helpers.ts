import { type Kysely, sql } from 'kysely';
import { AuditRecorder } from '../audit/audit-recorder.js';
import { appendAuditEvents, sealAuditTrail } from '../audit/audit-trail.js';
import type { Database } from '../db/schema.js';

/** Audit rows written straight to the trail for the audit tests, as a command would leave them. */
export function auditWriter(db: Kysely<Database>, requestId: string) {
  const appendUnsealed = (action: string, details: Record<string, unknown> = {}) =>
    db.transaction().execute(async (trx) => {
      const recorder = new AuditRecorder({ userId: null, agencyId: null, side: 'neutral' }, requestId);
      recorder.record({ action, outcome: 'success', details });
      await appendAuditEvents(trx, recorder.drainAll());
    });
  return {
    appendUnsealed,
    /** Appended and sealed, as the background sealer would have done a moment later. */
    append: async (action: string, details: Record<string, unknown> = {}) => {
      await appendUnsealed(action, details);
      await sealAuditTrail(db);
    },
    /** What only someone past the application could do: the chain and the head exist to reveal it. */
    bypassingTriggers: (statement: ReturnType<typeof sql>) =>
      db.transaction().execute(async (trx) => {
        await sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update`.execute(trx);
        await statement.execute(trx);
        await sql`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update`.execute(trx);
      }),
  };
}
