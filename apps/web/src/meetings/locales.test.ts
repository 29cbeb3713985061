import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import itMessages from './locales/it.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('meeting translations (en, it; other languages fall back to English)', () => {
  const english = flatten(en as Tree);
  const italian = flatten(itMessages as Tree);

  it('Italian has every English key, and no key English lacks', () => {
    const enBases = new Set([...english.keys()].map(baseKey));
    const itBases = new Set([...italian.keys()].map(baseKey));
    expect([...enBases].filter((key) => !itBases.has(key))).toEqual([]);
    expect([...itBases].filter((key) => !enBases.has(key))).toEqual([]);
  });

  it('Italian keeps the placeholders of each message', () => {
    for (const [key, text] of italian) {
      const source = english.get(key) ?? english.get(`${baseKey(key)}_other`);
      if (!source || key.endsWith('_one')) continue;
      expect(placeholders(text), key).toEqual(placeholders(source));
    }
  });
});
