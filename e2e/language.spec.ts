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

/** The words of the pilots' other languages, for the home page of her partner-contact worker. */
const PILOT_LANGUAGES = [
  { name: 'Español', code: 'es', languageLabel: 'Idioma', home: 'Inicio', duties: 'Deberes de informarla' },
  {
    name: 'Ελληνικά',
    code: 'el',
    languageLabel: 'Γλώσσα',
    home: 'Αρχική',
    duties: 'Υποχρεώσεις ενημέρωσής της',
  },
  {
    name: 'Български',
    code: 'bg',
    languageLabel: 'Език',
    home: 'Начало',
    duties: 'Задължения за уведомяването ѝ',
  },
];

test('Spanish, Greek and Bulgarian reach the casework itself, not only the navigation', async ({ page }) => {
  await signInAsDemo(page, 'partner.contact@casadonne.demo');
  await expect(page.getByRole('link', { name: 'Home' })).toBeVisible();
  let languageLabel = 'Language';
  for (const language of PILOT_LANGUAGES) {
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/me/preferences') && r.ok());
    await page.getByLabel(languageLabel).selectOption({ label: language.name });
    await saved;
    await expect(page.locator('html')).toHaveAttribute('lang', language.code);
    await expect(page.getByRole('link', { name: language.home, exact: true })).toBeVisible();
    // The duties card comes from the home feature's own words.
    await expect(page.getByText(language.duties, { exact: true }).first()).toBeVisible();
    await expect(page.getByText('Duties to inform her', { exact: true })).toHaveCount(0);
    languageLabel = language.languageLabel;
  }
  const back = page.waitForResponse((r) => r.url().endsWith('/api/me/preferences') && r.ok());
  await page.getByLabel(languageLabel).selectOption({ label: 'English' });
  await back;
  await expect(page.getByRole('link', { name: 'Home' })).toBeVisible();
});
