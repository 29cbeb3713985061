import { createHash } from 'node:crypto';
import type { AuditOutcome, Side } from '@tandem/shared';
import { type Kysely, sql } from 'kysely';
import type { AuditEventRow, Database } from '../db/schema.js';
import { canonicalJson } from './canonical-json.js';

/**
 * The append-only, hash-chained audit trail. Rows are only ever appended here, by the data
 * layer, inside the transaction of the action they record (see data/transaction.ts).
 */

export const GENESIS_HASH = '0'.repeat(64);
/** Serialises appends across all app instances so the chain stays a single line. */
const AUDIT_CHAIN_LOCK_KEY = 7_310_002;
const AUDIT_INSERT_BATCH = 500;

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
function hashInput(event: {
  occurredAt: Date;
  actorUserId: string | null;
  actorAgencyId: string | null;
  actorSide: string | null;
  action: string;
  outcome: string;
  resourceType: string | null;
  resourceId: string | null;
  subjectPersonId: string | null;
  basis: unknown;
  details: unknown;
  requestId: string | null;
}): string {
  return canonicalJson([
    event.occurredAt.toISOString(),
    event.actorUserId,
    event.actorAgencyId,
    event.actorSide,
    event.action,
    event.outcome,
    event.resourceType,
    event.resourceId,
    event.subjectPersonId,
    event.basis ?? null,
    event.details ?? {},
    event.requestId,
  ]);
}

export function chainHash(prevHash: string, input: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(input).digest('hex');
}

export async function appendAuditEvents(
  trx: Kysely<Database>,
  events: readonly PendingAuditEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`.execute(trx);
  const last = await trx
    .selectFrom('audit_event')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = events.map((event) => {
    const row = {
      occurredAt: event.occurredAt,
      actorUserId: event.actor?.userId ?? null,
      actorAgencyId: event.actor?.agencyId ?? null,
      actorSide: event.actor?.side ?? null,
      action: event.action,
      outcome: event.outcome,
      resourceType: event.resourceType ?? null,
      resourceId: event.resourceId ?? null,
      subjectPersonId: event.subjectPersonId ?? null,
      basis: event.basis ?? null,
      details: event.details ?? {},
      requestId: event.requestId,
    };
    const hash = chainHash(prevHash, hashInput(row));
    const values = {
      occurred_at: row.occurredAt,
      actor_user_id: row.actorUserId,
      actor_agency_id: row.actorAgencyId,
      actor_side: row.actorSide,
      action: row.action,
      outcome: row.outcome,
      resource_type: row.resourceType,
      resource_id: row.resourceId,
      subject_person_id: row.subjectPersonId,
      basis: row.basis === null ? null : JSON.stringify(row.basis),
      details: JSON.stringify(row.details),
      request_id: row.requestId,
      prev_hash: prevHash,
      hash,
    };
    prevHash = hash;
    return values;
  });
  // Ids follow insertion order within one statement, so the chain order is kept.
  for (let start = 0; start < rows.length; start += AUDIT_INSERT_BATCH) {
    await trx
      .insertInto('audit_event')
      .values(rows.slice(start, start + AUDIT_INSERT_BATCH))
      .execute();
  }
}

export type ChainVerdict =
  | { ok: true; checked: number }
  | { ok: false; checked: number; firstBrokenId: string; reason: string };

/** Recomputes every hash in id order; names the first row whose stored hash or link is wrong. */
export async function verifyAuditChain(db: Kysely<Database>, batchSize = 5000): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let afterId = '0';
  let checked = 0;
  for (;;) {
    const rows: AuditEventRow[] = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return { ok: true, checked };
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
      const expected = chainHash(
        prevHash,
        hashInput({
          occurredAt: new Date(row.occurred_at),
          actorUserId: row.actor_user_id,
          actorAgencyId: row.actor_agency_id,
          actorSide: row.actor_side,
          action: row.action,
          outcome: row.outcome,
          resourceType: row.resource_type,
          resourceId: row.resource_id,
          subjectPersonId: row.subject_person_id,
          basis: row.basis,
          details: row.details,
          requestId: row.request_id,
        }),
      );
      if (expected !== row.hash) {
        return {
          ok: false,
          checked,
          firstBrokenId: id,
          reason: 'content does not match its hash (row altered)',
        };
      }
      prevHash = row.hash;
      afterId = id;
      checked += 1;
    }
  }
}
