import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Locator, type Page } from '@playwright/test';
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

/** The demo's long-running joint case (Ferri): the first case of the network (seed/demo-cases.ts). */
export const DEMO_CASE = /TND-\d{4}-000001/;

/** From the joint-cases list to the demo's long-running case; its id, from the address. */
export async function openDemoCase(page: Page): Promise<string> {
  await page.goto('/cases');
  await page.getByRole('link', { name: new RegExp(`^${DEMO_CASE.source}$`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_CASE })).toBeVisible();
  const caseId = /\/cases\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  expect(caseId).toBeTruthy();
  return caseId as string;
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

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** A day (YYYY-MM-DD) as an English date field shows it: "17 Dec 2026". */
export function shownDay(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return `${day} ${SHORT_MONTHS[month - 1]} ${year}`;
}

/** Fills a date-and-time field (its day, then its time, named after its label). */
export async function fillDateTime(scope: Page | Locator, label: string, day: string, time: string) {
  const field = scope.getByRole('group', { name: label, exact: true });
  await field.getByRole('textbox', { name: `${label}: date` }).fill(day);
  await field.getByLabel(`${label}: time`).fill(time);
}

export async function openUsers(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
}

/**
 * Outside production the server writes each e-mail as a JSON file (`<time>-<uuid>.json`: kind,
 * userId, to, subject, text) to its MAIL_DIR, for the tests to read: DATA_DIR/mail here.
 */
const mailDir = () => process.env.MAIL_DIR ?? path.join(process.env.E2E_DATA_DIR ?? '.e2e-data', 'mail');

export interface SentMail {
  kind: string;
  userId: string;
  to: string;
  subject: string;
  text: string;
}

/** Every message sent so far to this address, oldest first. */
export function mailTo(address: string): SentMail[] {
  let files: string[] = [];
  try {
    files = readdirSync(mailDir()).filter((name) => name.endsWith('.json'));
  } catch {
    return []; // no mail yet
  }
  return files
    .sort()
    .map((name) => JSON.parse(readFileSync(path.join(mailDir(), name), 'utf8')) as SentMail)
    .filter((mail) => mail.to.toLowerCase() === address.toLowerCase());
}

/**
 * The newest one-time link sent to this address, as a path of this site (`/account-link#…`):
 * waits for the message (it is sent once the command has committed).
 */
export async function accountLinkFor(address: string, kind?: string): Promise<string> {
  let link = '';
  await expect
    .poll(
      () => {
        const mail = mailTo(address)
          .filter((message) => (kind ? message.kind === kind : message.text.includes('/account-link#')))
          .at(-1);
        link = /\/account-link#[A-Za-z0-9_-]+/.exec(mail?.text ?? '')?.[0] ?? '';
        return link;
      },
      { message: `a one-time link e-mailed to ${address}` },
    )
    .not.toBe('');
  return link;
}

/**
 * Creates a user through the Users page. The administrator sees where the one-time link went,
 * never a password; the link is read from the e-mail its owner received.
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
  await expect(dialog).toBeHidden();

  const notice = page.getByRole('status').filter({ hasText: 'A one-time link for' });
  await expect(notice).toContainText(`A one-time link for ${user.name} was sent to ${user.email}`);
  await expect(notice).toContainText('Nobody else sees it');
  return accountLinkFor(user.email, 'account_setup');
}

/**
 * The owner opens the one-time link of a new account and chooses a password the strength check
 * accepts; the second factor comes next.
 */
export async function chooseFirstPassword(page: Page, link: string, password: string): Promise<void> {
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Set up your account', level: 1 })).toBeVisible();
  // The token is taken out of the address bar.
  await expect(page).toHaveURL(/\/account-link$/);
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill(password);
  await expect(page.getByTestId('password-strength')).toContainText('Strong enough.');
  await page.getByLabel('Repeat the new password').fill(password);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Set up your second factor' })).toBeVisible();
}

/** Enrols the second factor on its page: returns the key and the code it was confirmed with. */
export async function enrolSecondFactor(page: Page): Promise<{ secret: string; code: string }> {
  await expect(page.getByRole('heading', { name: 'Set up your second factor' })).toBeVisible();
  const secret = ((await page.getByTestId('mfa-secret').textContent()) ?? '').replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}=*$/);
  const code = await freshTotp(secret);
  await page.getByLabel('6-digit code').fill(code);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('heading', { name: 'Save your recovery codes' })).toBeVisible();
  await page.getByLabel('I have saved them in a safe place').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  return { secret, code };
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

/**
 * Serious and critical accessibility violations (WCAG 2.2 AA and best practice) on the page as it
 * is at rest: every <details> opened, no notification on screen and nothing moving — a toast
 * caught while it fades has the contrast of a half-drawn one.
 */
export async function seriousViolations(page: Page) {
  return accessibilityViolations(page, ['serious', 'critical']);
}

/** Every violation axe finds of the given impacts (all of them by default), page at rest. */
export async function accessibilityViolations(
  page: Page,
  impacts: readonly string[] = ['minor', 'moderate', 'serious', 'critical'],
) {
  for (const details of await page.locator('details').all())
    await details.evaluate((element) => element.setAttribute('open', ''));
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running'),
  );
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((violation) => impacts.includes(violation.impact ?? ''))
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
      // Why each node fails (for contrast: both colours and the ratio), so that a CI log explains itself.
      why: [...new Set(violation.nodes.map((node) => node.failureSummary ?? ''))],
    }));
}
