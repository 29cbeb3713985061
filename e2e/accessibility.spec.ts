import { expect, test } from '@playwright/test';
import { accessibilityViolations, signInAsDemo } from './support';

test('the sign-in page has no accessibility violation of any impact', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  // With the demo accounts panel open, so that its table is checked too.
  await page.getByRole('button', { name: 'Show demo accounts' }).click();
  await expect(page.getByRole('table')).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('the home page has no accessibility violation of any impact', async ({ page }) => {
  await signInAsDemo(page, 'admin@casadonne.demo');
  await expect(page.getByRole('link', { name: 'Users' })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
});
