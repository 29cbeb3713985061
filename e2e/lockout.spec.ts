import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, newPersonPage, openUsers, signInAsDemo } from './support';

const LOCKED = /locked after too many failed attempts/;

test('five wrong passwords lock the account; the right password is then refused too, until an admin unlocks it', async ({
  page,
  browser,
}) => {
  const email = 'liaison@serd.demo';
  await page.goto('/sign-in');
  const alert = page.getByRole('alert');

  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel('E-mail').fill(email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(`wrong password ${attempt}`);
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    expect((await answer).status()).not.toBe(200);
    if (attempt < 5) await expect(alert).toContainText('The e-mail or password is not right.');
  }
  await expect(alert).toContainText(LOCKED);

  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_PASSWORD);
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  expect((await answer).status()).toBe(423);
  await expect(alert).toContainText(LOCKED);
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { name: /^Welcome/ })).toHaveCount(0);

  // An administrator sees the lock and lifts it (which also leaves the demo account usable).
  const admin = await newPersonPage(browser);
  await signInAsDemo(admin, 'sysadmin@tandem.demo');
  await openUsers(admin);
  const row = admin.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Locked');
  await row.getByRole('button', { name: /^Actions for/ }).click();
  await admin.getByRole('menuitem', { name: 'Unlock' }).click();
  await expect(row).not.toContainText('Locked');
  await admin.context().close();

  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: /^Welcome, / })).toBeVisible();
});
