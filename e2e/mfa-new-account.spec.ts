import { expect, test } from '@playwright/test';
import { createUser, freshTotp, openUsers, signIn, signInAsDemo, signOut } from './support';

test('a new user changes the temporary password, enrols a second factor and signs in with it', async ({
  page,
}) => {
  const email = `nina.nuova.${Date.now()}@oltre.demo`;
  const newPassword = 'a long and private passphrase 2026';

  // The agency admin creates the account and reads the temporary password once.
  await signInAsDemo(page, 'admin@oltre.demo');
  await openUsers(page);
  const temporaryPassword = await createUser(page, {
    email,
    name: 'Nina Nuova',
    role: 'Case manager (perpetrator programme)',
  });
  await signOut(page);

  // First sign-in: a new password first.
  await signIn(page, email, temporaryPassword);
  await expect(page.getByRole('heading', { name: 'Choose your password' })).toBeVisible();
  await page.getByLabel('Temporary password').fill(temporaryPassword);
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill(newPassword);
  await page.getByLabel('Repeat the new password').fill(newPassword);
  await page.getByRole('button', { name: 'Save password' }).click();

  // Then the second factor: QR code and the key as text.
  await expect(page.getByRole('heading', { name: 'Set up your second factor' })).toBeVisible();
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  const secret = ((await page.getByTestId('mfa-secret').textContent()) ?? '').replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}=*$/);
  const enrolmentCode = await freshTotp(secret);
  await page.getByLabel('6-digit code').fill(enrolmentCode);
  await page.getByRole('button', { name: 'Confirm' }).click();

  // Recovery codes, shown once, and only past them after saying they are saved.
  await expect(page.getByRole('heading', { name: 'Save your recovery codes' })).toBeVisible();
  await expect(page.getByTestId('recovery-codes').getByRole('listitem')).not.toHaveCount(0);
  const continueButton = page.getByRole('button', { name: 'Continue' });
  await expect(continueButton).toBeDisabled();
  await page.getByLabel('I have saved them in a safe place').check();
  await continueButton.click();

  await expect(page.getByRole('heading', { name: 'Welcome, Nina Nuova' })).toBeVisible();
  // A real second factor was used: no demo-mode warning about skipping it.
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  await signOut(page);

  // Next sign-in: password, then a fresh code (never the one used at enrolment).
  await signIn(page, email, newPassword);
  await expect(page.getByRole('heading', { name: 'Confirm it is you' })).toBeVisible();
  const signInCode = await freshTotp(secret, enrolmentCode);
  await page.getByLabel('6-digit code').fill(signInCode);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome, Nina Nuova' })).toBeVisible();
});
