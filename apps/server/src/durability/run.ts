import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sealAuditTrail, verifyAuditChain } from '../audit/audit-trail.js';
import { backupSocketOf } from '../backup/backup-socket.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { makeAgency, makeNetwork, makeUser, TEST_PASSWORD } from '../testing/factories.js';
import { startServer } from './server-process.js';
import { type Acknowledged, type Session, signIn, startWriters } from './writers.js';

/**
 * `npm run test:durability`: kills the server with SIGKILL while 20 clients write, on PGlite
 * and — when DATABASE_URL names a PostgreSQL server — on PostgreSQL, and proves that every write
 * the server acknowledged (a 201 received) is in the database afterwards, with its audit row,
 * that the audit chain verifies, and that the server starts again on what the kill left.
 * Several rounds per engine, each killed at a different moment. Slow by nature: not in `npm test`.
 */
const WRITERS = Number(process.env.DURABILITY_WRITERS ?? 20);
const ROUNDS = Number(process.env.DURABILITY_ROUNDS ?? 3);
const MIN_WRITES_BEFORE_KILL = Number(process.env.DURABILITY_MIN_WRITES ?? 100);

interface EngineResult {
  engine: string;
  rounds: Array<{ acknowledged: number; found: number; withAudit: number; chainVerified: number }>;
  failures: string[];
}

async function runEngine(engine: 'pglite' | 'postgres', url?: string): Promise<EngineResult> {
  const work = mkdtempSync(path.join(os.tmpdir(), `tandem-durability-${engine}-`));
  const schema = `durability_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const env: Record<string, string> = {
    NODE_ENV: 'development',
    DEMO_MODE: 'false',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    DATA_DIR: path.join(work, 'data'),
    FIELD_ENCRYPTION_KEYS: `durability:${randomBytes(32).toString('base64')}`,
    AUDIT_HEAD_FILE: path.join(work, 'audit-heads.jsonl'),
    API_RATE_LIMIT_PER_MINUTE: '10000000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    ...(url ? { DATABASE_URL: url, DATABASE_SCHEMA: schema } : { DATABASE_URL: '' }),
  };
  const result: EngineResult = { engine, rounds: [], failures: [] };
  const everAcknowledged: Acknowledged[] = [];
  try {
    const accounts = await prepare(env);
    let sessions: Session[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const server = await startServer(env);
      // Signed in once: the sessions are rows of the database, and outlive each kill like any write.
      if (round === 1) sessions = await Promise.all(accounts.map((account) => signIn(server.url, account)));
      const writers = startWriters(server.url, sessions, WRITERS, `${round}`);
      // Kill at a different moment each round, once enough writes are under way.
      const extraMs = 200 + Math.floor(Math.random() * 1500);
      const deadline = Date.now() + 60_000;
      while (writers.acknowledged.length < MIN_WRITES_BEFORE_KILL && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 25));
      await new Promise((resolve) => setTimeout(resolve, extraMs));
      await server.kill();
      writers.stop();
      await writers.done();
      if (writers.refused.length > 0)
        result.failures.push(`round ${round}: refused writes: ${writers.refused.slice(0, 3).join(' | ')}`);
      everAcknowledged.push(...writers.acknowledged);
      result.rounds.push({
        acknowledged: writers.acknowledged.length,
        ...(await check(env, writers.acknowledged, result, round)),
      });
    }
    // Every write acknowledged in any round is still there after all the kills, and the server starts again.
    const final = await check(env, everAcknowledged, result, ROUNDS + 1);
    if (final.found !== everAcknowledged.length)
      result.failures.push('writes of earlier rounds were lost by later kills');
    const server = await startServer(env);
    const health = await fetch(`${server.url}/api/health`);
    if (health.status !== 200)
      result.failures.push(`the server restarted after the last kill answers ${health.status}`);
    await server.stop();
  } catch (error) {
    result.failures.push((error as Error).stack ?? String(error));
  } finally {
    rmSync(work, { recursive: true, force: true });
    // The killed servers could not remove their backup socket.
    rmSync(backupSocketOf(env.DATA_DIR!), { force: true });
    if (url) await dropSchemas(url, [`${schema}_jobs`, schema]);
  }
  return result;
}

/** The database before the first start: migrated, with a programme and four of its case managers. */
async function prepare(env: Record<string, string>) {
  const database = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    schema: env.DATABASE_SCHEMA,
  });
  try {
    await migrate(database);
    const network = await makeNetwork(database.db);
    const agency = await makeAgency(database.db, { kind: 'perpetrator_programme', networkIds: [network.id] });
    const accounts: Array<{ email: string; password: string; totpSecret?: string }> = [];
    for (let index = 0; index < 4; index += 1) {
      const user = await makeUser(database.db, {
        agencyId: agency.id,
        roles: ['pp_case_manager'],
        side: 'perpetrator',
        networkIds: [network.id],
      });
      accounts.push({ email: user.email, password: TEST_PASSWORD });
    }
    return accounts;
  } finally {
    await database.close();
  }
}

/** Opens what the kill left (PGlite recovers its folder; PostgreSQL its own) and looks for every acknowledged write. */
async function check(
  env: Record<string, string>,
  acknowledged: Acknowledged[],
  result: EngineResult,
  round: number,
) {
  const database = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    schema: env.DATABASE_SCHEMA,
  });
  try {
    const ids = acknowledged.map((write) => write.episodeId);
    const found = new Set<string>();
    const audited = new Set<string>();
    for (let start = 0; start < ids.length; start += 500) {
      const batch = ids.slice(start, start + 500);
      if (batch.length === 0) continue;
      for (const row of await database.db
        .selectFrom('pp_episode')
        .select('id')
        .where('id', 'in', batch)
        .execute())
        found.add(row.id);
      for (const row of await database.db
        .selectFrom('audit_event')
        .select('resource_id')
        .where('action', '=', 'pp_episode.refer')
        .where('resource_id', 'in', batch)
        .execute())
        audited.add(String(row.resource_id));
    }
    const lost = ids.filter((id) => !found.has(id));
    if (lost.length > 0)
      result.failures.push(`round ${round}: ${lost.length} acknowledged writes lost (e.g. ${lost[0]})`);
    const unaudited = ids.filter((id) => found.has(id) && !audited.has(id));
    if (unaudited.length > 0)
      result.failures.push(`round ${round}: ${unaudited.length} writes without their audit row`);
    // Rows the killed process committed but had not sealed are sealed by whoever runs next.
    await sealAuditTrail(database.db);
    const chain = await verifyAuditChain(database.db);
    if (chain.ok && chain.unsealed > 0)
      result.failures.push(`round ${round}: ${chain.unsealed} audit rows left unsealed after sealing`);
    if (!chain.ok)
      result.failures.push(`round ${round}: audit chain broken at ${chain.firstBrokenId}: ${chain.reason}`);
    return { found: found.size, withAudit: audited.size, chainVerified: chain.checked };
  } finally {
    await database.close();
  }
}

/** The killed servers' connections may still be ending on the database server: try a few times. */
async function dropSchemas(url: string, schemas: string[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const name of schemas) {
      for (let attempt = 1; ; attempt += 1) {
        try {
          await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
          break;
        } catch (error) {
          if (attempt >= 10) throw error;
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      }
    }
  } finally {
    await client.end();
  }
}

const postgresUrl = process.env.DURABILITY_DATABASE_URL ?? process.env.DATABASE_URL;
const engines: Array<['pglite' | 'postgres', string | undefined]> = [['pglite', undefined]];
if (postgresUrl) engines.push(['postgres', postgresUrl]);
else process.stdout.write('PostgreSQL: skipped (set DATABASE_URL to a PostgreSQL server to include it)\n');

let passed = 0;
let failed = 0;
for (const [engine, url] of engines) {
  const started = Date.now();
  const outcome = await runEngine(engine, url);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  for (const [index, round] of outcome.rounds.entries()) {
    process.stdout.write(
      `${engine} round ${index + 1}: ${round.acknowledged} writes acknowledged before SIGKILL, ${round.found} found after, ${round.withAudit} with their audit row; audit chain verified (${round.chainVerified} events)\n`,
    );
  }
  if (outcome.failures.length === 0) {
    passed += 1;
    process.stdout.write(
      `✓ ${engine}: every acknowledged write survived ${outcome.rounds.length} SIGKILLs (${seconds}s)\n`,
    );
  } else {
    failed += 1;
    process.stdout.write(`✗ ${engine}:\n  ${outcome.failures.join('\n  ')}\n`);
  }
}
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
