// @vitest-environment jsdom
import { afterAll, describe, expect, it } from 'vitest';
import i18n, { applyLanguage, languageReady } from './index';
import { CASEWORK_NS, INTERFACE_NS } from './namespaces';

afterAll(() => applyLanguage('en'));

describe('languages are fetched when chosen', () => {
  it('start with English only, and bring every namespace of a language when it is chosen', async () => {
    await languageReady;
    expect(i18n.hasResourceBundle('en', INTERFACE_NS)).toBe(true);
    expect(i18n.hasResourceBundle('it', INTERFACE_NS)).toBe(false);
    expect(i18n.t('common.cancel')).toBe('Cancel');

    await applyLanguage('it');
    expect(i18n.language).toBe('it');
    expect(i18n.t('common.cancel')).toBe('Annulla');
    expect(i18n.hasResourceBundle('it', CASEWORK_NS)).toBe(true);
    expect(document.documentElement.lang).toBe('it');
  });
});
