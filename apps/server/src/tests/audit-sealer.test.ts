import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRecorder } from '../audit/audit-recorder.js';
import { appendAuditEvents, sealAuditTrail, verifyAuditChain } from '../audit/audit-trail.js';
import { auditWriter } from '../testing/audit-helpers.js';
import { startTestSystem, type TestSystem } from '../testing/test-system.js';

/**
 * Commands append their audit rows unsealed, without a lock; one sealer at a time links them into
 * the chain (audit/audit-trail.ts). A system of its own: the chain here stays whole until the
 * last test breaks it on purpose.
 */
let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
  ({ appendUnsealed, append, bypassingTriggers } = auditWriter(system.database.db, 'req-seal'));
});
afterAll(() => system?.close());

let appendUnsealed: ReturnType<typeof auditWriter>['appendUnsealed'];
let append: ReturnType<typeof auditWriter>['append'];
let bypassingTriggers: ReturnType<typeof auditWriter>['bypassingTriggers'];

const sealState = (action: string) =>
  system.database.db
    .selectFrom('audit_event')
    .select(['id', 'seal_seq', 'prev_hash', 'hash'])
    .where('action', '=', action)
    .orderBy('id')
    .execute();

describe('the sealer that links committed rows into the chain', () => {
  it('leaves a command’s rows unsealed until it runs, then links each one after the last', async () => {
    await append('test.before_seal');
    const [before] = await sealState('test.before_seal');
    await appendUnsealed('test.pending', { n: 1 });
    await appendUnsealed('test.pending', { n: 2 });
    const pending = await sealState('test.pending');
    expect(pending.map((row) => [row.seal_seq, row.hash, row.prev_hash])).toEqual([
      [null, null, null],
      [null, null, null],
    ]);
    expect(await verifyAuditChain(system.database.db)).toMatchObject({ ok: true, unsealed: 2 });
    expect(await sealAuditTrail(system.database.db)).toBe(2);
    const sealed = await sealState('test.pending');
    expect(sealed.map((row) => Number(row.seal_seq))).toEqual([
      Number(before!.seal_seq) + 1,
      Number(before!.seal_seq) + 2,
    ]);
    expect(sealed[0]!.prev_hash).toBe(before!.hash);
    expect(sealed[1]!.prev_hash).toBe(sealed[0]!.hash);
    expect(await sealAuditTrail(system.database.db)).toBe(0);
    expect(await verifyAuditChain(system.database.db)).toMatchObject({ ok: true, unsealed: 0 });
  });

  it('seals in batches, each continuing the one before', async () => {
    for (let n = 0; n < 7; n += 1) await appendUnsealed('test.batched', { n });
    expect(await sealAuditTrail(system.database.db, { batchSize: 3 })).toBe(7);
    expect(await verifyAuditChain(system.database.db)).toMatchObject({ ok: true, unsealed: 0 });
  });

  it('chains a row that committed late after rows with higher ids', async () => {
    // What two overlapping commands leave: the one that took the lower id commits second.
    await appendUnsealed('test.early_id');
    const [early] = await sealState('test.early_id');
    await bypassingTriggers(sql`UPDATE audit_event SET id = id + 1000000 WHERE id = ${early!.id}`);
    await append('test.late_id_sealed_first');
    await bypassingTriggers(sql`UPDATE audit_event SET id = ${early!.id} WHERE id = ${early!.id} + 1000000`);
    await sealAuditTrail(system.database.db);
    const [late] = await sealState('test.late_id_sealed_first');
    const [sealedEarly] = await sealState('test.early_id');
    expect(Number(sealedEarly!.id)).toBeLessThan(Number(late!.id));
    expect(Number(sealedEarly!.seal_seq)).toBe(Number(late!.seal_seq) + 1);
    expect(await verifyAuditChain(system.database.db)).toMatchObject({ ok: true, unsealed: 0 });
  });

  it('may only seal a row, once, with nothing else about it changed', async () => {
    await appendUnsealed('test.seal_only');
    const [row] = await sealState('test.seal_only');
    const forged = 'f'.repeat(64);
    await expect(
      sql`UPDATE audit_event SET seal_seq = 999999999, prev_hash = ${forged}, hash = ${forged}, action = 'changed' WHERE id = ${row!.id}`.execute(
        system.database.db,
      ),
    ).rejects.toThrow(/append-only/);
    await sealAuditTrail(system.database.db);
    await expect(
      sql`UPDATE audit_event SET seal_seq = 999999999, prev_hash = ${forged}, hash = ${forged} WHERE id = ${row!.id}`.execute(
        system.database.db,
      ),
    ).rejects.toThrow(/append-only/);
  });
});

// Concurrency needs connections of its own: PostgreSQL only (PGlite is one connection).
describe.runIf(process.env.DATABASE_URL)('on PostgreSQL, with commands and sealers at once', () => {
  it('lets a command append while another holds its rows uncommitted: no lock is shared', async () => {
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let firstAppended!: () => void;
    const appendedInFirst = new Promise<void>((resolve) => {
      firstAppended = resolve;
    });
    const first = system.database.db.transaction().execute(async (trx) => {
      const recorder = new AuditRecorder(null, 'req-held');
      recorder.record({ action: 'test.held_open', outcome: 'success' });
      await appendAuditEvents(trx, recorder.drainAll());
      firstAppended();
      await firstHolds;
    });
    await appendedInFirst;
    // Were appends serialised, this one would wait for the first and fail on the lock timeout.
    await system.database.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL lock_timeout = '2s'`.execute(trx);
      const recorder = new AuditRecorder(null, 'req-passing');
      recorder.record({ action: 'test.passes_by', outcome: 'success' });
      await appendAuditEvents(trx, recorder.drainAll());
    });
    // The sealer seals what is committed and leaves the open command's row for a later run.
    await sealAuditTrail(system.database.db);
    const passed = await system.database.db
      .selectFrom('audit_event')
      .select('seal_seq')
      .where('action', '=', 'test.passes_by')
      .executeTakeFirstOrThrow();
    expect(passed.seal_seq).not.toBeNull();
    releaseFirst();
    await first;
    await sealAuditTrail(system.database.db);
    expect(await verifyAuditChain(system.database.db)).toMatchObject({ ok: true, unsealed: 0 });
  });

  it('keeps one chain when several sealers run at once', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, writer) =>
        (async () => {
          for (let n = 0; n < 25; n += 1) await appendUnsealed('test.concurrent', { writer, n });
        })(),
      ),
    );
    const sealedBy = await Promise.all([
      sealAuditTrail(system.database.db, { batchSize: 17 }),
      sealAuditTrail(system.database.db, { batchSize: 17 }),
      sealAuditTrail(system.database.db, { batchSize: 17, wait: false }),
    ]);
    expect(sealedBy.reduce((sum, count) => sum + count, 0)).toBe(200);
    expect(await verifyAuditChain(system.database.db)).toMatchObject({ ok: true, unsealed: 0 });
  });
});

// Last: it breaks the chain on purpose.
describe('a sealed chain tampered with', () => {
  it('names a sealed row removed from the middle of the chain', async () => {
    await append('test.to_remove');
    const [removed] = await sealState('test.to_remove');
    await append('test.after_removed');
    const [after] = await sealState('test.after_removed');
    await bypassingTriggers(sql`DELETE FROM audit_event WHERE id = ${removed!.id}`);
    const verdict = await verifyAuditChain(system.database.db);
    expect(verdict).toMatchObject({ ok: false, firstBrokenId: String(after!.id) });
    expect(!verdict.ok && verdict.reason).toMatch(/link/);
  });
});
