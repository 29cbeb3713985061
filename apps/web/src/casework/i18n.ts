import i18n from '../i18n';
import en from '../i18n/locales/casework/en.json';
import it from '../i18n/locales/casework/it.json';

/**
 * The casework words live in a namespace of their own ("casework"), in English and Italian.
 * Other languages fall back to English (i18next's fallbackLng) until they are translated.
 */
export const CASEWORK_NS = 'casework';
const bundles: Record<string, Record<string, unknown>> = { en, it };
for (const [language, messages] of Object.entries(bundles)) {
  if (!i18n.hasResourceBundle(language, CASEWORK_NS)) {
    i18n.addResourceBundle(language, CASEWORK_NS, messages, true, false);
  }
}

export const caseworkMessages = bundles;
