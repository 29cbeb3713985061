import type { Language } from '@tandem/shared';
import bg from './locales/bg.json';
import el from './locales/el.json';
import en from './locales/en.json';
import es from './locales/es.json';
import it from './locales/it.json';

/**
 * The languages of the interface. Adding one = a `locales/xx.json` file and a line here
 * (and the code in LANGUAGES of @tandem/shared, so that the server accepts it as a preference).
 */
export const UI_LANGUAGES: Record<Language, { name: string; messages: Record<string, unknown> }> = {
  en: { name: 'English', messages: en },
  it: { name: 'Italiano', messages: it },
  es: { name: 'Español', messages: es },
  el: { name: 'Ελληνικά', messages: el },
  bg: { name: 'Български', messages: bg },
};

export const FALLBACK_LANGUAGE: Language = 'en';

export function isUiLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.hasOwn(UI_LANGUAGES, value);
}
