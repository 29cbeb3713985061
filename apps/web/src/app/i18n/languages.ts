import type { Language } from '@tandem/shared';

/**
 * The languages of the interface. Adding one = an `app/i18n/locales/xx.json` file and a line here
 * (and the code in LANGUAGES of @tandem/shared, so that the server accepts it as a preference).
 */
export const UI_LANGUAGES: Record<Language, { name: string }> = {
  en: { name: 'English' },
  it: { name: 'Italiano' },
  es: { name: 'Español' },
  el: { name: 'Ελληνικά' },
  bg: { name: 'Български' },
};

export const FALLBACK_LANGUAGE: Language = 'en';

export function isUiLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.hasOwn(UI_LANGUAGES, value);
}
