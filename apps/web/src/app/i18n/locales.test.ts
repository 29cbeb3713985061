import { LANGUAGES } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { LOCALE_FILES } from './all-locales';
import { UI_LANGUAGES } from './languages';
import { INTERFACE_NS } from './namespaces';
import { describeTranslationParity, parityFaults } from './translation-parity';

describe('languages', () => {
  it('cover every language the server accepts', () => {
    expect(Object.keys(UI_LANGUAGES).sort()).toEqual([...LANGUAGES].sort());
  });

  it('each have every folder of words: the interface, the casework words and every feature', () => {
    const folders = new Map<string, string[]>();
    for (const file of LOCALE_FILES) {
      const folder = file.path.replace(/[a-z]{2}\.json$/, '');
      folders.set(folder, [...(folders.get(folder) ?? []), file.language]);
    }
    for (const [folder, languages] of folders)
      expect(languages.sort(), folder).toEqual(Object.keys(UI_LANGUAGES).sort());
  });

  it('each have the interface words', () => {
    const interfaceLanguages = LOCALE_FILES.filter((file) => file.namespace === INTERFACE_NS).map(
      (file) => file.language,
    );
    expect(interfaceLanguages.sort()).toEqual(Object.keys(UI_LANGUAGES).sort());
  });
});

describe('locale files', () => {
  it('are all found (interface, shared casework words, and the features)', () => {
    expect(LOCALE_FILES.length).toBeGreaterThanOrEqual(5 + 2 + 2 * 10);
  });

  it('of one namespace never define the same top-level key twice (they are merged)', () => {
    const owners = new Map<string, string>();
    for (const file of LOCALE_FILES) {
      for (const key of Object.keys(file.messages)) {
        const id = `${file.language}:${file.namespace}:${key}`;
        expect(owners.get(id), `${key} in ${file.path}`).toBeUndefined();
        owners.set(id, file.path);
      }
    }
  });
});

/** The messages of a file that are not a word to show: empty, blank, or not a string at all. */
function notWords(tree: unknown, prefix = ''): string[] {
  if (typeof tree === 'string') return tree.trim() === '' ? [prefix] : [];
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree))
    return [`${prefix} (${JSON.stringify(tree)})`];
  const entries = Object.entries(tree);
  if (entries.length === 0) return [`${prefix} (no messages)`];
  return entries.flatMap(([key, value]) => notWords(value, prefix ? `${prefix}.${key}` : key));
}

/**
 * Empty messages, by locale folder, waiting for their words. The list may only shrink: a message
 * that has its words in every language must be taken off (the test fails otherwise).
 */
const AWAITING_WORDS: Readonly<Record<string, readonly string[]>> = {};

const shortPath = (path: string) => path.replace(/^(\.\.\/)+|^\.\//, '');

describe('locale messages', () => {
  // An empty translation shows nothing: i18next takes '' as a translation, not as missing.
  for (const file of LOCALE_FILES) {
    const folder = shortPath(file.path).replace(/[a-z]{2}\.json$/, '');
    it(`${shortPath(file.path)}: every message is words, none empty`, () => {
      const awaiting = AWAITING_WORDS[folder] ?? [];
      expect(notWords(file.messages).filter((key) => !awaiting.includes(key))).toEqual([]);
    });
  }

  it('awaiting words are still empty (take a message with words off the list)', () => {
    const filled = Object.entries(AWAITING_WORDS).flatMap(([folder, keys]) =>
      keys.filter((key) =>
        LOCALE_FILES.filter((file) => shortPath(file.path).startsWith(folder)).every(
          (file) => !notWords(file.messages).includes(key),
        ),
      ),
    );
    expect(filled).toEqual([]);
  });

  it('the check finds empty, blank and non-text messages', () => {
    expect(notWords({ a: '', b: { c: '  ', d: 'ok' }, e: 3, f: {} })).toEqual([
      'a',
      'b.c',
      'e (3)',
      'f (no messages)',
    ]);
  });
});

describe('the parity check', () => {
  it('finds keys missing or extra, and placeholders changed, plural forms aside', () => {
    const english = { a: 'Hello {{name}}', b: { c: 'Bye' }, d_one: 'One day', d_other: '{{count}} days' };
    expect(
      parityFaults(english, { a: 'Ciao', d_one: 'Un giorno', d_many: '{{count}} giorni', x: 'X' }),
    ).toEqual({
      keys: ['missing b.c', 'extra x'],
      placeholders: ['a: none, English {{name}}'],
    });
    expect(
      parityFaults(english, { a: '{{name}}, ciao', b: { c: 'Ciao' }, d_one: '{{n}} giorno' }).placeholders,
    ).toEqual(['d_one: {{n}}, English none']);
  });
});

// Every folder of locale files: its translations have exactly its English keys.
const folders = new Map<string, typeof LOCALE_FILES>();
for (const file of LOCALE_FILES) {
  const folder = file.path.replace(/[a-z]{2}\.json$/, '');
  folders.set(folder, [...(folders.get(folder) ?? []), file]);
}
for (const [folder, files] of folders) {
  const english = files.find((file) => file.language === 'en');
  if (!english) throw new Error(`${folder} has no English file`);
  describeTranslationParity(
    shortPath(folder),
    english.messages,
    Object.fromEntries(
      files.filter((file) => file !== english).map((file) => [file.language, file.messages]),
    ),
  );
}
