import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAgency, makeUser } from '../testing/factories.js';
import { signInFully, startTestSystem, type TestSystem } from '../testing/test-system.js';

/** What a production configuration must name (the behaviour under test is production's). */
const PRODUCTION = {
  NODE_ENV: 'production',
  FIELD_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  PUBLIC_URL: 'https://tandem.example.org',
  SMTP_URL: 'smtp://127.0.0.1:2525',
};

/**
 * Sign-in throttling, as OWASP advises: one answer for every failed sign-in, growing delays per
 * e-mail and address instead of a lock a stranger could set off, the owner still signs in, the
 * administrator sees the attempts. And the address is the connection's unless the operator
 * named the proxy that forwards it (TRUST_PROXY).
 */

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({ LOCKOUT_THRESHOLD: '3', LOCKOUT_MINUTES: '15' });
});
afterAll(() => system?.close());

const advance = (ms: number) => system.clock.set(new Date(system.clock.now().getTime() + ms));

const login = (email: string, password: string, remoteAddress: string, target = system) =>
  target.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { email, password } });

async function caseManagerWithAdmin() {
  const agency = await makeAgency(system.database.db);
  const user = await makeUser(system.database.db, {
    agencyId: agency.id,
    roles: ['pp_case_manager'],
    side: 'perpetrator',
  });
  const admin = await makeUser(system.database.db, {
    agencyId: agency.id,
    roles: ['agency_admin'],
    side: 'perpetrator',
  });
  return { user, admin: await signInFully(system, admin) };
}

describe('wrong passwords slow down; they never lock the owner out', () => {
  it('a stranger’s tries delay only that address, with one answer for known and unknown accounts', async () => {
    const { user } = await caseManagerWithAdmin();
    const answers: number[] = [];
    const unknown: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      answers.push((await login(user.email, `wrong-${attempt}`, '10.1.0.1')).statusCode);
      unknown.push((await login('nobody-here@test.invalid', `wrong-${attempt}`, '10.1.0.2')).statusCode);
    }
    // Three free tries, then a wait (429) — the same for an address nobody has.
    expect(answers).toEqual([401, 401, 401, 429, 429]);
    expect(unknown).toEqual(answers);
    const throttled = await login(user.email, user.password, '10.1.0.1');
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().error).toBe('sign_in_throttled');
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    // The owner, from her own address, signs in at once with her password and second factor.
    const owner = await login(user.email, user.password, '10.1.0.99');
    expect(owner.statusCode).toBe(200);
    expect(owner.json().stage).toBe('mfa_enrolment');
    // The delay grows and ends: after waiting, the right password works from there too.
    advance(2_000);
    expect((await login(user.email, user.password, '10.1.0.1')).statusCode).toBe(200);
  });

  it('the delays grow with each failure, up to a cap, and never become a lock', async () => {
    const { user } = await caseManagerWithAdmin();
    const waits: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      const answer = await login(user.email, `wrong-${attempt}`, '10.2.0.1');
      if (answer.statusCode === 429) {
        waits.push(Number(answer.headers['retry-after']));
        advance(Number(answer.headers['retry-after']) * 1000);
        expect((await login(user.email, `still-wrong-${attempt}`, '10.2.0.1')).statusCode).toBe(401);
      }
    }
    expect(waits.length).toBeGreaterThan(3);
    for (let index = 1; index < waits.length; index++)
      expect(waits[index]).toBeGreaterThanOrEqual(waits[index - 1]!);
    expect(Math.max(...waits)).toBeLessThanOrEqual(15 * 60);
    advance(16 * 60_000);
    expect((await login(user.email, user.password, '10.2.0.1')).statusCode).toBe(200);
  });

  it('the administrator sees the attempts, and unlocking lifts the delays', async () => {
    const { user, admin } = await caseManagerWithAdmin();
    for (let attempt = 0; attempt < 4; attempt++) await login(user.email, `wrong-${attempt}`, '10.3.0.1');
    const view = await admin.get(`/api/users/${user.id}`);
    expect(view.json()).toMatchObject({ failedSignIns: 3, locked: false });
    expect(view.json().lastFailedSignInAt).not.toBeNull();
    const audit = await admin.get(`/api/audit?resourceId=${user.id}`);
    expect(
      audit.json().items.filter((event: { action: string }) => event.action === 'auth.sign_in'),
    ).not.toHaveLength(0);
    expect((await login(user.email, user.password, '10.3.0.1')).statusCode).toBe(429);
    expect((await admin.post(`/api/users/${user.id}/unlock`)).statusCode).toBe(200);
    expect((await login(user.email, user.password, '10.3.0.1')).statusCode).toBe(200);
  });
});

describe('the client address behind a proxy (TRUST_PROXY)', () => {
  const spoofed = (target: TestSystem, forwardedFor: string, remoteAddress = '127.0.0.1') =>
    target.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { email: 'nobody@test.invalid', password: 'wrong password' },
    });

  it('without TRUST_PROXY, X-Forwarded-For is ignored, in production too: changing it does not escape the rate limit', async () => {
    const strict = await startTestSystem({ ...PRODUCTION, LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses = [];
      for (let attempt = 0; attempt < 5; attempt++)
        statuses.push((await spoofed(strict, `203.0.113.${attempt}`)).statusCode);
      expect(statuses.slice(3)).toEqual([429, 429]);
    } finally {
      await strict.close();
    }
  });

  it('a proxy that is not the one named is not believed either', async () => {
    const strict = await startTestSystem({
      ...PRODUCTION,
      LOGIN_RATE_LIMIT_PER_MINUTE: '3',
      TRUST_PROXY: '10.0.0.1',
    });
    try {
      const statuses = [];
      for (let attempt = 0; attempt < 5; attempt++)
        statuses.push((await spoofed(strict, `203.0.113.${attempt}`, '198.51.100.7')).statusCode);
      expect(statuses.slice(3)).toEqual([429, 429]);
    } finally {
      await strict.close();
    }
  });

  it('behind the named proxy, each forwarded client is counted on its own', async () => {
    const proxied = await startTestSystem({
      ...PRODUCTION,
      LOGIN_RATE_LIMIT_PER_MINUTE: '3',
      TRUST_PROXY: '10.0.0.1',
    });
    try {
      const statuses = [];
      for (let attempt = 0; attempt < 5; attempt++)
        statuses.push((await spoofed(proxied, `203.0.113.${attempt}`, '10.0.0.1')).statusCode);
      expect(statuses).toEqual([401, 401, 401, 401, 401]);
      // And one client behind it is still limited.
      const same = [];
      for (let attempt = 0; attempt < 4; attempt++)
        same.push((await spoofed(proxied, '203.0.113.200', '10.0.0.1')).statusCode);
      expect(same.at(-1)).toBe(429);
    } finally {
      await proxied.close();
    }
  });

  it('refuses a TRUST_PROXY that would believe everyone', async () => {
    await expect(startTestSystem({ TRUST_PROXY: 'true' })).rejects.toThrow(/TRUST_PROXY/);
  });
});

describe('where the counters are kept', () => {
  const persistenceOf = async (table: string) => {
    const result = await sql<{ relpersistence: string }>`
      SELECT c.relpersistence FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relname = ${table} AND n.nspname = current_schema()`.execute(system.database.db);
    return result.rows[0]?.relpersistence;
  };

  it('keeps the sign-in throttle through a crash, and the request counters out of the WAL', async () => {
    // A request counter lost in a crash only starts its window again; it must not make every
    // read wait for a disk sync. A sign-in throttle lost in a crash would reopen guessing.
    expect(await persistenceOf('sign_in_throttle')).toBe('p');
    expect(await persistenceOf('rate_limit_counter')).toBe('u');
  });

  it('counts failed sign-ins in the durable table', async () => {
    const { user } = await caseManagerWithAdmin();
    await login(user.email, 'wrong password', '198.51.100.77');
    const rows = await system.database.db.selectFrom('sign_in_throttle').select('key').execute();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const counters = await system.database.db
      .selectFrom('rate_limit_counter')
      .select('key')
      .where('key', 'like', 'signin:%')
      .execute();
    expect(counters).toEqual([]);
  });
});
