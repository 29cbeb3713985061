import { expect, test } from '@playwright/test';
import { signInAsDemo } from './support';

test('after the idle timeout the app warns, then signs out and says why; nothing of the session is left', async ({
  page,
}) => {
  // The browser's clock runs under the test's control: 30 minutes pass without a request.
  await page.clock.install();
  await signInAsDemo(page, 'admin@oltre.demo');
  // The page's last request (the list of users for its filter) must be answered before the clock
  // jumps: an answer arriving after the jump would count as activity at the new time.
  const lastRequest = page.waitForResponse((response) => response.url().includes('/api/users?'));
  await page.getByRole('link', { name: 'Audit trail' }).click();
  await expect(page.getByRole('table')).toBeVisible();
  await lastRequest;
  // The app warns in the last minute before it signs out (a minute before the server would).
  await page.clock.fastForward('28:30');
  await expect(page.getByRole('dialog', { name: 'Are you still there?' })).toBeVisible();
  await page.clock.runFor('01:00');
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await expect(page.getByText('You were signed out after a period of inactivity')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  // The session ended on the server too: going back does not show the audit trail.
  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
});

test('when the server has ended the session, the next request leads to sign-in with an explanation', async ({
  page,
  context,
}) => {
  await signInAsDemo(page, 'admin@oltre.demo');
  // The server forgets the session (as after the idle timeout): here, by losing the cookie.
  await context.clearCookies();
  await page.getByRole('link', { name: 'Audit trail' }).click();

  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await expect(page.getByText('You were signed out after a period of inactivity')).toBeVisible();
  // Nothing of the previous session is left on screen.
  await expect(page.getByRole('table')).toHaveCount(0);
});

test('signing out says so, and the back button does not show the previous pages', async ({ page }) => {
  await signInAsDemo(page, 'admin@oltre.demo');
  await page.getByRole('link', { name: 'Users' }).click();
  const usersTable = page.getByRole('table', { name: 'Users, most recent first' });
  await expect(usersTable.getByRole('cell', { name: /pp\.manager@oltre\.demo/ })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByText('You have signed out.')).toBeVisible();

  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await expect(usersTable).toHaveCount(0);
});
