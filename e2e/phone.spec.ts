import { expect, test } from '@playwright/test';
import { signInAsDemo } from './support';

/**
 * A phone (390 × 844, the viewport of a common phone): the joint risk comparison stacks both
 * sides' answers under each item, and no page of the case scrolls sideways.
 */
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const demoCase = /TND-\d{4}-000001/;

test('on a phone the joint risk comparison shows both sides’ answers under each item, with nothing to scroll sideways', async ({
  page,
}) => {
  await signInAsDemo(page, 'vss.manager@casadonne.demo');
  await page.goto('/cases');
  await page.getByRole('link', { name: new RegExp(`^${demoCase.source}$`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: demoCase })).toBeVisible();
  const caseId = /\/cases\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  expect(caseId).toBeTruthy();
  await expectNoSidewaysScroll(page);

  await page.goto(`/joint-cases/${caseId}/risk`);
  const item = page.locator('[role="listitem"][data-item]').first();
  await expect(item).toBeVisible();
  await expect(item.getByText('Perpetrator programme', { exact: true })).toBeVisible();
  await expect(item.getByText('Victim support', { exact: true })).toBeVisible();
  // No table to scroll: the stacked list replaces it on a phone.
  await expect(page.locator('tr[data-item]')).toHaveCount(0);
  await expectNoSidewaysScroll(page);
});

async function expectNoSidewaysScroll(page: import('@playwright/test').Page) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll, 'the page is wider than the phone').toBeLessThanOrEqual(widths.client + 1);
}
