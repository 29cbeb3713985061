import type { Language } from '@tandem/shared';

/**
 * The dayjs locale of each interface language (for the date fields' calendar and display). English
 * is British English, as the interface writes it: day before month, weeks from Monday.
 * Kept apart from dates.ts so that the providers name the locale without loading dayjs.
 */
const DATE_LOCALES: Record<Language, string> = { en: 'en-gb', it: 'it', bg: 'bg', el: 'el', es: 'es' };

export function dateLocale(language: string | undefined): string {
  return (language && DATE_LOCALES[language as Language]) || DATE_LOCALES.en;
}
