import { createHash } from 'node:crypto';
import type { AuditOutcome, Side } from '@tandem/shared';
import { type Kysely, sql } from 'kysely';
import type { AuditEventRow, Database } from '../db/schema.js';
import { canonicalJson } from './canonical-json.js';

/**
 * The append-only, hash-chained audit trail. Rows are only ever appended here, by the data
 * layer, inside the transaction of the action they record (see data/transaction.ts), and then
 * sealed into the chain by one sealer at a time (audit/audit-sealer.ts runs it in the background).
 */

export const GENESIS_HASH = '0'.repeat(64);
/** One sealer at a time, across all app instances, so the chain stays a single line. */
const AUDIT_SEALER_LOCK_KEY = 7_310_002;
const AUDIT_INSERT_BATCH = 500;
const AUDIT_SEAL_BATCH = 2000;

export interface AuditActorInfo {
  userId: string | null;
  agencyId: string | null;
  side: Side | null;
}

export interface AuditEntry {
  action: string;
  outcome: AuditOutcome;
  resourceType?: string;
  resourceId?: string;
  /** The client person whose data was read or written. */
  subjectPersonId?: string;
  /** For a share: the agreement and consent it rests on. */
  basis?: Record<string, unknown>;
  /** Identifiers and reasons only — never names, contact details or disclosures. */
  details?: Record<string, unknown>;
}

export interface PendingAuditEvent extends AuditEntry {
  occurredAt: Date;
  actor: AuditActorInfo | null;
  requestId: string | null;
}

/** The fields the hash covers, in a fixed order, as they read back from the database. */
function hashInput(row: AuditEventRow): string {
  return canonicalJson([
    new Date(row.occurred_at).toISOString(),
    row.actor_user_id,
    row.actor_agency_id,
    row.actor_side,
    row.action,
    row.outcome,
    row.resource_type,
    row.resource_id,
    row.subject_person_id,
    row.basis ?? null,
    row.details ?? {},
    row.request_id,
  ]);
}

export function chainHash(prevHash: string, input: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(input).digest('hex');
}

/**
 * Appends a command's events, unsealed, in the command's transaction. No lock is taken: requests
 * do not queue behind one another for the audit trail; the sealer links the rows into the chain
 * once they are committed (sealAuditTrail).
 */
export async function appendAuditEvents(
  trx: Kysely<Database>,
  events: readonly PendingAuditEvent[],
): Promise<void> {
  const rows = events.map((event) => ({
    occurred_at: event.occurredAt,
    actor_user_id: event.actor?.userId ?? null,
    actor_agency_id: event.actor?.agencyId ?? null,
    actor_side: event.actor?.side ?? null,
    action: event.action,
    outcome: event.outcome,
    resource_type: event.resourceType ?? null,
    resource_id: event.resourceId ?? null,
    subject_person_id: event.subjectPersonId ?? null,
    basis: event.basis === undefined ? null : JSON.stringify(event.basis),
    details: JSON.stringify(event.details ?? {}),
    request_id: event.requestId,
  }));
  for (let start = 0; start < rows.length; start += AUDIT_INSERT_BATCH) {
    await trx
      .insertInto('audit_event')
      .values(rows.slice(start, start + AUDIT_INSERT_BATCH))
      .execute();
  }
}

/**
 * Links every committed, unsealed row into the chain, in batches, each batch one transaction:
 * the next seal_seq, the previous row's hash, and the hash of this row's content read back from
 * the database (what verification will read). Rows are sealed in the order the sealer finds
 * them committed, so a command that commits late is sealed late — seal_seq, not id, is the
 * chain's order. With `wait: false` (the background loop) it gives way at once when another
 * instance is sealing. Returns how many rows it sealed.
 */
export async function sealAuditTrail(
  db: Kysely<Database>,
  options: { wait?: boolean; batchSize?: number } = {},
): Promise<number> {
  const { wait = true, batchSize = AUDIT_SEAL_BATCH } = options;
  let sealed = 0;
  for (;;) {
    const count = await db.transaction().execute(async (trx) => {
      if (wait) await sql`SELECT pg_advisory_xact_lock(${AUDIT_SEALER_LOCK_KEY})`.execute(trx);
      else {
        const lock = await sql<{ locked: boolean }>`
          SELECT pg_try_advisory_xact_lock(${AUDIT_SEALER_LOCK_KEY}) AS locked`.execute(trx);
        if (!lock.rows[0]?.locked) return 0;
      }
      const unsealed = await trx
        .selectFrom('audit_event')
        .selectAll()
        .where('seal_seq', 'is', null)
        .orderBy('id')
        .limit(batchSize)
        .execute();
      if (unsealed.length === 0) return 0;
      const last = await trx
        .selectFrom('audit_event')
        .select(['seal_seq', 'hash'])
        .where('seal_seq', 'is not', null)
        .orderBy('seal_seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      let prevHash = last?.hash ?? GENESIS_HASH;
      let seq = BigInt(last?.seal_seq ?? 0);
      const seals = unsealed.map((row) => {
        seq += 1n;
        const hash = chainHash(prevHash, hashInput(row));
        const seal = sql`(${String(row.id)}::bigint, ${String(seq)}::bigint, ${prevHash}::text, ${hash}::text)`;
        prevHash = hash;
        return seal;
      });
      await sql`
        UPDATE audit_event AS e SET seal_seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
        FROM (VALUES ${sql.join(seals)}) AS v(id, seq, prev_hash, hash)
        WHERE e.id = v.id`.execute(trx);
      return unsealed.length;
    });
    sealed += count;
    if (count < batchSize) return sealed;
  }
}

export type ChainVerdict =
  /** `unsealed`: rows committed but not yet linked by the sealer (seconds old at most while it runs). */
  | { ok: true; checked: number; unsealed: number }
  | { ok: false; checked: number; firstBrokenId: string; reason: string };

/**
 * Recomputes every sealed row's hash in chain order; names the first row whose stored hash or
 * link is wrong. A row removed, inserted, reordered or altered after sealing breaks it.
 */
export async function verifyAuditChain(db: Kysely<Database>, batchSize = 5000): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let afterSeq = '0';
  let checked = 0;
  for (;;) {
    const rows: AuditEventRow[] = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('seal_seq', '>', afterSeq)
      .orderBy('seal_seq')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) {
      const pending = await db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('seal_seq', 'is', null)
        .executeTakeFirstOrThrow();
      return { ok: true, checked, unsealed: Number(pending.count) };
    }
    for (const row of rows) {
      const id = String(row.id);
      if (row.prev_hash !== prevHash) {
        return {
          ok: false,
          checked,
          firstBrokenId: id,
          reason: 'link to the previous row is broken (row removed or inserted)',
        };
      }
      const expected = chainHash(prevHash, hashInput(row));
      if (expected !== row.hash) {
        return {
          ok: false,
          checked,
          firstBrokenId: id,
          reason: 'content does not match its hash (row altered)',
        };
      }
      prevHash = row.hash ?? '';
      afterSeq = String(row.seal_seq);
      checked += 1;
    }
  }
}
