import type { Language } from '@tandem/shared';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { FALLBACK_LANGUAGE, isUiLanguage, UI_LANGUAGES } from './languages';
import { INTERFACE_NS } from './namespaces';
import { buildResources, ENGLISH_FILES, loadLocaleFiles } from './resources';

const STORAGE_KEY = 'tandem.language';

/** Before sign-in: the last choice on this browser, else the browser's language, else English. */
function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isUiLanguage(stored)) return stored;
  } catch {
    // storage unavailable
  }
  const browser = navigator.language?.slice(0, 2);
  return isUiLanguage(browser) ? browser : FALLBACK_LANGUAGE;
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // storage unavailable
  }
}

export function currentLanguage(): Language {
  return isUiLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : FALLBACK_LANGUAGE;
}

/** Fetches a language's words the first time it is needed; English is always there. */
async function ensureLanguage(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, INTERFACE_NS)) return;
  const resources = buildResources(await loadLocaleFiles(language))[language] ?? {};
  for (const [namespace, messages] of Object.entries(resources)) {
    i18n.addResourceBundle(language, namespace, messages, true, true);
  }
}

export async function applyLanguage(language: Language): Promise<void> {
  rememberLanguage(language);
  await ensureLanguage(language);
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: buildResources(ENGLISH_FILES),
  // The other languages are added as they are chosen (ensureLanguage).
  partialBundledLanguages: true,
  defaultNS: INTERFACE_NS,
  lng: FALLBACK_LANGUAGE,
  fallbackLng: FALLBACK_LANGUAGE,
  supportedLngs: Object.keys(UI_LANGUAGES),
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  showSupportNotice: false,
});

/** Resolves when the first page's language is ready: the app renders after it (main.tsx). */
export const languageReady: Promise<void> = (async () => {
  const language = initialLanguage();
  await ensureLanguage(language);
  await i18n.changeLanguage(language);
})().catch(() => {
  // Its words could not be fetched (offline): English stays.
});

export default i18n;
