import { expect, test } from '@playwright/test';
import { signInAsDemo } from './support';

test('switching to Italian changes the interface, and the choice survives a reload', async ({ page }) => {
  await signInAsDemo(page, 'analyst@network.demo');
  await expect(page.getByRole('link', { name: 'Home' })).toBeVisible();

  const saved = page.waitForResponse((r) => r.url().endsWith('/api/me/preferences') && r.ok());
  await page.getByLabel('Language').selectOption({ label: 'Italiano' });
  await saved;

  await expect(page.getByRole('link', { name: 'Pagina iniziale' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Esci', exact: true })).toBeVisible();
  await expect(page.getByLabel('Lingua')).toHaveValue('it');
  await expect(page.getByRole('heading', { name: /^Ti diamo il benvenuto/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');

  // The preference is kept by the server, not only by this browser.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByRole('link', { name: 'Pagina iniziale' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Home' })).toHaveCount(0);
  await expect(page.getByLabel('Lingua')).toHaveValue('it');

  // And back: other tests expect this demo account in English.
  const back = page.waitForResponse((r) => r.url().endsWith('/api/me/preferences') && r.ok());
  await page.getByLabel('Lingua').selectOption({ label: 'English' });
  await back;
  await expect(page.getByRole('link', { name: 'Home' })).toBeVisible();
});
