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
 * Every locale file of the app, found by its place, so none can be left out of the app or of the
 * parity test: `app/i18n/locales/<lang>.json` (the interface), `app/i18n/locales/casework/<lang>.json`
 * (the casework words the features share) and `features/<feature>/locales/<lang>.json`.
 */
const modules = import.meta.glob<MessageTree>(
  ['./locales/*.json', './locales/casework/*.json', '../../features/*/locales/*.json'],
  { eager: true, import: 'default' },
);

function describe(path: string, messages: MessageTree): LocaleFile {
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

export const LOCALE_FILES: readonly LocaleFile[] = Object.entries(modules).map(([path, messages]) =>
  describe(path, messages),
);

/** The resources i18next is given: language → namespace → words (the files of one namespace merged). */
export function buildResources(files: readonly LocaleFile[] = LOCALE_FILES) {
  const resources: Record<string, Record<string, MessageTree>> = {};
  for (const file of files) {
    const namespaces = resources[file.language] ?? {};
    namespaces[file.namespace] = { ...namespaces[file.namespace], ...file.messages };
    resources[file.language] = namespaces;
  }
  return resources;
}
