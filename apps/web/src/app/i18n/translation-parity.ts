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
const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1] ?? '').sort();

const listed = (names: string[]) =>
  names.length > 0 ? names.map((name) => `{{${name}}}`).join(' ') : 'none';

/** What a translation gets wrong against English: keys missing or extra, placeholders changed. */
export function parityFaults(
  english: MessageTree,
  messages: MessageTree,
): { keys: string[]; placeholders: string[] } {
  const source = flattenMessages(english);
  const sourceBases = new Set([...source.keys()].map(baseKey));
  const translated = flattenMessages(messages);
  const bases = new Set([...translated.keys()].map(baseKey));
  const keys = [
    ...[...sourceBases].filter((key) => !bases.has(key)).map((key) => `missing ${key}`),
    ...[...bases].filter((key) => !sourceBases.has(key)).map((key) => `extra ${key}`),
  ];
  const wrong: string[] = [];
  for (const [key, text] of translated) {
    const original = source.get(key) ?? source.get(`${baseKey(key)}_other`);
    if (!original) continue;
    const found = placeholders(text);
    const wanted = placeholders(original);
    // A singular form may spell the number out ("Every day"), so only extra placeholders are wrong.
    const fits = key.endsWith('_one')
      ? found.every((placeholder) => wanted.includes(placeholder))
      : found.join() === wanted.join();
    if (!fits) wrong.push(`${key}: ${listed(found)}, English ${listed(wanted)}`);
  }
  return { keys, placeholders: wrong };
}

export function describeTranslationParity(
  name: string,
  english: MessageTree,
  translations: Record<string, MessageTree>,
) {
  describe(`${name} translations`, () => {
    for (const [code, messages] of Object.entries(translations)) {
      it(`${code}: has every English key, and no key English lacks`, () => {
        expect(parityFaults(english, messages).keys).toEqual([]);
      });
      it(`${code}: keeps the placeholders of each message`, () => {
        expect(parityFaults(english, messages).placeholders).toEqual([]);
      });
    }
  });
}
