import { expect, test } from '@playwright/test';
import {
  createUser,
  enrolSecondFactor,
  freshTotp,
  newPersonPage,
  openUsers,
  signIn,
  signInAsDemo,
  signOut,
} from './support';

test('a new user follows the one-time link, chooses a password the strength check accepts, enrols a second factor and signs in with it', async ({
  page,
  browser,
}) => {
  const email = `nina.nuova.${Date.now()}@oltre.demo`;
  const password = 'a long and private passphrase 2026';

  // The agency admin creates the account: the link goes to its owner by e-mail, no password is shown.
  await signInAsDemo(page, 'admin@oltre.demo');
  await openUsers(page);
  const link = await createUser(page, {
    email,
    name: 'Nina Nuova',
    role: 'Case manager (perpetrator programme)',
  });
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('One-time link sent, not used yet');
  await expect(row).toContainText('No second factor yet');
  await signOut(page);

  // Before the link is used the account has no password to sign in with.
  await signIn(page, email, password);
  await expect(page.getByRole('alert')).toContainText('The e-mail or password is not right.');

  // The owner, at her own desk, opens the link.
  const owner = await newPersonPage(browser);
  await owner.goto(link);
  await expect(owner.getByRole('heading', { name: 'Set up your account', level: 1 })).toBeVisible();
  await expect(owner).toHaveURL(/\/account-link$/);
  await expect(owner.getByText(`This link is for the account ${email}`)).toBeVisible();

  // The strength check judges the password while it is typed: her own name or address is refused.
  const newPassword = owner.getByRole('textbox', { name: 'New password', exact: true });
  const strength = owner.getByTestId('password-strength');
  await newPassword.fill('Nina Nuova garden party');
  await expect(strength).toContainText(/Do not use your (name|e-mail address) in the password/);
  await newPassword.fill('tandem-demo-2026');
  await expect(strength).toContainText('This password is too common');
  await newPassword.fill(password);
  await expect(strength).toContainText('Strong enough.');
  await owner.getByLabel('Repeat the new password').fill(password);
  await owner.getByRole('button', { name: 'Continue' }).click();

  // Then the second factor: QR code and the key as text; recovery codes shown once.
  await expect(owner.getByRole('img', { name: /QR code/ })).toBeVisible();
  const { secret, code: enrolmentCode } = await enrolSecondFactor(owner);
  await expect(owner.getByRole('heading', { name: 'Welcome, Nina Nuova' })).toBeVisible();
  // A real second factor was used: no demo-mode warning about skipping it.
  await expect(owner.getByTestId('demo-banner')).toHaveCount(0);
  await signOut(owner);

  // The link worked once.
  await owner.goto(link);
  await expect(owner.getByRole('alert')).toContainText('This link does not work any more');

  // Next sign-in: password, then a fresh code (never the one used at enrolment).
  await signIn(owner, email, password);
  await expect(owner.getByRole('heading', { name: 'Confirm it is you' })).toBeVisible();
  const signInCode = await freshTotp(secret, enrolmentCode);
  await owner.getByLabel('6-digit code').fill(signInCode);
  await owner.getByRole('button', { name: 'Verify' }).click();
  await expect(owner.getByRole('heading', { name: 'Welcome, Nina Nuova' })).toBeVisible();
  await owner.context().close();
});
