import { expect, test } from '@playwright/test';
import { DEMO_CASE as demoCase, signInAsDemo } from './support';

test('the demo opens onto real work: her case manager reaches a joint case with its history in two clicks', async ({
  page,
}) => {
  await signInAsDemo(page, 'vss.manager@casadonne.demo');
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Joint cases', exact: true })
    .click();
  // The case itself, not a meeting of it (its proposed extraordinary meeting is listed too).
  await page.getByRole('link', { name: new RegExp(`^${demoCase.source}$`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: demoCase })).toBeVisible();
  // The next meeting is planned; the plan has an overdue row.
  await expect(page.getByRole('link', { name: /^Next meeting:/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /1 overdue/ })).toBeVisible();

  // Two Phase 2 meetings behind it.
  await page.getByRole('link', { name: 'Meetings', exact: true }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Closed' })).toHaveCount(2);
  await expect(page.getByRole('row').filter({ hasText: 'Planned' })).toHaveCount(1);
});

test('the demo’s partner-contact worker finds a duty to inform a woman and a partner to reach', async ({
  page,
}) => {
  await signInAsDemo(page, 'partner.contact@casadonne.demo');
  await expect(page.getByTestId('duty').filter({ hasText: 'Inform Elena Esposito' })).toBeVisible();
  await expect(page.getByText('Sara Moretti').first()).toBeVisible();
});

test('the joint-cases list opens a joint case: her case manager finds her file by name and goes on from it', async ({
  page,
}) => {
  await signInAsDemo(page, 'vss.manager@casadonne.demo');
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Joint cases', exact: true })
    .click();
  await page.getByRole('button', { name: 'Open a joint case' }).click();
  const finder = page.getByRole('dialog', { name: 'Open a joint case' });
  // A small typo is forgiven, as in the search page.
  await finder.getByLabel('Her name').fill('Lucia Feri');
  await finder.getByRole('button', { name: 'Find' }).click();
  await finder.getByRole('link', { name: 'Open a joint case with Lucia Ferri' }).click();
  await expect(page).toHaveURL(/\/victims\/[0-9a-f-]{36}\/joint-case\/new$/);
});
