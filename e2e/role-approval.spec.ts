import { expect, test } from '@playwright/test';
import { apiAs } from './api-setup';
import {
  chooseFirstPassword,
  createUser,
  enrolSecondFactor,
  freshTotp,
  isoDaysAgo,
  newPersonPage,
  openUsers,
  signIn,
  signInAsDemo,
} from './support';

const ROLE = 'Case manager (victim support)';

test("a victim-side case role given by Ponte's admin opens her file only once a second victim-side person approves it", async ({
  page,
  browser,
}) => {
  const run = Date.now();
  const email = `vera.nuova.${run}@ponte.demo`;
  const password = 'violet kettle under seven bridges';

  // A woman supported by Ponte's victim side (set-up through the API, as her case manager would).
  const caseManager = await apiAs(browser, 'vss.manager@ponte.demo');
  const support = await caseManager.post<{ person: { id: string; firstName: string; lastName: string } }>(
    '/api/vss-episodes',
    { person: { firstName: 'Elena', lastName: `Rossi ${run}` }, intakeDate: isoDaysAgo(10) },
  );
  await caseManager.close();
  const herId = support.person.id;
  const herName = `Elena Rossi ${run}`;

  // Ponte's admin (one organisation, both sides) gives a new account a victim-side case role.
  await signInAsDemo(page, 'admin@ponte.demo');
  await openUsers(page);
  const link = await createUser(page, { email, name: 'Vera Nuova', side: 'Victim side', role: ROLE });
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('No role in force yet');
  await expect(row).toContainText('Awaiting approval');
  await expect(row).toContainText(ROLE);

  // The admin who asked sees the request in the queue (and may withdraw it), but does not approve it.
  await page.getByRole('link', { name: 'Roles to approve' }).click();
  await expect(page.getByRole('heading', { name: 'Roles to approve', level: 1 })).toBeVisible();
  const asked = page.getByRole('listitem').filter({ hasText: email });
  await expect(asked).toContainText('Another person of the victim side approves this one');
  await expect(asked.getByRole('button', { name: /^Approve/ })).toHaveCount(0);
  // …and the server refuses it too.
  const session = await (await page.request.get('/api/auth/session')).json();
  const queue = await (await page.request.get('/api/role-approvals')).json();
  const pending = (queue.items as { user: { id: string; email: string } }[]).find(
    (i) => i.user.email === email,
  );
  expect(pending).toBeDefined();
  const refused = await page.request.post(`/api/role-approvals/${pending?.user.id}/approve`, {
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(refused.status()).toBe(403);

  // The new account's owner sets it up and signs in — and reaches nothing of hers yet.
  const owner = await newPersonPage(browser);
  await chooseFirstPassword(owner, link, password);
  const { secret, code } = await enrolSecondFactor(owner);
  await expect(owner.getByRole('heading', { name: 'Welcome, Vera Nuova' })).toBeVisible();
  await owner.goto(`/victims/${herId}`);
  // The one answer for "not there" and "not yours".
  await expect(owner.getByRole('alert')).toContainText('Not found');
  await expect(owner.getByRole('heading', { name: herName })).toHaveCount(0);
  expect((await owner.request.get(`/api/victims/${herId}`)).status()).toBe(404);

  // A second victim-side person of Ponte approves it in the queue.
  const colleague = await newPersonPage(browser);
  await signInAsDemo(colleague, 'vss.manager@ponte.demo');
  await colleague.getByRole('link', { name: 'Roles to approve' }).click();
  const request = colleague.getByRole('listitem').filter({ hasText: email });
  await expect(request).toContainText('Asked by Piera Admin');
  await expect(request).toContainText('Approve only someone you know, at an address that is theirs.');
  await request.getByRole('button', { name: 'Approve the roles of Vera Nuova' }).click();
  const confirm = colleague.getByRole('dialog', { name: 'Approve the roles of Vera Nuova?' });
  await expect(confirm).toContainText(email);
  await confirm.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(colleague.getByText(`Vera Nuova now works as ${ROLE}.`)).toBeVisible();
  await expect(colleague.getByRole('listitem').filter({ hasText: email })).toHaveCount(0);
  await colleague.context().close();

  // New roles end the account's sessions: she signs in again, and now opens the file.
  await signIn(owner, email, password);
  await expect(owner.getByRole('heading', { name: 'Confirm it is you' })).toBeVisible();
  await owner.getByLabel('6-digit code').fill(await freshTotp(secret, code));
  await owner.getByRole('button', { name: 'Verify' }).click();
  await expect(owner.getByRole('heading', { name: 'Welcome, Vera Nuova' })).toBeVisible();
  await owner.goto(`/victims/${herId}`);
  await expect(owner.getByRole('heading', { name: herName, level: 1 })).toBeVisible();
  await owner.context().close();

  // The audit says who gave which role to whom.
  await page.getByRole('link', { name: 'Audit trail' }).click();
  const approval = page.getByRole('row').filter({ hasText: 'user.roles_approved' }).first();
  await expect(approval).toContainText('Sara Gallo');
  await expect(approval).toContainText('Vera Nuova');
  await expect(approval).toContainText(`Approved: ${ROLE}`);
  await expect(approval).toContainText('Asked by Piera Admin');
});
