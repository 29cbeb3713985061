import i18n from '../i18n';
import en from './locales/en.json';
import it from './locales/it.json';

/**
 * The words of the instrument pages live in a namespace of their own ("instruments"), in English
 * and Italian; other languages fall back to English. The instruments' own texts (items, sections,
 * levels) come from their definitions, in the user's language where the definition has it.
 */
export const INSTRUMENTS_NS = 'instruments';
export const instrumentMessages: Record<string, Record<string, unknown>> = { en, it };
for (const [language, messages] of Object.entries(instrumentMessages)) {
  if (!i18n.hasResourceBundle(language, INSTRUMENTS_NS)) {
    i18n.addResourceBundle(language, INSTRUMENTS_NS, messages, true, false);
  }
}
