import type { Language } from '@tandem/shared';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { FALLBACK_LANGUAGE, isUiLanguage, UI_LANGUAGES } from './languages';
import { INTERFACE_NS } from './namespaces';
import { buildResources, ENGLISH_FIRST_PAGE_FILES, loadLocaleFiles, type WordsPart } from './resources';

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

/** The parts of each language fetched (or being fetched): `${language}:${part}`. */
const fetched = new Map<string, Promise<void>>([['en:first_page', Promise.resolve()]]);
/** Set by the first page after sign-in: from then on, a language comes with its pages' words. */
let pagesWanted = false;

function ensurePart(language: Language, part: WordsPart): Promise<void> {
  const key = `${language}:${part}`;
  let done = fetched.get(key);
  if (!done) {
    done = loadLocaleFiles(language, part).then((files) => {
      for (const [namespace, messages] of Object.entries(buildResources(files)[language] ?? {})) {
        i18n.addResourceBundle(language, namespace, messages, true, true);
      }
    });
    // A failed fetch (offline) is tried again the next time it is needed.
    done.catch(() => fetched.delete(key));
    fetched.set(key, done);
  }
  return done;
}

/** Fetches a language's words the first time they are needed; the first page's English is always there. */
async function ensureLanguage(language: Language): Promise<void> {
  await ensurePart(language, 'first_page');
  if (pagesWanted) await Promise.all([ensurePart(language, 'pages'), ensurePart(FALLBACK_LANGUAGE, 'pages')]);
}

/** Resolves when the pages' words of the current language (and English, their fallback) are there. */
export function pageWordsReady(): Promise<void> {
  pagesWanted = true;
  return ensureLanguage(currentLanguage());
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
  resources: buildResources(ENGLISH_FIRST_PAGE_FILES),
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

// Component tests render pages without the router that fetches their words: they get them all up front.
if (import.meta.env.MODE === 'test') await pageWordsReady();

export default i18n;
