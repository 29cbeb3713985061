import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { DestinationStream } from 'pino';
import { buildApp } from '../app.js';
import { type Config, loadConfig } from '../config.js';
import { type DatabaseHandle, openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { ManualClock } from '../domain/clock.js';
import { InjectClient as TestClient } from '../http/inject-client.js';
import { loadInstruments } from '../instruments/registry.js';
import { ChangeFeed } from '../live/change-feed.js';
import { FieldCipher } from '../security/field-encryption.js';

/**
 * A real system for a test file: a fresh database (PGlite in memory, or — when DATABASE_URL
 * is set — a fresh schema on that PostgreSQL server, dropped afterwards), migrated, with the
 * full HTTP app on top. No mocks anywhere below the HTTP client.
 */
export interface TestSystem {
  app: FastifyInstance;
  database: DatabaseHandle;
  config: Config;
  cipher: FieldCipher;
  /** The raw key behind `cipher` (key id "test"), for key-rotation tests. */
  cipherKey: Buffer;
  /** The system's one clock: starts at the machine's time; a test may move it. */
  clock: ManualClock;
  close(): Promise<void>;
}

export async function startTestSystem(
  overrides: Record<string, string> = {},
  options: {
    logStream?: DestinationStream;
    serveWeb?: boolean;
    webDist?: string;
    onStatement?: (sql: string, parameters: readonly unknown[]) => void;
  } = {},
): Promise<TestSystem> {
  const url = process.env.DATABASE_URL;
  // With a replica beside the server (.ci/run starts one), reports read there, as in production.
  const readUrl = url && process.env.DATABASE_READ_URL;
  const schema = url ? `test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}` : 'public';
  const config = loadConfig({
    NODE_ENV: 'test',
    DEMO_MODE: 'false',
    LOG_LEVEL: 'silent',
    DATA_DIR: '/nonexistent-test-data',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    API_RATE_LIMIT_PER_MINUTE: '100000',
    ...(url && { DATABASE_URL: url, DATABASE_SCHEMA: schema }),
    ...overrides,
  });
  const { onStatement, ...appOptions } = options;
  const database = await openDatabase({
    url,
    schema,
    ...(readUrl && { readUrl }),
    ...(onStatement && { onStatement }),
  });
  await migrate(database);
  await loadInstruments(database.db);
  const cipherKey = randomBytes(32);
  const cipher = new FieldCipher([{ id: 'test', key: cipherKey }]);
  const clock = new ManualClock();
  const changeFeed = await ChangeFeed.open(database);
  const app = await buildApp({
    config,
    db: database.db,
    readDb: database.readDb,
    cipher,
    clock,
    serveWeb: false,
    changeFeed,
    ...appOptions,
  });
  await app.ready();
  return {
    app,
    database,
    config,
    cipher,
    cipherKey,
    clock,
    async close() {
      await app.close();
      await changeFeed.close();
      await database.close();
      if (url) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      }
    },
  };
}

/** The tests' HTTP client is the app's own in-process client (http/inject-client.ts). */
export { InjectClient as TestClient } from '../http/inject-client.js';

/**
 * Signs a user in all the way to an active session, as a person would: password, then TOTP
 * enrolment (the code computed from the secret the server returns).
 */
export async function signInFully(
  system: TestSystem,
  user: { email: string; password: string },
): Promise<TestClient> {
  const { generate } = await import('otplib');
  const client = new TestClient(system.app);
  const login = await client.signIn(user.email, user.password);
  if (login.statusCode !== 200) throw new Error(`sign-in failed: ${login.statusCode} ${login.body}`);
  if (login.json().stage === 'mfa_enrolment') {
    const enrolment = await client.post('/api/auth/mfa/enrolment');
    const code = await generate({ secret: enrolment.json().secret });
    const confirm = await client.post('/api/auth/mfa/enrolment/confirm', { code });
    if (confirm.statusCode !== 200) throw new Error(`enrolment failed: ${confirm.body}`);
  }
  const session = await client.get('/api/auth/session');
  if (session.json().stage !== 'active') throw new Error(`session not active: ${session.body}`);
  return client;
}
