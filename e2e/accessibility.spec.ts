import { expect, test } from '@playwright/test';
import { seriousViolations, signInAsDemo } from './support';

test('the sign-in page has no serious or critical accessibility violations', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  // With the demo accounts panel open, so that its table is checked too.
  await page.getByRole('button', { name: 'Show demo accounts' }).click();
  await expect(page.getByRole('table')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the home page has no serious or critical accessibility violations', async ({ page }) => {
  await signInAsDemo(page, 'admin@casadonne.demo');
  await expect(page.getByRole('link', { name: 'Users' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
