import { LANGUAGES } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES } from './languages';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** `_one`/`_other` are plural forms of one key; languages may need other forms. */
const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

const english = flatten(UI_LANGUAGES.en.messages as Tree);
const englishBases = new Set([...english.keys()].map(baseKey));

describe('translations', () => {
  it('cover every language the server accepts', () => {
    expect(Object.keys(UI_LANGUAGES).sort()).toEqual([...LANGUAGES].sort());
  });

  for (const [code, { messages }] of Object.entries(UI_LANGUAGES)) {
    if (code === 'en') continue;
    const translated = flatten(messages as Tree);

    it(`${code}: has every English key, and no key English lacks`, () => {
      const bases = new Set([...translated.keys()].map(baseKey));
      expect([...englishBases].filter((key) => !bases.has(key))).toEqual([]);
      expect([...bases].filter((key) => !englishBases.has(key))).toEqual([]);
    });

    it(`${code}: keeps the placeholders of each message`, () => {
      for (const [key, text] of translated) {
        const source = english.get(key) ?? english.get(`${baseKey(key)}_other`);
        if (!source) continue;
        // A singular form may spell the number out ("Every day"), so only extra placeholders are wrong.
        const allowed = new Set(placeholders(source));
        for (const name of placeholders(text)) expect(allowed, `${code} ${key}`).toContain(name);
        if (!key.endsWith('_one')) expect(placeholders(text), `${code} ${key}`).toEqual(placeholders(source));
      }
    });
  }
});
