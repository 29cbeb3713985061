import { expect, type Page, test } from '@playwright/test';
import { accessibilityViolations, signInAsDemo } from './support';

/**
 * Accessibility as a test (WCAG 2.1 AA and axe's best practice): every page each demo user
 * reaches from the navigation, and for the caseworkers every page of the demo's joint case they
 * reach from it, has no violation of any impact. One account per role (Ponte's staff and the
 * second agency admin see the same pages as their counterparts). The pages are found as a user finds them — by
 * the links the app shows that user — so a new page is checked as soon as it is linked.
 */
const ACCOUNTS = [
  'sysadmin@tandem.demo',
  'admin@oltre.demo',
  'pp.manager@oltre.demo',
  'vss.manager@casadonne.demo',
  'partner.contact@casadonne.demo',
  'liaison@police.demo',
  'child.lead@childprotection.demo',
  'coordinator@network.demo',
  'trainer@network.demo',
  'analyst@network.demo',
];

/** Same-origin paths of the links inside `scope`, each once. */
async function linkedPaths(page: Page, scope: string): Promise<string[]> {
  const hrefs = await page
    .locator(`${scope} a[href^="/"]`)
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).getAttribute('href') ?? ''));
  return [
    ...new Set(hrefs.filter((href) => href && !href.startsWith('/api/')).map((href) => href.split('#')[0]!)),
  ];
}

async function atRest(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('h1').first(), `the heading of ${path}`).toBeVisible();
  // Lists and cards load after the heading: wait until nothing is loading.
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0);
}

// The pages are the same whatever the database engine: checked once, on the embedded one.
test.skip(Boolean(process.env.DATABASE_URL), 'checked on PGlite');

for (const account of ACCOUNTS) {
  test(`every page ${account} reaches has no accessibility violation`, async ({ page }) => {
    test.setTimeout(180_000);
    await signInAsDemo(page, account);
    const pages = new Set(['/', ...(await linkedPaths(page, 'nav'))]);
    // A caseworker's joint case: the demo's first case and the pages it links to.
    await page.goto('/cases');
    const firstCase = page.locator('main a[href^="/cases/"]').first();
    if ((await firstCase.count()) > 0) {
      const casePath = (await firstCase.getAttribute('href')) ?? '';
      pages.add(casePath);
      await atRest(page, casePath);
      for (const path of await linkedPaths(page, 'main'))
        if (/^\/(joint-cases|cases|meetings|victims|programme)\//.test(path)) pages.add(path);
    }
    const found: Record<string, unknown> = {};
    for (const path of pages) {
      await atRest(page, path);
      const violations = await accessibilityViolations(page);
      if (violations.length > 0) found[path] = violations;
    }
    expect(found).toEqual({});
  });
}
