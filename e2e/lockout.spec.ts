import { expect, type Page, test } from '@playwright/test';
import { generate } from 'otplib';
import {
  chooseFirstPassword,
  createUser,
  DEMO_PASSWORD,
  enrolSecondFactor,
  newPersonPage,
  openUsers,
  signIn,
  signInAsDemo,
  signOut,
} from './support';

const WRONG = 'The e-mail or password is not right.';

/** One try on the sign-in page: the status of the answer. */
async function tryPassword(page: Page, email: string, password: string) {
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  return answer;
}

test('wrong passwords never lock an account: further tries from here wait, growing delays, and the owner then signs in', async ({
  page,
  browser,
}) => {
  const email = 'liaison@serd.demo';
  await page.goto('/sign-in');
  const alert = page.getByRole('alert');

  // The free tries: each gets the one answer for every failed sign-in.
  for (let attempt = 1; attempt <= 5; attempt++) {
    const answer = await tryPassword(page, email, `wrong password ${attempt}`);
    expect(answer.status()).toBe(401);
    await expect(alert).toContainText(WRONG);
  }
  // Then each further try from this place must wait, longer after each failure (1 s, 2 s, 4 s…).
  let wait = 0;
  for (let attempt = 6; attempt <= 20 && wait < 4; attempt++) {
    const answer = await tryPassword(page, email, `wrong password ${attempt}`);
    expect([401, 429]).toContain(answer.status());
    if (answer.status() !== 429) continue;
    const retryAfter = Number(answer.headers()['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    if (retryAfter >= 4) wait = retryAfter;
    else await page.waitForTimeout(retryAfter * 1000 + 200);
  }
  expect(wait).toBeGreaterThanOrEqual(4);
  await expect(alert).toContainText(
    /Too many failed sign-ins from here for this address\. Wait \d+ seconds?/,
  );
  // The right password waits too while the delay runs: it is not even checked.
  expect((await tryPassword(page, email, DEMO_PASSWORD)).status()).toBe(429);

  // The administrator sees the failed attempts, and no lock.
  const admin = await newPersonPage(browser);
  await signInAsDemo(admin, 'sysadmin@tandem.demo');
  await openUsers(admin);
  const row = admin.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText(/\d+ failed sign-ins, the last on/);
  await expect(row).not.toContainText('Locked');
  await admin.context().close();

  // Once the delay has passed, the right password signs in.
  await page.waitForTimeout(wait * 1000 + 500);
  const answer = await tryPassword(page, email, DEMO_PASSWORD);
  expect(answer.status()).toBe(200);
  await expect(page.getByRole('heading', { name: /^Welcome, / })).toBeVisible();
});

test('wrong second-factor codes lock the account, even for the right password, until an admin unlocks it', async ({
  page,
  browser,
}) => {
  const email = `lucia.lock.${Date.now()}@oltre.demo`;
  const password = 'violet kettle under seven bridges';

  // A real account with a second factor (demo accounts skip it).
  await signInAsDemo(page, 'admin@oltre.demo');
  await openUsers(page);
  const link = await createUser(page, { email, name: 'Lucia Lock', role: 'Trainer' });
  const owner = await newPersonPage(browser);
  await chooseFirstPassword(owner, link, password);
  const { secret } = await enrolSecondFactor(owner);
  await expect(owner.getByRole('heading', { name: 'Welcome, Lucia Lock' })).toBeVisible();
  await signOut(owner);

  // Only someone with the password reaches the code; five wrong codes lock the account.
  await signIn(owner, email, password);
  await expect(owner.getByRole('heading', { name: 'Confirm it is you' })).toBeVisible();
  for (let attempt = 1; attempt <= 5; attempt++) {
    const right = await generate({ secret });
    const wrong = right.replace(/^./, (digit) => String((Number(digit) + 5) % 10));
    await owner.getByLabel('6-digit code').fill(wrong);
    await owner.getByRole('button', { name: 'Verify' }).click();
    if (attempt < 5) await expect(owner.getByRole('alert')).toContainText('The code is not right');
  }
  await expect(owner.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await expect(owner.getByRole('status')).toContainText('locked after too many wrong codes');

  // The right password now gets the lock (423), and only after the right password.
  const locked = owner.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
  await signIn(owner, email, password);
  expect((await locked).status()).toBe(423);
  await expect(owner.getByRole('alert')).toContainText('locked after too many wrong codes');
  expect((await tryPassword(owner, email, 'not the password at all')).status()).toBe(401);

  // The agency admin sees the lock and lifts it.
  await page.reload();
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Locked');
  await row.getByRole('button', { name: /^Actions for/ }).click();
  await page.getByRole('menuitem', { name: 'Unlock' }).click();
  await expect(row).not.toContainText('Locked');

  await signIn(owner, email, password);
  await expect(owner.getByRole('heading', { name: 'Confirm it is you' })).toBeVisible();
  await owner.context().close();
});
