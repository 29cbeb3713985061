import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccountMail, mailKeptInMemory } from '../services/accounts/account-mail.js';
import { makeAgency, makeUser } from '../testing/factories.js';
import { makeNetworkScenario, type NetworkScenario } from '../testing/scenario.js';
import { signInFully, startTestSystem, TestClient, type TestSystem } from '../testing/test-system.js';

/**
 * No one reaches her file by administering accounts (separation of duties): every path an
 * administrator or the system admin has to an account with a victim-side case role — creating
 * one, giving the role to an account or to themselves, resetting a case worker's password and
 * second factor — gives nothing without a second victim-side person's approval. The mailbox of
 * a new account is, in these tests, the administrator's own: the worst case.
 */

let system: TestSystem;
let scenario: NetworkScenario;
let herId: string;
let combinedHerId: string;
let sysadmin: TestClient;
let combinedAdmin: TestClient;
const CODE_WORD = 'girasole';
const PASSWORD = 'violet kettle drum seventeen';

beforeAll(async () => {
  system = await startTestSystem();
  scenario = await makeNetworkScenario(system);
  const db = system.database.db;
  sysadmin = await signInFully(
    system,
    await makeUser(db, { agencyId: null, roles: ['system_admin'], side: 'neutral' }),
  );
  combinedAdmin = await signInFully(
    system,
    await makeUser(db, {
      agencyId: scenario.agencies.combined.id,
      roles: ['agency_admin'],
      side: 'neutral',
      networkIds: [scenario.network.id],
    }),
  );
  herId = await herFile(scenario.clients.vssManager, 'Lucia');
  combinedHerId = await herFile(scenario.clients.combinedVss, 'Carla');
});
afterAll(() => system?.close());

async function herFile(client: TestClient, firstName: string): Promise<string> {
  const support = await client.post('/api/vss-episodes', {
    person: { firstName, lastName: 'Rossi' },
    intakeDate: '2026-01-25',
  });
  expect(support.statusCode).toBe(201);
  const id = support.json().person.id as string;
  const preferences = await client.put(`/api/victims/${id}/contact-preferences`, {
    safeChannel: 'phone',
    mayLeaveMessage: false,
    codeWord: CODE_WORD,
  });
  expect(preferences.statusCode).toBe(200);
  return id;
}

const lastMail = (to: string, kind?: AccountMail['kind']): AccountMail | undefined =>
  mailKeptInMemory.filter((mail) => mail.to === to && (!kind || mail.kind === kind)).at(-1);
const tokenIn = (mail: AccountMail | undefined) => mail?.text.match(/account-link#([\w-]+)/)?.[1];

/** The owner of the mailbox uses the link: a password, a second factor, a full session. */
async function takeOverThroughLink(to: string, kind: AccountMail['kind']): Promise<TestClient> {
  return (await setUpThroughLink(to, kind)).client;
}

async function setUpThroughLink(to: string, kind: AccountMail['kind']) {
  const token = tokenIn(lastMail(to, kind));
  expect(token).toBeTruthy();
  const client = new TestClient(system.app);
  const redeemed = await client.post('/api/auth/credential-link/redeem', { token, newPassword: PASSWORD });
  expect(redeemed.statusCode).toBe(200);
  client.csrfToken = redeemed.json().csrfToken;
  expect(redeemed.json().stage).toBe('mfa_enrolment');
  const enrolment = await client.post('/api/auth/mfa/enrolment');
  const code = await generate({ secret: enrolment.json().secret });
  const confirmed = await client.post('/api/auth/mfa/enrolment/confirm', { code });
  expect(confirmed.statusCode).toBe(200);
  return { client, recoveryCodes: confirmed.json().recoveryCodes as string[] };
}

/** A later full sign-in with a recovery code (no waiting for the next TOTP step). */
async function signInWithRecoveryCode(email: string, recoveryCode: string): Promise<TestClient> {
  const client = new TestClient(system.app);
  expect((await client.signIn(email, PASSWORD)).json().stage).toBe('mfa_verify');
  expect((await client.post('/api/auth/mfa/verify', { recoveryCode })).json().stage).toBe('active');
  return client;
}

const readsHerFile = async (client: TestClient, id: string) => {
  const file = await client.get(`/api/victims/${id}`);
  return file.statusCode === 200 && file.json().contactPreferences?.codeWord === CODE_WORD;
};

describe('an administrator cannot reach her file through an account', () => {
  it('the combined organisation’s admin creates a victim-side case manager: it opens nothing until a victim-side colleague approves', async () => {
    const email = `own-mailbox-${Date.now()}@test.invalid`;
    const created = await combinedAdmin.post('/api/users', {
      email,
      displayName: 'Somebody New',
      roles: ['vss_case_manager'],
      side: 'victim',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().user).toMatchObject({ roles: [], pendingRoles: ['vss_case_manager'] });
    // No credential is ever shown to the administrator.
    expect(created.json()).not.toHaveProperty('temporaryPassword');
    expect(created.body).not.toContain(tokenIn(lastMail(email, 'account_setup'))!);
    // The victim side is told: its case worker is asked to approve.
    expect(lastMail(scenario.users.combinedVss.email, 'roles_awaiting_approval')?.text).toContain(email);

    const { client: fake, recoveryCodes } = await setUpThroughLink(email, 'account_setup');
    expect((await fake.get('/api/auth/session')).json().user.roles).toEqual([]);
    expect(await readsHerFile(fake, combinedHerId)).toBe(false);

    // Neither the admin who asked nor the account itself may approve.
    const id = created.json().user.id as string;
    expect((await combinedAdmin.post(`/api/role-approvals/${id}/approve`)).statusCode).toBe(403);
    expect([403, 404]).toContain((await fake.post(`/api/role-approvals/${id}/approve`)).statusCode);
    // The other side of the barrier cannot either.
    expect([403, 404]).toContain(
      (await scenario.clients.combinedPp.post(`/api/role-approvals/${id}/approve`)).statusCode,
    );
    expect(await readsHerFile(fake, combinedHerId)).toBe(false);

    // The second person of the victim side sees the request in the queue, and approves it.
    const queue = await scenario.clients.combinedVss.get('/api/role-approvals');
    const request = queue.json().items.find((item: { user: { id: string } }) => item.user.id === id);
    expect(request).toMatchObject({ pendingRoles: ['vss_case_manager'], can: { approve: true } });
    expect(request.user.email).toBe(email);
    const approved = await scenario.clients.combinedVss.post(`/api/role-approvals/${id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json().roles).toEqual(['vss_case_manager']);
    // Only now does the account read her file (after signing in again: its sessions ended).
    expect((await fake.get('/api/auth/session')).statusCode).toBe(401);
    const again = await signInWithRecoveryCode(email, recoveryCodes[0]!);
    expect(await readsHerFile(again, combinedHerId)).toBe(true);
  });

  it('an admin gives nobody, and not themselves, an admin role together with a case role', async () => {
    const self = (await combinedAdmin.get('/api/auth/session')).json().user.id as string;
    const own = await combinedAdmin.patch(`/api/users/${self}`, {
      roles: ['agency_admin', 'vss_case_manager'],
      side: 'victim',
    });
    expect(own.statusCode).toBe(400);
    const ownSide = await combinedAdmin.patch(`/api/users/${self}`, { side: 'victim' });
    expect(ownSide.statusCode).toBe(400);
    const both = await combinedAdmin.post('/api/users', {
      email: `both-${Date.now()}@test.invalid`,
      displayName: 'Admin And Worker',
      roles: ['agency_admin', 'vss_case_manager'],
      side: 'victim',
    });
    expect(both.statusCode).toBe(400);
    expect((await combinedAdmin.get('/api/auth/session')).json().user.roles).toEqual(['agency_admin']);
  });

  it('moving an existing colleague to the victim side with a case role waits for approval too', async () => {
    const email = `moved-${Date.now()}@test.invalid`;
    const created = await combinedAdmin.post('/api/users', {
      email,
      displayName: 'Perpetrator Side Worker',
      roles: ['pp_case_manager'],
      side: 'perpetrator',
    });
    // A perpetrator-side role needs no second person.
    expect(created.json().user).toMatchObject({ roles: ['pp_case_manager'], pendingRoles: [] });
    const { client: account, recoveryCodes } = await setUpThroughLink(email, 'account_setup');
    const moved = await combinedAdmin.patch(`/api/users/${created.json().user.id}`, {
      roles: ['vss_case_manager'],
      side: 'victim',
    });
    expect(moved.json()).toMatchObject({ roles: [], pendingRoles: ['vss_case_manager'], side: 'victim' });
    expect((await account.get('/api/auth/session')).statusCode).toBe(401);
    const again = await signInWithRecoveryCode(email, recoveryCodes[0]!);
    expect((await again.get('/api/auth/session')).json().user.roles).toEqual([]);
    expect(await readsHerFile(again, combinedHerId)).toBe(false);
  });

  it('the system admin creates agency admins only, never a victim-side case worker', async () => {
    const women = scenario.agencies.vss.id;
    const caseWorker = await sysadmin.post('/api/users', {
      email: `sys-made-${Date.now()}@test.invalid`,
      displayName: 'Made By The System Admin',
      roles: ['vss_case_manager'],
      side: 'victim',
      agencyId: women,
    });
    expect(caseWorker.statusCode).toBe(400);
    const promote = await sysadmin.patch(`/api/users/${scenario.users.vssAdmin.id}`, {
      roles: ['vss_case_manager'],
    });
    expect(promote.statusCode).toBe(400);

    // It may create an agency admin (the first of an agency) — whose own mailbox it may be…
    const email = `sys-admin-made-${Date.now()}@test.invalid`;
    const admin = await sysadmin.post('/api/users', {
      email,
      displayName: 'Second Admin',
      roles: ['agency_admin'],
      side: 'victim',
      agencyId: women,
    });
    expect(admin.statusCode).toBe(201);
    const newAdmin = await takeOverThroughLink(email, 'account_setup');
    // … who can ask for a victim-side role for another address of theirs, and not approve it.
    const fakeEmail = `sys-fake-${Date.now()}@test.invalid`;
    const fake = await newAdmin.post('/api/users', {
      email: fakeEmail,
      displayName: 'Fake Worker',
      roles: ['vss_case_manager'],
      side: 'victim',
    });
    expect(fake.json().user.pendingRoles).toEqual(['vss_case_manager']);
    const fakeClient = await takeOverThroughLink(fakeEmail, 'account_setup');
    // The other admin of the women's centre is no second person either: its victim side is staffed.
    expect(
      (await scenario.clients.vssAdmin.post(`/api/role-approvals/${fake.json().user.id}/approve`)).statusCode,
    ).toBe(403);
    expect(await readsHerFile(fakeClient, herId)).toBe(false);
    // Agency admins do not make further admins (who would be the second person).
    const deputy = await newAdmin.post('/api/users', {
      email: `deputy-${Date.now()}@test.invalid`,
      displayName: 'Deputy',
      roles: ['agency_admin'],
      side: 'victim',
    });
    expect(deputy.statusCode).toBe(400);
  });

  it('resetting a case worker’s password and second factor shows the admin no credential; the owner gets the link', async () => {
    const worker = await makeUser(system.database.db, {
      agencyId: scenario.agencies.vss.id,
      roles: ['vss_case_manager'],
      side: 'victim',
      networkIds: [scenario.network.id],
    });
    const session = await signInFully(system, worker);
    expect(await readsHerFile(session, herId)).toBe(true);
    const admin = scenario.clients.vssAdmin;
    const password = await admin.post(`/api/users/${worker.id}/reset-password`);
    const mfa = await admin.post(`/api/users/${worker.id}/reset-mfa`);
    expect(password.statusCode).toBe(200);
    expect(mfa.statusCode).toBe(200);
    const token = tokenIn(lastMail(worker.email, 'mfa_reset'));
    expect(token).toBeTruthy();
    for (const answer of [password, mfa]) {
      expect(answer.json()).not.toHaveProperty('temporaryPassword');
      expect(answer.body).not.toContain(token!);
      expect(answer.json()).toMatchObject({ linkSentTo: worker.email });
    }
    // Every session of the account ended; the old password is void.
    expect((await session.get('/api/auth/session')).statusCode).toBe(401);
    expect((await new TestClient(system.app).signIn(worker.email, worker.password)).statusCode).toBe(401);
    // The owner was told, and the one link (newest) restores both.
    expect(lastMail(worker.email, 'password_reset')?.text).toMatch(/reset the password/);
    const view = await admin.get(`/api/users/${worker.id}`);
    expect(view.json().credentialLink.resets).toEqual(['mfa', 'password']);
    const owner = await takeOverThroughLink(worker.email, 'mfa_reset');
    expect(await readsHerFile(owner, herId)).toBe(true);
    // The link worked once.
    const reused = await new TestClient(system.app).post('/api/auth/credential-link', { token });
    expect(reused.json().error).toBe('credential_link_invalid');
  });

  it('a password reset of an account never set up sends its set-up link again, not news of a reset', async () => {
    const email = `never.set.up.${Date.now()}@example.org`;
    const created = await scenario.clients.vssAdmin.post('/api/users', {
      email,
      displayName: 'Nadia Newcomer',
      side: 'victim',
      roles: ['partner_contact_worker'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const first = tokenIn(lastMail(email, 'account_setup'));
    const reset = await scenario.clients.vssAdmin.post(`/api/users/${created.json().user.id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    expect(lastMail(email, 'password_reset')).toBeUndefined();
    const again = lastMail(email, 'account_setup');
    expect(tokenIn(again)).not.toBe(first);
    expect(again?.text).toMatch(/created a Tandem account for you/);
  });

  it('a second-factor reset alone: the password still works but enrols nothing without the e-mailed link', async () => {
    const worker = await makeUser(system.database.db, {
      agencyId: scenario.agencies.vss.id,
      roles: ['partner_contact_worker'],
      side: 'victim',
      networkIds: [scenario.network.id],
    });
    await (await signInFully(system, worker)).post('/api/auth/logout');
    expect((await scenario.clients.vssAdmin.post(`/api/users/${worker.id}/reset-mfa`)).statusCode).toBe(200);
    const withPassword = await new TestClient(system.app).signIn(worker.email, worker.password);
    expect(withPassword.statusCode).toBe(403);
    expect(withPassword.json().error).toBe('credential_link_required');
    const token = tokenIn(lastMail(worker.email, 'mfa_reset'));
    const client = new TestClient(system.app);
    const inspected = await client.post('/api/auth/credential-link', { token });
    expect(inspected.json()).toMatchObject({ setsPassword: false, enrolsSecondFactor: true });
    const wrong = await client.post('/api/auth/credential-link/redeem', {
      token,
      currentPassword: 'not it at all',
    });
    expect(wrong.statusCode).toBe(400);
    const redeemed = await client.post('/api/auth/credential-link/redeem', {
      token,
      currentPassword: worker.password,
    });
    expect(redeemed.json().stage).toBe('mfa_enrolment');
  });
});

describe('four eyes in a women’s centre that has no case worker yet', () => {
  it('a second victim-side admin approves the first case worker; the one who asked cannot', async () => {
    const db = system.database.db;
    const centre = await makeAgency(db, { kind: 'victim_support', networkIds: [scenario.network.id] });
    const first = await signInFully(
      system,
      await makeUser(db, { agencyId: centre.id, roles: ['agency_admin'], side: 'victim' }),
    );
    const second = await signInFully(
      system,
      await makeUser(db, { agencyId: centre.id, roles: ['agency_admin'], side: 'victim' }),
    );
    const created = await first.post('/api/users', {
      email: `first-worker-${Date.now()}@test.invalid`,
      displayName: 'First Worker',
      roles: ['vss_case_manager'],
      side: 'victim',
    });
    const id = created.json().user.id as string;
    expect((await first.post(`/api/role-approvals/${id}/approve`)).statusCode).toBe(403);
    const approved = await second.post(`/api/role-approvals/${id}/approve`);
    expect(approved.json().roles).toEqual(['vss_case_manager']);
  });
});

describe('the audit shows who gave which role to whom, to every agency concerned', () => {
  it('the women’s centre’s admin sees what the system admin did to its accounts', async () => {
    const events = await scenario.clients.vssAdmin.get('/api/audit?limit=100');
    expect(events.statusCode).toBe(200);
    const bySysadmin = events
      .json()
      .items.filter(
        (event: { action: string; actorAgencyId: string | null }) => event.actorAgencyId === null,
      );
    expect(bySysadmin.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(['user.create']),
    );
    const approvals = await system.database.db
      .selectFrom('audit_event')
      .select(['actor_user_id', 'resource_id', 'details'])
      .where('action', '=', 'user.roles_approved')
      .execute();
    expect(approvals.length).toBeGreaterThan(0);
    expect(approvals[0]!.details).toMatchObject({ pendingRoles: ['vss_case_manager'] });
  });
});

describe('smaller rules of account creation', () => {
  it('a programme admin cannot create an admin-only account marked victim side', async () => {
    const answer = await scenario.clients.ppAdmin.post('/api/users', {
      email: `victim-side-admin-${Date.now()}@test.invalid`,
      displayName: 'Victim Side Trainer',
      roles: ['trainer'],
      side: 'victim',
    });
    expect(answer.statusCode).toBe(400);
  });

  it('an address used in another agency gets the answer an address of one’s own agency gets', async () => {
    const elsewhere = await scenario.clients.ppAdmin.post('/api/users', {
      email: scenario.users.vssManager.email,
      displayName: 'Someone',
      roles: ['pp_case_manager'],
      side: 'perpetrator',
    });
    const own = await scenario.clients.ppAdmin.post('/api/users', {
      email: scenario.users.ppManager.email,
      displayName: 'Someone',
      roles: ['pp_case_manager'],
      side: 'perpetrator',
    });
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json()).toEqual(own.json());
    expect(elsewhere.json().message).not.toMatch(/exist|another agency|elsewhere/i);
  });
});
