import { expect, type Page, test } from '@playwright/test';
import { DEMO_CASE, openDemoCase, signInAsDemo } from './support';

/**
 * Paper (issue 15): her file and the joint case print as records — without the navigation and the
 * buttons, with a line on every sheet saying whose copy it is, when it was printed, and that it is
 * confidential — from the browser's print, and as a PDF (Chromium's own print to PDF).
 */

test('her case manager prints the joint case and her file: records without the screen’s controls, her name on every sheet', async ({
  page,
}) => {
  await signInAsDemo(page, 'vss.manager@casadonne.demo');
  const user = page.getByTestId('current-user');
  const name = ((await user.locator('p, div').first().textContent()) ?? '').trim();
  expect(name).not.toBe('');

  await page.goto('/cases');
  await page.getByRole('link', { name: new RegExp(`^${DEMO_CASE.source}$`) }).click();
  const caseTitle = page.getByRole('heading', { level: 1, name: DEMO_CASE });
  await expect(caseTitle).toBeVisible();
  const caseNumber = DEMO_CASE.exec((await caseTitle.textContent()) ?? '')?.[0] ?? '';

  // On the screen: the button, not the header line; the button opens the browser's print.
  await expect(page.getByTestId('print-header')).toBeHidden();
  await expectPrintButtonPrints(page);

  await page.emulateMedia({ media: 'print' });
  await expectPrintedRecord(page, name);
  await expect(caseTitle).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Her support' })).toBeVisible();
  const casePdf = await pdfPages(page);
  expect(casePdf.join('')).toContain(squash(caseNumber));
  expectHeaderOnEverySheet(casePdf, name);

  // Her file, from the case (links are followed on the screen).
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('link', { name: 'Open her file' }).click();
  const fileTitle = page.getByRole('heading', { level: 1, name: 'Lucia Ferri' });
  await expect(fileTitle).toBeVisible();
  await expectPrintButtonPrints(page);

  await page.emulateMedia({ media: 'print' });
  await expectPrintedRecord(page, name);
  await expect(fileTitle).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy' })).toBeHidden();
  const filePdf = await pdfPages(page);
  expect(filePdf.join('')).toContain(squash('Lucia Ferri'));
  expectHeaderOnEverySheet(filePdf, name);
});

test('the risk comparison, her safety plans and the agreements each have a print button', async ({
  page,
}) => {
  await signInAsDemo(page, 'vss.manager@casadonne.demo');
  const caseId = await openDemoCase(page);

  await page.goto(`/joint-cases/${caseId}/risk`);
  await expect(page.locator('[data-item]').first()).toBeVisible();
  await expectPrintButtonPrints(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Joint case tools' })).toBeHidden();
  await expect(page.locator('[data-item]').first()).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  await page.goto(`/cases/${caseId}`);
  await page.getByRole('link', { name: 'Open her file' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lucia Ferri' })).toBeVisible();
  const personId = /\/victims\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  for (const plan of ['safety-plan', 'it-safety-plan']) {
    await page.goto(`/victims/${personId}/${plan}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectPrintButtonPrints(page);
  }
  // A long answer prints whole: the text box grows on paper instead of cutting it off.
  const answer = page.getByRole('textbox').first();
  await answer.fill(Array.from({ length: 40 }, (_, line) => `Step ${line + 1} of her plan`).join('\n'));
  const onScreen = await answer.evaluate((box) => box.clientHeight);
  await page.emulateMedia({ media: 'print' });
  const sizes = await answer.evaluate((box) => ({ content: box.scrollHeight, shown: box.clientHeight }));
  expect(sizes.content).toBeLessThanOrEqual(sizes.shown + 1);
  expect(sizes.shown).toBeGreaterThan(onScreen);
  // Back on the screen, the box has its own height again.
  await page.emulateMedia({ media: 'screen' });
  await expect.poll(() => answer.evaluate((box) => box.clientHeight)).toBe(onScreen);

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await signInAsDemo(page, 'coordinator@network.demo');
  await page.goto('/network/agreements');
  await expect(page.getByRole('heading', { level: 1, name: 'Agreements' })).toBeVisible();
  await expectPrintButtonPrints(page);
});

/** The page's Print button calls the browser's print (stubbed: a headless browser has no dialog). */
async function expectPrintButtonPrints(page: Page) {
  await page.evaluate(() => {
    const counted = window as unknown as { printed: number };
    counted.printed = 0;
    window.print = () => {
      counted.printed += 1;
    };
  });
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
}

/** In print: no header bar, navigation or button; the header line names the reader and the moment. */
async function expectPrintedRecord(page: Page, name: string) {
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print', exact: true })).toBeHidden();
  // Hidden elements are not in the accessibility tree: the page holds no button at all.
  await expect(page.getByRole('button')).toHaveCount(0);
  const header = page.getByTestId('print-header');
  await expect(header).toBeVisible();
  await expect(header).toContainText('Confidential');
  await expect(header).toContainText(`Printed by ${name} (Casa delle Donne`);
  await expect(header).toContainText(/\d{1,2}:\d{2}/);
  // The page takes the sheet's whole width: no room kept for the navigation.
  const main = await page.locator('#main').boundingBox();
  expect(main?.x ?? -1).toBeLessThanOrEqual(1);
}

/** Chromium's print to PDF of the page as it is, as the text of each sheet. */
async function pdfPages(page: Page): Promise<string[]> {
  const buffer = await page.pdf({ format: 'A4' });
  expect(buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(buffer.length).toBeGreaterThan(5_000);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(buffer), useSystemFonts: false }).promise;
  const sheets: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    sheets.push(squash(content.items.map((item) => ('str' in item ? item.str : '')).join(' ')));
  }
  expect(sheets.length).toBeGreaterThan(0);
  return sheets;
}

/** Each sheet: the confidential line with the reader's name, and its number; nothing of the shell. */
function expectHeaderOnEverySheet(sheets: string[], name: string) {
  sheets.forEach((sheet, index) => {
    expect(sheet, `sheet ${index + 1}`).toContain(squash(`Confidential · Printed by ${name}`));
    expect(sheet, `sheet ${index + 1}`).toContain(squash(`Page ${index + 1} of ${sheets.length}`));
    expect(sheet, `sheet ${index + 1}`).not.toContain(squash('Sign out'));
    expect(sheet, `sheet ${index + 1}`).not.toContain(squash('Main navigation'));
  });
}

// Text runs split words at arbitrary places: compare without any white space at all.
const squash = (text: string) => text.replace(/\s+/g, '');
