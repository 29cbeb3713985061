import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { signInAsDemo } from './support';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
}

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
