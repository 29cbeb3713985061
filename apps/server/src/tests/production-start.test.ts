import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createSystemAdmin } from '../scripts/admin-create.js';
import { DEMO_PASSWORD, seedDemoNetwork } from '../seed/demo-network.js';
import { describeStartFailure, StartRefused, startSystem } from '../server.js';
import { makeAgency, makeUser } from '../testing/factories.js';
import { startTestSystem } from '../testing/test-system.js';

/**
 * A production start is safe: it refuses demo accounts and demo data (and says how to remove
 * them), never seeds, can be given its first administrator, keeps the session cookie to its
 * host, hides the API documentation unless asked, and prints no personal data when it fails.
 */

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});
const freshFolder = () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'tandem-start-'));
  folders.push(folder);
  return folder;
};

const PRODUCTION = {
  NODE_ENV: 'production',
  FIELD_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  PUBLIC_URL: 'https://tandem.example.org',
  SMTP_URL: 'smtp://127.0.0.1:2525',
};
const onDisk = (dataDir: string, env: Record<string, string>) =>
  loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    JOBS_ENABLED: 'false',
    DATA_DIR: dataDir,
    ...env,
  });

describe('demo mode never reaches production', () => {
  it('refuses a production start over a database a demo start seeded, saying how to remove it', async () => {
    const dataDir = freshFolder();
    const demo = await startSystem(onDisk(dataDir, { NODE_ENV: 'development', DEMO_MODE: 'true' }));
    expect(demo.seeded).toBe(true);
    await demo.stop();

    const refusal = await startSystem(onDisk(dataDir, PRODUCTION)).then(
      async (system) => {
        // Before: production ran, and the demo system admin signed in with the published password.
        const login = await system.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'sysadmin@tandem.demo', password: DEMO_PASSWORD },
        });
        await system.stop();
        return `started; demo sign-in answered ${login.statusCode}`;
      },
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(StartRefused);
    const message = (refusal as Error).message;
    expect(message).toMatch(/demo account/);
    expect(message).toContain(dataDir);
    expect(message).toMatch(/admin:create/);
    expect(message).not.toMatch(/@/);
    // A whole demo network is seeded on disk first: minutes on a loaded machine, not a timing.
  }, 180_000);

  it('refuses DEMO_MODE=true in production outright', () => {
    expect(() => loadConfig({ ...PRODUCTION, DEMO_MODE: 'true' })).toThrow(/DEMO_MODE/);
  });

  it('starts in production on a new database without seeding, and asks for a first administrator', async () => {
    const system = await startSystem(onDisk(freshFolder(), PRODUCTION));
    try {
      expect(system.seeded).toBe(false);
      expect(system.needsFirstAdmin).toBe(true);
      const networks = await system.database.db.selectFrom('network').select('id').execute();
      expect(networks).toHaveLength(0);
    } finally {
      await system.stop();
    }
  });

  it('asks for the mail and the public address production needs', () => {
    expect(() => loadConfig({ ...PRODUCTION, SMTP_URL: '' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ ...PRODUCTION, MAIL_DIR: '/tmp/mail' })).toThrow(/MAIL_DIR/);
    const { PUBLIC_URL: _publicUrl, ...withoutPublicUrl } = PRODUCTION;
    expect(() => loadConfig(withoutPublicUrl)).toThrow(/PUBLIC_URL/);
  });
});

describe('the first administrator (npm run admin:create)', () => {
  it('creates a system admin who enrols a second factor at first sign-in', async () => {
    const dataDir = freshFolder();
    const system = await startSystem(onDisk(dataDir, PRODUCTION));
    try {
      await expect(
        createSystemAdmin(system.database.db, {
          email: 'it@example.org',
          displayName: 'Ada Operator',
          language: 'en',
          password: 'aaaaaaaaaaaa',
        }),
      ).rejects.toThrow(/password is refused/);
      await createSystemAdmin(system.database.db, {
        email: 'it@example.org',
        displayName: 'Ada Operator',
        language: 'en',
        password: 'violet kettle drum seventeen',
      });
      await expect(
        createSystemAdmin(system.database.db, {
          email: 'IT@example.org',
          displayName: 'Ada Again',
          language: 'en',
          password: 'violet kettle drum seventeen',
        }),
      ).rejects.toThrow(/exists already/);
      const login = await system.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'it@example.org', password: 'violet kettle drum seventeen' },
      });
      expect(login.statusCode).toBe(200);
      expect(login.json()).toMatchObject({ stage: 'mfa_enrolment', user: { roles: ['system_admin'] } });
    } finally {
      await system.stop();
    }
  });
});

describe('production HTTP settings', () => {
  it('names the session cookie __Host-: secure, the whole site, no domain', async () => {
    const system = await startTestSystem(PRODUCTION);
    try {
      const agency = await makeAgency(system.database.db);
      const user = await makeUser(system.database.db, {
        agencyId: agency.id,
        roles: ['pp_case_manager'],
        side: 'perpetrator',
      });
      const login = await system.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: user.password },
      });
      const cookie = login.cookies.find((entry) => entry.name.endsWith('tandem_session'));
      expect(cookie).toMatchObject({
        name: '__Host-tandem_session',
        secure: true,
        path: '/',
        httpOnly: true,
      });
      expect(cookie?.domain).toBeUndefined();
      const session = await system.app.inject({
        method: 'GET',
        url: '/api/auth/session',
        cookies: { '__Host-tandem_session': cookie!.value },
      });
      expect(session.statusCode).toBe(200);
      // The unprefixed name is not read in production.
      const unprefixed = await system.app.inject({
        method: 'GET',
        url: '/api/auth/session',
        cookies: { tandem_session: cookie!.value },
      });
      expect(unprefixed.statusCode).toBe(401);
      // The API documentation is off by default in production.
      expect((await system.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(404);
    } finally {
      await system.close();
    }
  });

  it('serves the API documentation in production only when API_DOCS=true', async () => {
    const system = await startTestSystem({ ...PRODUCTION, API_DOCS: 'true' });
    try {
      const docs = await system.app.inject({ method: 'GET', url: '/api/docs/json' });
      expect(docs.statusCode).toBe(200);
    } finally {
      await system.close();
    }
  });
});

describe('starting several instances at once', () => {
  it('seeds the demo network once when two starts seed together', async () => {
    const system = await startTestSystem({ DEMO_MODE: 'true' });
    try {
      const results = await Promise.all([
        seedDemoNetwork(system.database.db),
        seedDemoNetwork(system.database.db),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
    } finally {
      await system.close();
    }
  });

  it('prints a failed start without the personal data a database error quotes', () => {
    const duplicate = Object.assign(
      new Error('duplicate key value violates unique constraint "app_user_email_idx"'),
      {
        name: 'error',
        code: '23505',
        constraint: 'app_user_email_idx',
        table: 'app_user',
        detail: 'Key (lower(email))=(sysadmin@tandem.demo) already exists.',
      },
    );
    duplicate.stack = `error: duplicate key value (sysadmin@tandem.demo)\n    at seed (demo-network.ts:1:1)`;
    const printed = describeStartFailure(duplicate);
    expect(printed).toContain('23505');
    expect(printed).toContain('app_user_email_idx');
    expect(printed).not.toMatch(/@/);
  });
});
