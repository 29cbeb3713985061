import { expect, test } from '@playwright/test';
import { signInAsDemo } from './support';

/**
 * The service directory (README, "Service directory"): a caseworker finds the services of the
 * region from the navigation, searches them by their approach and keeps those that provide
 * partner contact; where a referral is made, the directory is one link away.
 */
test('a caseworker searches the service directory and filters by partner contact', async ({ page }) => {
  await signInAsDemo(page, 'pp.manager@oltre.demo');
  await page.getByRole('link', { name: 'Service directory' }).click();
  await expect(page.getByRole('heading', { name: 'Service directory', level: 1 })).toBeVisible();
  const entries = page.getByTestId('directory-entry');
  await expect(entries.filter({ hasText: 'Oltre — Perpetrator Programme' })).toBeVisible();

  // Words of the approach.
  await page.getByRole('textbox', { name: /Name or approach/ }).fill('woman-centred');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(entries).toHaveCount(1);
  const casa = entries.filter({ hasText: "Casa delle Donne — Women's Support Centre" });
  await expect(casa).toBeVisible();
  await expect(casa.getByText('In your network')).toBeVisible();
  await expect(casa.getByText('Line for professionals (weekdays 9–17)')).toBeVisible();

  // Only the services that provide partner contact.
  await page.getByRole('textbox', { name: /Name or approach/ }).fill('');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('combobox', { name: /Partner contact/ }).selectOption('true');
  await expect(page).toHaveURL(/partnerContact=true/);
  await expect(entries.filter({ hasText: 'Ponte — Family Violence Services' })).toBeVisible();
  await expect(entries.filter({ hasText: "Casa delle Donne — Women's Support Centre" })).toBeVisible();
  await expect(entries.filter({ hasText: 'Oltre — Perpetrator Programme' })).toHaveCount(0);
  // No street address anywhere on the page: towns and regions only.
  await expect(page.getByText(/\b(Via|Viale|Piazza)\s/)).toHaveCount(0);

  // Where a referral is made, the directory is a link away.
  await page.goto('/programme/new');
  await expect(page.getByRole('link', { name: /Find a service in the directory/ })).toHaveAttribute(
    'href',
    '/directory',
  );
});
