import { expect, test } from '@playwright/test';
import { openDemoCase, signInAsDemo } from './support';

/**
 * A phone (390 × 844, the viewport of a common phone): the joint risk comparison stacks both
 * sides' answers under each item, and no page of the case scrolls sideways.
 */
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test('on a phone the joint risk comparison shows both sides’ answers under each item, with nothing to scroll sideways', async ({
  page,
}) => {
  await signInAsDemo(page, 'vss.manager@casadonne.demo');
  const caseId = await openDemoCase(page);
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

test('on a phone the case’s tab bars stay one row inside the screen, scrolling sideways with a sign of more', async ({
  page,
}) => {
  await signInAsDemo(page, 'vss.manager@casadonne.demo');
  const caseId = await openDemoCase(page);

  await page.goto(`/joint-cases/${caseId}/recidivism`);
  await expectTabBarFits(page, 'Joint case tools', 4);
  await page.goto(`/joint-cases/${caseId}/meetings`);
  await expectTabBarFits(page, 'Meetings and plans of the case', 3);
});

/**
 * The bar lies inside the viewport, its tabs on one row (not piled up); what does not fit is
 * reached by scrolling the bar itself, and the edge says so until its last tab is in view.
 */
async function expectTabBarFits(page: import('@playwright/test').Page, name: string, tabs: number) {
  const bar = page.getByRole('navigation', { name });
  const links = bar.getByRole('link');
  await expect(links).toHaveCount(tabs);
  const viewport = page.viewportSize()?.width ?? 0;
  const box = await bar.boundingBox();
  expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(viewport + 1);
  const tops = await links.evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect().top));
  expect(new Set(tops.map(Math.round)).size, 'the tabs are on one row').toBe(1);
  await expectNoSidewaysScroll(page);

  const frame = bar.locator('xpath=..');
  const overflows = await bar.evaluate((element) => element.scrollWidth > element.clientWidth + 1);
  if (!overflows) {
    await expect(frame).not.toHaveAttribute('data-more-after');
    return;
  }
  await expect(frame).toHaveAttribute('data-more-after', 'true');
  await bar.evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
  await expect(frame).toHaveAttribute('data-more-before', 'true');
  await expect(frame).not.toHaveAttribute('data-more-after');
  const last = await links.last().boundingBox();
  expect((last?.x ?? 0) + (last?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(viewport + 1);
  await expectNoSidewaysScroll(page);
}

async function expectNoSidewaysScroll(page: import('@playwright/test').Page) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll, 'the page is wider than the phone').toBeLessThanOrEqual(widths.client + 1);
}
