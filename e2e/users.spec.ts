import { expect, test } from '@playwright/test';
import {
  accountLinkFor,
  createUser,
  DEMO_PASSWORD,
  mailTo,
  newPersonPage,
  openUsers,
  signInAsDemo,
} from './support';

test('an agency admin creates a user, who then appears in the list; the owner, not the admin, gets the link', async ({
  page,
}) => {
  const email = `paola.partner.${Date.now()}@ponte.demo`;
  await signInAsDemo(page, 'admin@ponte.demo');
  await openUsers(page);
  await expect(page.getByRole('cell', { name: email })).toHaveCount(0);

  const link = await createUser(page, {
    email,
    name: 'Paola Partner',
    side: 'Victim side',
    role: 'Partner-contact worker',
  });
  expect(link).toMatch(/^\/account-link#/);
  // The administrator never sees a password or the link.
  await expect(page.locator('body')).not.toContainText(link.slice('/account-link#'.length));

  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Paola Partner');
  await expect(row).toContainText('Victim side');
  // A victim-side case role waits for a second person of the victim side (four eyes).
  await expect(row).toContainText('No role in force yet');
  await expect(row).toContainText('Awaiting approval');
  await expect(row).toContainText('Partner-contact worker');
  await expect(row).toContainText('Asked by Piera Admin');
  await expect(row).toContainText('One-time link sent, not used yet');

  // Still there when the list is fetched again.
  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: email })).toBeVisible();

  // A password reset sends a new link to the owner, which replaces the first.
  await page
    .getByRole('row')
    .filter({ hasText: email })
    .getByRole('button', { name: /^Actions for/ })
    .click();
  await page.getByRole('menuitem', { name: 'Reset password' }).click();
  const confirm = page.getByRole('dialog', { name: 'Reset the password of Paola Partner?' });
  await expect(confirm).toContainText('you never see it');
  await confirm.getByRole('button', { name: 'Reset password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'A one-time link for' })).toContainText(
    `A one-time link for Paola Partner was sent to ${email}`,
  );
  // The account was never set up, so the owner is sent its set-up link again, not news of a reset.
  await expect.poll(() => mailTo(email).map((mail) => mail.kind)).toEqual(['account_setup', 'account_setup']);
  const reset = await accountLinkFor(email, 'account_setup');
  expect(reset).not.toBe(link);
});

test("an agency admin sees only their own agency's users, in the page and through the API", async ({
  browser,
}) => {
  // The system admin can see the Oltre agency and its users: the check below is not vacuous.
  const sysadmin = await newPersonPage(browser);
  await signInAsDemo(sysadmin, 'sysadmin@tandem.demo');
  const agencies = await sysadmin.request.get('/api/agencies?limit=100');
  expect(agencies.ok()).toBe(true);
  const oltre = ((await agencies.json()) as { items: { id: string; name: string }[] }).items.find((a) =>
    a.name.startsWith('Oltre'),
  );
  expect(oltre).toBeDefined();
  const oltreUsers = await sysadmin.request.get(`/api/users?agencyId=${oltre?.id}`);
  expect(await oltreUsers.text()).toContain('@oltre.demo');
  await sysadmin.context().close();

  // The admin of Casa delle Donne.
  const page = await newPersonPage(browser);
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill('admin@casadonne.demo');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await openUsers(page);
  await expect(page.getByRole('cell', { name: /vss\.manager@casadonne\.demo/ })).toBeVisible();
  await expect(page.locator('body')).not.toContainText('@oltre.demo');

  // Asking the API directly for the other agency's users gives nothing away.
  const response = await page.request.get(`/api/users?agencyId=${oltre?.id}`);
  expect([200, 404]).toContain(response.status());
  const body = await response.text();
  expect(body).not.toContain('@oltre.demo');
  if (response.status() === 200) {
    const page200 = JSON.parse(body) as { items: { email: string }[] };
    for (const user of page200.items) expect(user.email).toMatch(/@casadonne\.demo$/);
  }
  await page.context().close();
});
