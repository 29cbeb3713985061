import { randomBytes } from 'node:crypto';
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

  it('never locks an account for wrong passwords: its owner still signs in (the second factor stays required)', async () => {
    const user = await newCaseManager();
    const owner = await signInFully(system, user);
    await owner.post('/api/auth/logout');
    // A stranger elsewhere who knows the address tries passwords, again and again.
    for (let attempt = 0; attempt < 6; attempt++) {
      const answer = await system.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.9.9.9',
        payload: { email: user.email, password: `wrong-${attempt}` },
      });
      expect([401, 429]).toContain(answer.statusCode);
      advance(5 * 60_000);
    }
    const right = await new TestClient(system.app).signIn(user.email, user.password);
    expect(right.statusCode).toBe(200);
    expect(right.json().stage).toBe('mfa_verify');
    expect(await auditActions(user.id)).not.toContain('auth.lockout:success');
  });

  it('locks the account after wrong second-factor codes counted apart from passwords, ending every half-open session', async () => {
    const user = await newCaseManager();
    const enrolled = await signInFully(system, user);
    await enrolled.post('/api/auth/logout');
    const recoveryCode = await addRecoveryCode(user.id);
    // A session opened before the lockout, left at the second factor.
    const early = new TestClient(system.app);
    expect((await early.signIn(user.email, user.password)).json().stage).toBe('mfa_verify');
    // "Password, wrong codes" again and again: the right password does not reset the count.
    let last = 0;
    for (let round = 0; round < 3; round++) {
      const attacker = new TestClient(system.app);
      expect((await attacker.signIn(user.email, user.password)).statusCode).toBe(200);
      last = (await attacker.post('/api/auth/mfa/verify', { code: '000000' })).statusCode;
    }
    expect(last).toBe(423);
    const late = await early.post('/api/auth/mfa/verify', { recoveryCode });
    expect(late.statusCode).toBe(401);
    const again = await new TestClient(system.app).signIn(user.email, user.password);
    expect(again.statusCode).toBe(423);
    expect(again.json().error).toBe('account_locked');
    expect(await auditActions(user.id)).toEqual(
      expect.arrayContaining(['auth.lockout:success', 'auth.mfa_verify:failure', 'auth.sign_in:denied']),
    );
    // The lock ends after LOCKOUT_MINUTES; then the recovery code works.
    advance(16 * 60_000);
    const later = new TestClient(system.app);
    await later.signIn(user.email, user.password);
    expect((await later.post('/api/auth/mfa/verify', { recoveryCode })).json().stage).toBe('active');
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

describe('changing the password', () => {
  it('needs the full sign-in: not at the second-factor stage', async () => {
    const user = await newCaseManager();
    await (await signInFully(system, user)).post('/api/auth/logout');
    const halfway = new TestClient(system.app);
    expect((await halfway.signIn(user.email, user.password)).json().stage).toBe('mfa_verify');
    const early = await halfway.post('/api/auth/password', {
      currentPassword: user.password,
      newPassword: 'violet kettle drum seventeen',
    });
    expect(early.statusCode).toBe(401);
    expect(early.json().error).toBe('mfa_verify_required');
    // The password did not change.
    expect((await new TestClient(system.app).signIn(user.email, user.password)).statusCode).toBe(200);
  });

  it('needs the current password, and ends every other session of the account', async () => {
    const user = await newCaseManager();
    const here = await signInFully(system, user);
    const elsewhere = await signInAgainWithRecovery(user);
    const wrong = await here.post('/api/auth/password', {
      currentPassword: 'not my password at all',
      newPassword: 'violet kettle drum seventeen',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields[0].path).toBe('currentPassword');
    const changed = await here.post('/api/auth/password', {
      currentPassword: user.password,
      newPassword: 'violet kettle drum seventeen',
    });
    expect(changed.statusCode).toBe(200);
    expect((await here.get('/api/auth/session')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/auth/session')).statusCode).toBe(401);
  });

  it.each([
    ['aaaaaaaaaaaa', 'password_repetitive'],
    ['123456789012', 'password_too_common'],
    ['            ', 'password_repetitive'],
    ['tandem-demo-2026', 'password_too_common'],
  ])('refuses a guessable password (%j) with a reason the web can translate', async (password, reason) => {
    const user = await newCaseManager();
    const client = await signInFully(system, user);
    const refused = await client.post('/api/auth/password', {
      currentPassword: user.password,
      newPassword: password,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: reason, fields: [{ path: 'newPassword' }] });
    expect(refused.json().message).toMatch(/\w/);
  });

  it('refuses the account’s own e-mail address and names, and the current password', async () => {
    const agency = await makeAgency(system.database.db);
    const user = await makeUser(system.database.db, {
      agencyId: agency.id,
      roles: ['pp_case_manager'],
      side: 'perpetrator',
      email: `staff-${randomBytes(3).toString('hex')}@example.org`,
    });
    await system.database.db
      .updateTable('app_user')
      .set({ display_name: 'Benedetta Marchetti' })
      .where('id', '=', user.id)
      .execute();
    const client = await signInFully(system, user);
    const attempt = (newPassword: string) =>
      client.post('/api/auth/password', { currentPassword: user.password, newPassword });
    expect((await attempt(user.email)).json().error).toBe('password_contains_email');
    expect((await attempt(`${user.email.split('@')[0]} lantern`)).json().error).toBe(
      'password_contains_email',
    );
    expect((await attempt('Benedetta-and-her-garden')).json().error).toBe('password_contains_name');
    expect((await attempt('quiet MARCHETTI lantern river')).json().error).toBe('password_contains_name');
    expect((await attempt(user.password)).json().error).toBe('password_unchanged');
    const check = await client.post('/api/auth/password/check', { password: 'violet kettle drum seventeen' });
    expect(check.json()).toMatchObject({ acceptable: true, reason: null });
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
    // Outside demo mode a demo account does not sign in at all (its password is published).
    const normal = await new TestClient(system.app).signIn(demo.email, demo.password);
    expect(normal.statusCode).toBe(401);
    expect(normal.json().error).toBe('invalid_credentials');

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

const advance = (ms: number) => system.clock.set(new Date(system.clock.now().getTime() + ms));

/** A recovery code of the user's own, so a test need not wait for the next TOTP step. */
async function addRecoveryCode(userId: string): Promise<string> {
  const { hashRecoveryCode } = await import('../security/totp.js');
  const code = `${randomBytes(3).toString('hex').toUpperCase().slice(0, 5)}-${randomBytes(3).toString('hex').toUpperCase().slice(0, 5)}`;
  await system.database.db
    .insertInto('recovery_code')
    .values({ user_id: userId, code_hash: hashRecoveryCode(code) })
    .execute();
  return code;
}

/** A further full sign-in for an enrolled user without waiting for the next TOTP step. */
async function signInAgainWithRecovery(user: { id: string; email: string; password: string }) {
  const code = await addRecoveryCode(user.id);
  const client = new TestClient(system.app);
  await client.signIn(user.email, user.password);
  const verified = await client.post('/api/auth/mfa/verify', { recoveryCode: code });
  expect(verified.json().stage).toBe('active');
  return client;
}

describe('a short idle timeout', () => {
  it('keeps a session in use alive and ends it after a minute without use', async () => {
    const short = await startTestSystem({ SESSION_IDLE_TIMEOUT_MINUTES: '1' });
    try {
      const agency = await makeAgency(short.database.db);
      const user = await makeUser(short.database.db, {
        agencyId: agency.id,
        roles: ['pp_case_manager'],
        side: 'perpetrator',
      });
      const client = await signInFully(short, user);
      const wait = (ms: number) => short.clock.set(new Date(short.clock.now().getTime() + ms));
      // Activity every 20 seconds for three minutes: each request counts as use.
      for (let step = 0; step < 9; step++) {
        wait(20_000);
        expect((await client.get('/api/auth/session')).statusCode).toBe(200);
      }
      wait(61_000);
      expect((await client.get('/api/auth/session')).json().error).toBe('session_expired');
    } finally {
      await short.close();
    }
  });
});
