import { LANGUAGES } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { LOCALE_FILES } from './all-locales';
import { UI_LANGUAGES } from './languages';
import { INTERFACE_NS } from './namespaces';
import { describeTranslationParity } from './translation-parity';

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
    folder.replace(/^(\.\.\/)+|^\.\//, ''),
    english.messages,
    Object.fromEntries(
      files.filter((file) => file !== english).map((file) => [file.language, file.messages]),
    ),
  );
}
