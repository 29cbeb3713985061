import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateHeadKeyPair,
  headSettingsOf,
  publishAuditHead,
  verifyAgainstPublishedHeads,
} from '../audit/audit-head.js';
import { sealAuditTrail, verifyAuditChain } from '../audit/audit-trail.js';
import { backup, type OperationsConfig, restore } from '../backup/operations.js';
import { type DatabaseHandle, openDatabase } from '../db/database.js';
import { caseBuilder, isoDay } from '../testing/case-builder.js';
import { makeNetworkScenario, type NetworkScenario } from '../testing/scenario.js';
import { startTestSystem, type TestSystem } from '../testing/test-system.js';

/**
 * Backup and restore a service can rely on (issue: operations): a seeded system is backed up
 * while it serves writes, restored into a fresh database, and everything is proved to have come
 * back — every record, every encrypted field (read with the escrowed key, which the backup does
 * not hold), the audit chain — on the engine the suite runs on (PGlite, or PostgreSQL when
 * DATABASE_URL is set).
 */

let system: TestSystem;
let scenario: NetworkScenario;
let work: string;
let config: OperationsConfig;
const restoredDatabases: string[] = [];

beforeAll(async () => {
  system = await startTestSystem();
  scenario = await makeNetworkScenario(system);
  work = mkdtempSync(path.join(os.tmpdir(), 'tandem-backup-test-'));
  const keys = generateHeadKeyPair();
  config = {
    DATABASE_URL: system.config.DATABASE_URL,
    DATABASE_SCHEMA: system.config.DATABASE_SCHEMA,
    dataDir: path.join(work, 'source-data'),
    BACKUP_DIR: path.join(work, 'backups'),
    FIELD_ENCRYPTION_KEYS: `test:${system.cipherKey.toString('base64')}`,
    NODE_ENV: 'test',
    AUDIT_HEAD_FILE: path.join(work, 'audit-heads.jsonl'),
    AUDIT_HEAD_SIGNING_KEY: keys.privateKey,
    AUDIT_HEAD_PUBLIC_KEY: keys.publicKey,
  };
}, 120_000);

afterAll(async () => {
  await system?.close();
  for (const name of restoredDatabases) await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  rmSync(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('backs up while the service writes, restores into a new database, and everything came back', async () => {
    const { openCase } = caseBuilder(system, () => scenario);
    const cases = [
      await openCase({ withChild: true }),
      await openCase({ herAddress: 'Via Nascosta 3, Bologna' }),
    ];
    const db = system.database.db;
    await publishAuditHead(db, headSettingsOf(config), system.clock);

    // Referrals keep arriving, four at a time, before, during and after the backup.
    const acknowledged: Array<{ id: string; at: number }> = [];
    let writing = true;
    const writers = Array.from({ length: 4 }, async (_, writer) => {
      for (let n = 0; writing; n += 1) {
        const response = await scenario.clients.ppManager.post('/api/referrals', {
          person: { firstName: 'Writer', lastName: `W${writer}-${n}` },
          pathway: 'voluntary',
          referralDate: isoDay(-1),
        });
        expect(response.statusCode).toBe(201);
        acknowledged.push({ id: response.json().id, at: Date.now() });
      }
    });
    while (acknowledged.length < 8) await new Promise((resolve) => setTimeout(resolve, 20));
    const backupStarted = Date.now();
    const { archive, manifest } = await backup(config, system.clock, system.database);
    const backupEnded = Date.now();
    while (acknowledged.filter((write) => write.at > backupEnded).length < 4)
      await new Promise((resolve) => setTimeout(resolve, 20));
    writing = false;
    await Promise.all(writers);

    // The keys stay out: the manifest says so, and the key is nowhere in the archive.
    expect(manifest.keysIncluded).toBe(false);
    expect(manifest.contents.fieldKeyIds).toEqual(['test']);
    const archiveBytes = readFileSync(archive);
    const plain = manifest.engine === 'pglite' ? gunzipSync(archiveBytes) : archiveBytes;
    expect(plain.includes(system.cipherKey.toString('base64'))).toBe(false);
    expect(plain.includes(system.cipherKey)).toBe(false);

    const target = await restoreTarget();
    const report = await restore(target, archive, system.clock);
    expect(report.encryptedValuesRead).toBeGreaterThan(0);
    const restored = await openDatabase({
      url: target.DATABASE_URL,
      dataDir: target.dataDir,
      schema: target.DATABASE_SCHEMA,
    });
    try {
      // Every referral acknowledged before the backup began is there; none acknowledged after it ended.
      const ids = new Set(
        (await restored.db.selectFrom('pp_episode').select('id').execute()).map((row) => row.id),
      );
      for (const write of acknowledged) {
        if (write.at < backupStarted)
          expect(ids.has(write.id), `referral ${write.id} acknowledged before the backup`).toBe(true);
        if (write.at > backupEnded)
          expect(ids.has(write.id), `referral ${write.id} acknowledged after the backup`).toBe(false);
      }
      // Every record: each restored row is, byte for byte, a row of the source (which only grew).
      for (const table of Object.keys(manifest.contents.tables)) {
        if (['user_session', 'rate_limit_counter', 'sign_in_throttle', 'audit_event'].includes(table))
          continue;
        const missing = await rowsMissingFromSource(restored, table);
        expect(missing, `rows of ${table} that are not the source's`).toEqual([]);
        expect(await count(restored, table)).toBe(manifest.contents.tables[table]!.rows);
      }
      // Every encrypted field: her contact details decrypt, with the escrowed key, to what was recorded.
      for (const made of cases) {
        const [before, after] = await Promise.all([
          db
            .selectFrom('person')
            .select('contact_enc')
            .where('id', '=', made.herId)
            .executeTakeFirstOrThrow(),
          restored.db
            .selectFrom('person')
            .select('contact_enc')
            .where('id', '=', made.herId)
            .executeTakeFirstOrThrow(),
        ]);
        expect(after.contact_enc).toBe(before.contact_enc);
        expect(JSON.parse(system.cipher.decrypt(after.contact_enc!))).toMatchObject({
          phone: '+39 333 000 0000',
        });
      }
      // The audit chain: intact, to the backup's head, then the restore recorded in it.
      // Rows the backup caught unsealed (writers were busy) are sealed after the backup's head.
      await sealAuditTrail(restored.db);
      const chain = await verifyAuditChain(restored.db);
      expect(chain).toMatchObject({ ok: true, unsealed: 0 });
      const source = await db
        .selectFrom('audit_event')
        .select(['id', 'hash'])
        .where('id', '=', manifest.contents.audit.lastId!)
        .executeTakeFirstOrThrow();
      expect(source.hash).toBe(manifest.contents.audit.hash);
      const last = await restored.db
        .selectFrom('audit_event')
        .select('action')
        .orderBy('seal_seq', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      expect(last.action).toBe('system.restore');
      const nextAfterHead = await restored.db
        .selectFrom('audit_event')
        .select('prev_hash')
        .where('seal_seq', '>', (eb) =>
          eb.selectFrom('audit_event').select('seal_seq').where('id', '=', manifest.contents.audit.lastId!),
        )
        .orderBy('seal_seq')
        .limit(1)
        .executeTakeFirstOrThrow();
      expect(nextAfterHead.prev_hash).toBe(manifest.contents.audit.hash);
      // The published heads: the restore marker makes the shorter chain the one in force.
      const heads = await verifyAgainstPublishedHeads(
        restored.db,
        config.AUDIT_HEAD_FILE!,
        headSettingsOf(config).publicKey,
      );
      expect(heads).toMatchObject({ ok: true, latest: { type: 'restore' } });
      // Sessions are not restored: everyone signs in again.
      expect(await count(restored, 'user_session')).toBe(0);
    } finally {
      await restored.close();
    }
  });

  it('refuses to restore over a database', async () => {
    const { archive } = await backup(config, system.clock, system.database);
    const sameDatabase = { ...config, dataDir: path.join(work, 'not-empty') };
    if (!config.DATABASE_URL) {
      const folder = await restoreTarget();
      await restore(folder, archive, system.clock);
      await expect(restore(folder, archive, system.clock)).rejects.toThrow(/not empty/);
    } else {
      await expect(restore(sameDatabase, archive, system.clock)).rejects.toThrow(/already holds tables/);
    }
  });

  it('refuses to call a restore done without the escrowed key', async () => {
    const { archive } = await backup(config, system.clock, system.database);
    const target = {
      ...(await restoreTarget()),
      FIELD_ENCRYPTION_KEYS: `other:${Buffer.alloc(32, 7).toString('base64')}`,
    };
    await expect(restore(target, archive, system.clock)).rejects.toThrow(
      /cannot be read with the configured keys/,
    );
  });
});

/** A new, empty database: a fresh data folder (PGlite) or a new database on the same server. */
async function restoreTarget(): Promise<OperationsConfig> {
  if (!config.DATABASE_URL) return { ...config, dataDir: mkdtempSync(path.join(work, 'restored-')) };
  const name = `tandem_restore_${Date.now().toString(36)}_${restoredDatabases.length}`;
  restoredDatabases.push(name);
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(config.DATABASE_URL);
  url.pathname = `/${name}`;
  return { ...config, DATABASE_URL: url.toString() };
}

async function adminQuery(text: string) {
  if (!config?.DATABASE_URL) return;
  const client = new pg.Client({ connectionString: config.DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function count(database: DatabaseHandle, table: string) {
  const row = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(
    database.db,
  );
  return row.rows[0]!.n;
}

/** Rows of the restored table (as text) that the source does not hold. */
async function rowsMissingFromSource(restored: DatabaseHandle, table: string): Promise<string[]> {
  // One connection for both statements: the zone shapes how a timestamptz reads as text.
  const textOf = (database: DatabaseHandle) =>
    database.db.connection().execute(async (connection) => {
      await sql`SET TIME ZONE 'UTC'`.execute(connection);
      const rows = await sql<{ row: string }>`SELECT t::text AS row FROM ${sql.table(table)} AS t`.execute(
        connection,
      );
      return rows.rows.map((row) => row.row);
    });
  const source = new Set(await textOf(system.database));
  return (await textOf(restored)).filter((row) => !source.has(row));
}
