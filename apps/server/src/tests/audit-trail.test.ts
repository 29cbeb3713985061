import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRecorder } from '../audit/audit-recorder.js';
import { appendAuditEvents, verifyAuditChain } from '../audit/audit-trail.js';
import { inAuditedTransaction } from '../data/transaction.js';
import { startTestSystem, type TestSystem } from '../testing/test-system.js';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

const append = (action: string, details: Record<string, unknown> = {}) =>
  system.database.db.transaction().execute(async (trx) => {
    const recorder = new AuditRecorder({ userId: null, agencyId: null, side: 'neutral' }, 'req-1');
    recorder.record({ action, outcome: 'success', details });
    await appendAuditEvents(trx, recorder.drainAll());
  });

describe('the hash-chained audit trail', () => {
  it('verifies an intact chain', async () => {
    for (let index = 0; index < 5; index += 1)
      await append('test.event', { index, nested: { b: 1, a: [1, 2] } });
    const verdict = await verifyAuditChain(system.database.db, 2);
    expect(verdict).toMatchObject({ ok: true });
    expect(verdict.checked).toBeGreaterThanOrEqual(5);
  });

  it('refuses UPDATE and DELETE through the application role', async () => {
    await expect(sql`UPDATE audit_event SET action = 'changed'`.execute(system.database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_event`.execute(system.database.db)).rejects.toThrow(/append-only/);
  });

  it('writes the refusals of a failed command and drops its successes', async () => {
    const before = await countEvents();
    await expect(
      inAuditedTransaction(system.database.db, null, 'req-2', async (_trx, audit) => {
        audit.record({ action: 'test.would_have_happened', outcome: 'success' });
        audit.record({ action: 'test.refused', outcome: 'denied' });
        throw new Error('command failed');
      }),
    ).rejects.toThrow('command failed');
    const rows = await system.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('request_id', '=', 'req-2')
      .execute();
    expect(rows.map((row) => row.action)).toEqual(['test.refused']);
    expect(await countEvents()).toBe(before + 1);
  });

  it('detects a row altered behind the application’s back, and names it', async () => {
    await append('test.target', { value: 'original' });
    const target = await system.database.db
      .selectFrom('audit_event')
      .select('id')
      .where('action', '=', 'test.target')
      .executeTakeFirstOrThrow();
    await append('test.after');
    // A DBA bypassing the trigger: exactly what the chain exists to reveal.
    await system.database.db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update`.execute(trx);
      await sql`UPDATE audit_event SET details = '{"value":"forged"}'::jsonb WHERE id = ${target.id}`.execute(
        trx,
      );
      await sql`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update`.execute(trx);
    });
    const verdict = await verifyAuditChain(system.database.db);
    expect(verdict).toMatchObject({ ok: false, firstBrokenId: String(target.id) });
  });
});

async function countEvents() {
  const row = await system.database.db
    .selectFrom('audit_event')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}
