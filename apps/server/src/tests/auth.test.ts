import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAgency, makeUser } from '../testing/factories.js';
import { signInFully, startTestSystem, TestClient, type TestSystem } from '../testing/test-system.js';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({ LOCKOUT_THRESHOLD: '3', SESSION_IDLE_TIMEOUT_MINUTES: '5' });
});
afterAll(() => system?.close());

const newCaseManager = async (options: { mustChangePassword?: boolean } = {}) => {
  const agency = await makeAgency(system.database.db);
  return makeUser(system.database.db, {
    agencyId: agency.id,
    roles: ['pp_case_manager'],
    side: 'perpetrator',
    ...options,
  });
};

const auditActions = async (userId: string) =>
  (
    await system.database.db
      .selectFrom('audit_event')
      .select(['action', 'outcome'])
      .where('resource_id', '=', userId)
      .orderBy('id')
      .execute()
  ).map((row) => `${row.action}:${row.outcome}`);

describe('sign-in with password and TOTP', () => {
  it('walks a new account through password change, enrolment, and a second sign-in with a fresh code', async () => {
    const user = await newCaseManager({ mustChangePassword: true });
    const client = new TestClient(system.app);
    const login = await client.signIn(user.email, user.password);
    expect(login.statusCode).toBe(200);
    expect(login.json().stage).toBe('password_change');
    expect((await client.get('/api/agencies')).statusCode).toBe(401);

    const weak = await client.post('/api/auth/password', {
      currentPassword: user.password,
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields[0].path).toBe('newPassword');
    const changed = await client.post('/api/auth/password', {
      currentPassword: user.password,
      newPassword: 'a much longer passphrase',
    });
    expect(changed.json().stage).toBe('mfa_enrolment');

    const enrolment = await client.post('/api/auth/mfa/enrolment');
    expect(enrolment.json().qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(enrolment.json().otpauthUrl).toContain('otpauth://totp/');
    const wrong = await client.post('/api/auth/mfa/enrolment/confirm', { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    const secret = enrolment.json().secret as string;
    const code = await generate({ secret });
    const confirmed = await client.post('/api/auth/mfa/enrolment/confirm', { code });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().recoveryCodes).toHaveLength(10);
    expect((await client.get('/api/agencies')).statusCode).toBe(200);

    // The TOTP secret is stored encrypted, never in clear.
    const stored = await system.database.db
      .selectFrom('app_user')
      .select('totp_secret_enc')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.totp_secret_enc).not.toContain(secret);
    expect(system.cipher.decrypt(stored.totp_secret_enc!)).toBe(secret);

    const second = new TestClient(system.app);
    const again = await second.signIn(user.email, 'a much longer passphrase');
    expect(again.json().stage).toBe('mfa_verify');
    // The code already used at enrolment cannot be replayed.
    const replay = await second.post('/api/auth/mfa/verify', { code });
    expect(replay.statusCode).toBe(401);
    const recovery = await second.post('/api/auth/mfa/verify', {
      recoveryCode: confirmed.json().recoveryCodes[0],
    });
    expect(recovery.statusCode).toBe(200);
    expect(recovery.json().stage).toBe('active');

    const third = new TestClient(system.app);
    await third.signIn(user.email, 'a much longer passphrase');
    const reused = await third.post('/api/auth/mfa/verify', {
      recoveryCode: confirmed.json().recoveryCodes[0],
    });
    expect(reused.statusCode).toBe(401);

    expect(await auditActions(user.id)).toEqual(
      expect.arrayContaining([
        'auth.sign_in:success',
        'auth.password_change:success',
        'auth.mfa_enrolment:failure',
        'auth.mfa_enrolment:success',
        'auth.mfa_verify:failure',
        'auth.mfa_verify:success',
      ]),
    );
  });

  it('answers a wrong password and an unknown account alike, and audits both', async () => {
    const user = await newCaseManager();
    const client = new TestClient(system.app);
    const wrong = await client.signIn(user.email, 'not the password');
    const unknown = await client.signIn('nobody@test.invalid', 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(await auditActions(user.id)).toContain('auth.sign_in:failure');
  });

  it('locks the account after the threshold, refuses even the right password, and audits the lockout', async () => {
    const user = await newCaseManager();
    const client = new TestClient(system.app);
    expect((await client.signIn(user.email, 'wrong-1')).statusCode).toBe(401);
    expect((await client.signIn(user.email, 'wrong-2')).statusCode).toBe(401);
    const third = await client.signIn(user.email, 'wrong-3');
    expect(third.statusCode).toBe(423);
    expect(third.json().message).toMatch(/locked/);
    const right = await client.signIn(user.email, user.password);
    expect(right.statusCode).toBe(423);
    expect(await auditActions(user.id)).toEqual(
      expect.arrayContaining(['auth.lockout:success', 'auth.sign_in:denied']),
    );
  });

  it('refuses a deactivated account with the same answer as a wrong password', async () => {
    const user = await newCaseManager();
    await system.database.db
      .updateTable('app_user')
      .set({ active: false })
      .where('id', '=', user.id)
      .execute();
    const response = await new TestClient(system.app).signIn(user.email, user.password);
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toBe('invalid_credentials');
  });
});

describe('sessions', () => {
  it('ends this session on sign-out and every session on sign-out-all', async () => {
    const user = await newCaseManager();
    const first = await signInFully(system, user);
    // A second session, part-way through sign-in, is ended by sign-out-all too.
    const second = new TestClient(system.app);
    expect((await second.signIn(user.email, user.password)).json().stage).toBe('mfa_verify');

    const logout = await first.post('/api/auth/logout');
    expect(logout.statusCode).toBe(200);
    expect((await first.get('/api/auth/session')).statusCode).toBe(401);

    const third = await signInAgainWithRecovery(user);
    const all = await third.post('/api/auth/logout-all');
    expect(all.statusCode).toBe(200);
    expect((await second.get('/api/auth/session')).statusCode).toBe(401);
    expect((await third.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('ends a session that was idle longer than the timeout', async () => {
    const user = await newCaseManager();
    const client = await signInFully(system, user);
    await system.database.db
      .updateTable('user_session')
      .set({ last_seen_at: new Date(Date.now() - 6 * 60_000) })
      .where('user_id', '=', user.id)
      .execute();
    const response = await client.get('/api/agencies');
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toBe('session_expired');
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const user = await newCaseManager();
    const client = await signInFully(system, user);
    const response = await client.request(
      'PUT',
      '/api/me/preferences',
      { language: 'it' },
      { 'x-csrf-token': 'forged' },
    );
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toBe('csrf_failed');
    const ok = await client.put('/api/me/preferences', { language: 'it' });
    expect(ok.json().user.language).toBe('it');
  });

  it('lets demo accounts skip the second factor only in demo mode', async () => {
    const agency = await makeAgency(system.database.db);
    const demo = await makeUser(system.database.db, {
      agencyId: agency.id,
      roles: ['pp_case_manager'],
      side: 'perpetrator',
      isDemo: true,
    });
    const normal = await new TestClient(system.app).signIn(demo.email, demo.password);
    expect(normal.json().stage).toBe('mfa_enrolment');

    const demoSystem = await startTestSystem({ DEMO_MODE: 'true' });
    try {
      const agencyInDemo = await makeAgency(demoSystem.database.db);
      const demoUser = await makeUser(demoSystem.database.db, {
        agencyId: agencyInDemo.id,
        roles: ['pp_case_manager'],
        side: 'perpetrator',
        isDemo: true,
      });
      const skipped = await new TestClient(demoSystem.app).signIn(demoUser.email, demoUser.password);
      expect(skipped.json()).toMatchObject({ stage: 'active', mfaSkipped: true, demoMode: true });
    } finally {
      await demoSystem.close();
    }
  });
});

/** A further full sign-in for an enrolled user without waiting for the next TOTP step. */
async function signInAgainWithRecovery(user: { id: string; email: string; password: string }) {
  const { hashRecoveryCode } = await import('../security/totp.js');
  const code = 'ABCDE-23456';
  await system.database.db
    .insertInto('recovery_code')
    .values({ user_id: user.id, code_hash: hashRecoveryCode(code) })
    .execute();
  const client = new TestClient(system.app);
  await client.signIn(user.email, user.password);
  const verified = await client.post('/api/auth/mfa/verify', { recoveryCode: code });
  expect(verified.json().stage).toBe('active');
  return client;
}
