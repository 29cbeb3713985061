import { type Browser, expect, type Page } from '@playwright/test';
import { generate } from 'otplib';

/** Seeded on first start in demo mode; demo accounts skip MFA. */
export const DEMO_PASSWORD = 'tandem-demo-2026';

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Signs in a demo account and waits for the home page. */
export async function signInAsDemo(page: Page, email: string): Promise<void> {
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page.getByRole('heading', { name: /^Welcome, / })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
}

/** A page in a browser context of its own (its own cookies: another person at another desk). */
export async function newPersonPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

/** A demo account signed in through the pages, in a browser context of its own. */
export async function personAt(browser: Browser, email: string): Promise<Page> {
  const page = await newPersonPage(browser);
  await signInAsDemo(page, email);
  return page;
}

/** The date `days` after today (before it, when negative), as YYYY-MM-DD in local time. */
export function isoDaysFromNow(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export const isoDaysAgo = (days: number): string => isoDaysFromNow(-days);

export async function openUsers(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
}

/**
 * Creates a user through the Users page and returns the temporary password read from the
 * modal that shows it once.
 */
export async function createUser(
  page: Page,
  user: { email: string; name: string; side?: string; role: string },
): Promise<string> {
  await page.getByRole('button', { name: 'Create user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a user' });
  await dialog.getByLabel('E-mail').fill(user.email);
  await dialog.getByLabel('Full name').fill(user.name);
  if (user.side) await dialog.getByLabel('Side').selectOption({ label: user.side });
  await dialog.getByRole('checkbox', { name: user.role }).check();
  await dialog.getByRole('button', { name: 'Create user' }).click();

  const shown = page.getByRole('dialog', { name: 'Temporary password' });
  await expect(shown).toBeVisible();
  await expect(shown).toContainText(user.email);
  const password = (await shown.getByTestId('temporary-password').textContent())?.trim() ?? '';
  expect(password.length).toBeGreaterThanOrEqual(12);
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(shown).toBeHidden();
  return password;
}

const STEP_MS = 30_000;

/**
 * A TOTP code different from `usedCode`: the server refuses a code that was already used, so
 * when the current 30-second window would give the same code, wait for the next one.
 */
export async function freshTotp(secret: string, usedCode?: string): Promise<string> {
  for (;;) {
    const code = await generate({ secret });
    if (code !== usedCode) return code;
    await new Promise((resolve) => setTimeout(resolve, STEP_MS - (Date.now() % STEP_MS) + 250));
  }
}
