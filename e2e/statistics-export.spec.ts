import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { signInAsDemo } from './support';

/**
 * The network's figures as files for data collection, as the coordinator gets them: from the
 * statistics page, for a period, as CSV and as an Excel workbook — counts with their definitions,
 * never a person.
 */
test('the coordinator downloads the network’s figures as CSV and XLSX for a period', async ({ page }) => {
  await signInAsDemo(page, 'coordinator@network.demo');
  await page.goto('/network/statistics');
  const card = page.getByRole('region', { name: /The figures as a file/ }).first();
  await expect(card).toBeVisible();
  await card.getByRole('textbox', { name: 'From' }).fill('2020-01-01');

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('link', { name: 'Download the figures as CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^network-statistics-2020-01-01-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile(await csv.path(), 'utf8'))
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toBe('Network,From,To,Section,Figure,Value,Suppressed,Definition');
  expect(
    lines.some((line) => line.includes(',2020-01-01,until today,Risk divergence,Pairs of checklists,')),
  ).toBe(true);
  expect(lines.some((line) => line.includes(',Authorised shares,'))).toBe(true);

  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('link', { name: 'Download the figures as Excel (XLSX)' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  // A workbook is a zip file.
  expect((await readFile(await xlsx.path())).subarray(0, 2).toString()).toBe('PK');
});
