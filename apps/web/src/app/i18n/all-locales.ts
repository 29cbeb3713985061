import { describeLocaleFile, type MessageTree } from './resources';

/** Every locale file of every language at once: for the tests (the app fetches a language when chosen). */
const modules = import.meta.glob<MessageTree>(
  ['./locales/*.json', './locales/casework/*.json', '../../features/*/locales/*.json'],
  { eager: true, import: 'default' },
);

export const LOCALE_FILES = Object.entries(modules).map(([path, messages]) =>
  describeLocaleFile(path, messages),
);
