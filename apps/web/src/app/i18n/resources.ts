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
 * (the casework words the features share) and `features/<feature>/locales/<lang>.json`.
 *
 * They come in two parts, so the sign-in page carries one language's interface and nothing more:
 * the first page's words (the interface and the shared casework words; English in the first
 * download, every other language fetched when it is chosen) and the pages' words (each feature's,
 * fetched with the first page after sign-in, app/lazyPage.ts). all-locales.ts has them all, for the tests.
 */
export type WordsPart = 'first_page' | 'pages';

const englishFirstPage = import.meta.glob<MessageTree>(['./locales/en.json', './locales/casework/en.json'], {
  eager: true,
  import: 'default',
});
const lazyModules: Record<WordsPart, Record<string, () => Promise<MessageTree>>> = {
  first_page: import.meta.glob<MessageTree>(
    ['./locales/*.json', './locales/casework/*.json', '!**/en.json'],
    {
      import: 'default',
    },
  ),
  pages: import.meta.glob<MessageTree>('../../features/*/locales/*.json', { import: 'default' }),
};

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

/** The first page's English words: in the first download, the fallback of every other language. */
export const ENGLISH_FIRST_PAGE_FILES: readonly LocaleFile[] = Object.entries(englishFirstPage).map(
  ([path, messages]) => describeLocaleFile(path, messages),
);

/** The files of one language's part, fetched the first time they are asked for. */
export async function loadLocaleFiles(language: string, part: WordsPart): Promise<readonly LocaleFile[]> {
  if (language === 'en' && part === 'first_page') return ENGLISH_FIRST_PAGE_FILES;
  const modules = lazyModules[part];
  const paths = Object.keys(modules).filter((path) => path.endsWith(`/${language}.json`));
  return Promise.all(paths.map(async (path) => describeLocaleFile(path, await modules[path]!())));
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
