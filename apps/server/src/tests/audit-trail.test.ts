import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateHeadKeyPair,
  type HeadSettings,
  headSettingsOf,
  publishAuditHead,
  publishRestoreMarker,
  verifyAgainstPublishedHeads,
} from '../audit/audit-head.js';
import { verifyAuditChain } from '../audit/audit-trail.js';
import { inAuditedTransaction } from '../data/transaction.js';
import { auditWriter } from '../testing/audit-helpers.js';
import { startTestSystem, type TestSystem } from '../testing/test-system.js';

let system: TestSystem;
let folder: string;
beforeAll(async () => {
  system = await startTestSystem();
  ({ append, bypassingTriggers } = auditWriter(system.database.db, 'req-1'));
  folder = mkdtempSync(path.join(os.tmpdir(), 'tandem-audit-heads-'));
});
afterAll(async () => {
  await system?.close();
  rmSync(folder, { recursive: true, force: true });
});

let append: ReturnType<typeof auditWriter>['append'];
let bypassingTriggers: ReturnType<typeof auditWriter>['bypassingTriggers'];

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

describe('the published head of the audit trail', () => {
  const settingsIn = (name: string): HeadSettings => {
    const keys = generateHeadKeyPair();
    return headSettingsOf({
      dataDir: folder,
      NODE_ENV: 'test',
      AUDIT_HEAD_FILE: path.join(folder, name),
      AUDIT_HEAD_SIGNING_KEY: keys.privateKey,
    });
  };
  const check = (settings: HeadSettings) =>
    verifyAgainstPublishedHeads(system.database.db, settings.file, settings.publicKey);

  it('shows the last rows removed, which the chain alone cannot', async () => {
    const settings = settingsIn('tail.jsonl');
    for (let index = 0; index < 3; index += 1) await append('test.tail', { index });
    const head = await publishAuditHead(system.database.db, settings, system.clock);
    expect(await check(settings)).toMatchObject({ ok: true, checked: 1 });
    // A DBA removes the last two rows, bypassing the trigger: the chain that is left still links
    // up — its verdict does not change (an earlier test of this file forged a row in the middle)…
    const chainBefore = await verifyAuditChain(system.database.db);
    await bypassingTriggers(
      sql`DELETE FROM audit_event WHERE id IN (SELECT id FROM audit_event ORDER BY id DESC LIMIT 2)`,
    );
    const chainAfter = await verifyAuditChain(system.database.db);
    expect({ ...chainAfter, checked: 0 }).toEqual({ ...chainBefore, checked: 0 });
    // …but the published head names a row that is no longer there.
    const verdict = await check(settings);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toMatch(
      new RegExp(`names event ${head.lastId}.*last rows were removed`),
    );
  });

  it('shows a tail rewritten with rows of the same ids', async () => {
    const settings = settingsIn('rewrite.jsonl');
    await append('test.original');
    const head = await publishAuditHead(system.database.db, settings, system.clock);
    await bypassingTriggers(sql`UPDATE audit_event SET hash = repeat('a', 64) WHERE id = ${head.lastId}`);
    const verdict = await check(settings);
    expect(!verdict.ok && verdict.reason).toMatch(/was rewritten/);
    await bypassingTriggers(sql`UPDATE audit_event SET hash = ${head.hash} WHERE id = ${head.lastId}`);
  });

  it('refuses a head not signed by the key, or altered after signing', async () => {
    const settings = settingsIn('forged.jsonl');
    await publishAuditHead(system.database.db, settings, system.clock);
    const forger = settingsIn('forger.jsonl');
    await publishAuditHead(system.database.db, forger, system.clock);
    appendFileSync(settings.file, readFileSync(forger.file));
    expect(await check(settings)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/line 2 .* valid signature/),
    });
    const [line] = readFileSync(settings.file, 'utf8').split('\n');
    writeFileSync(settings.file, `${line!.replace(/"lastId":"\d+"/, '"lastId":"1"')}\n`);
    expect(await check(settings)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/line 1 .* valid signature/),
    });
  });

  it('after a restore, checks only the heads from the restore marker on', async () => {
    const settings = settingsIn('restore.jsonl');
    const before = await publishAuditHead(system.database.db, settings, system.clock);
    // A head the restored chain never reaches (published after the backup was taken)…
    await append('test.after_backup');
    await publishAuditHead(system.database.db, settings, system.clock);
    await bypassingTriggers(sql`DELETE FROM audit_event WHERE id > ${before.lastId}`);
    expect((await check(settings)).ok).toBe(false);
    // …is history once the restore to the backup's head is marked.
    publishRestoreMarker(
      settings,
      { lastId: before.lastId, hash: before.hash },
      '2026-01-01T00:00:00.000Z',
      system.clock.now(),
    );
    expect(await check(settings)).toMatchObject({ ok: true, latest: { type: 'restore' } });
  });
});

async function countEvents() {
  const row = await system.database.db
    .selectFrom('audit_event')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}
