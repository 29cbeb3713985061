import { CASEWORK_NS, FEATURE_NAMESPACES, INTERFACE_NS } from './namespaces';

export type MessageTree = { [key: string]: string | MessageTree };

/** One locale file: where it is, the namespace and language of its words, and the words. */
export interface LocaleFile {
  path: string;
  namespace: string;
  language: string;
  messages: MessageTree;
}

/**
 * The locale files of the app, found by their place, so none can be left out of the app or of the
 * parity test: `app/i18n/locales/<lang>.json` (the interface), `app/i18n/locales/casework/<lang>.json`
 * (the casework words the features share) and `features/<feature>/locales/<lang>.json`. English,
 * the fallback, is in the first download; every other language is fetched when it is chosen, so
 * the sign-in page carries one language, not five (all-locales.ts has them all, for the tests).
 */
const englishModules = import.meta.glob<MessageTree>(
  ['./locales/en.json', './locales/casework/en.json', '../../features/*/locales/en.json'],
  { eager: true, import: 'default' },
);
const otherModules = import.meta.glob<MessageTree>(
  ['./locales/*.json', './locales/casework/*.json', '../../features/*/locales/*.json', '!**/en.json'],
  { import: 'default' },
);

export function describeLocaleFile(path: string, messages: MessageTree): LocaleFile {
  const language = /([a-z]{2})\.json$/.exec(path)?.[1];
  if (!language) throw new Error(`A locale file is named by its language: ${path}`);
  const feature = /features\/([^/]+)\/locales\//.exec(path)?.[1];
  const namespace = feature
    ? (FEATURE_NAMESPACES[feature] ?? CASEWORK_NS)
    : path.includes('/casework/')
      ? CASEWORK_NS
      : INTERFACE_NS;
  return { path, namespace, language, messages };
}

export const ENGLISH_FILES: readonly LocaleFile[] = Object.entries(englishModules).map(([path, messages]) =>
  describeLocaleFile(path, messages),
);

/** The files of one language, fetched the first time it is asked for. */
export async function loadLocaleFiles(language: string): Promise<readonly LocaleFile[]> {
  if (language === 'en') return ENGLISH_FILES;
  const paths = Object.keys(otherModules).filter((path) => path.endsWith(`/${language}.json`));
  return Promise.all(paths.map(async (path) => describeLocaleFile(path, await otherModules[path]!())));
}

/** The resources i18next is given: language → namespace → words (the files of one namespace merged). */
export function buildResources(files: readonly LocaleFile[]) {
  const resources: Record<string, Record<string, MessageTree>> = {};
  for (const file of files) {
    const namespaces = resources[file.language] ?? {};
    namespaces[file.namespace] = { ...namespaces[file.namespace], ...file.messages };
    resources[file.language] = namespaces;
  }
  return resources;
}
