import { expect, test } from '@playwright/test';
import { signInAsDemo } from './support';

/**
 * A caseworker subscribes her calendar app to her own meetings and due items: the address is made
 * from the navigation, shown once, answers an iCalendar file without a session, and stops at once
 * when she revokes it.
 */
test('a caseworker makes her calendar feed, a calendar app reads it, and revoking it stops it', async ({
  page,
  playwright,
}) => {
  await signInAsDemo(page, 'pp.manager@oltre.demo');
  await page.getByRole('link', { name: 'My calendar feed' }).click();
  await expect(page.getByRole('heading', { name: 'Calendar feed', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Make a feed address' }).click();
  const address = page.getByRole('textbox', { name: /Feed address/ });
  await expect(address).toHaveValue(/\/api\/calendar\/[^/]+\.ics$/);
  const url = await address.inputValue();

  // A calendar app: no cookie, no session — only the address.
  const calendarApp = await playwright.request.newContext();
  const feed = await calendarApp.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('text/calendar');
  const text = await feed.text();
  expect(text).toContain('BEGIN:VCALENDAR');
  expect(text).toMatch(/BEGIN:VEVENT/);

  // Shown once: after a reload the page says only since when a feed is in force.
  await page.reload();
  await expect(page.getByText(/A feed is in force since/)).toBeVisible();
  await expect(address).toHaveCount(0);
  await page.getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByText('You have no calendar feed.')).toBeVisible();
  expect((await calendarApp.get(url)).status()).toBe(404);
  await calendarApp.dispose();
});
