import { describe, expect, it } from 'vitest';
import type { MessageTree } from './resources';

export type { MessageTree };

/**
 * One test for every set of locale files: a translation has exactly the English keys (plural
 * forms aside) and keeps each message's placeholders. Test-only; imported by the *.test.ts files.
 */
export function flattenMessages(tree: MessageTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flattenMessages(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** `_one`/`_other` are plural forms of one key; languages may need other forms. */
const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

export function describeTranslationParity(
  name: string,
  english: MessageTree,
  translations: Record<string, MessageTree>,
) {
  const source = flattenMessages(english);
  const sourceBases = new Set([...source.keys()].map(baseKey));
  describe(`${name} translations`, () => {
    for (const [code, messages] of Object.entries(translations)) {
      const translated = flattenMessages(messages);
      it(`${code}: has every English key, and no key English lacks`, () => {
        const bases = new Set([...translated.keys()].map(baseKey));
        expect([...sourceBases].filter((key) => !bases.has(key))).toEqual([]);
        expect([...bases].filter((key) => !sourceBases.has(key))).toEqual([]);
      });
      it(`${code}: keeps the placeholders of each message`, () => {
        for (const [key, text] of translated) {
          const original = source.get(key) ?? source.get(`${baseKey(key)}_other`);
          if (!original) continue;
          // A singular form may spell the number out ("Every day"), so only extra placeholders are wrong.
          const allowed = new Set(placeholders(original));
          for (const placeholder of placeholders(text))
            expect(allowed, `${code} ${key}`).toContain(placeholder);
          if (!key.endsWith('_one'))
            expect(placeholders(text), `${code} ${key}`).toEqual(placeholders(original));
        }
      });
    }
  });
}
