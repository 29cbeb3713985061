import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { InstrumentDefinition } from '@tandem/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../testing/test-system.js';
import { languageReport, missingLanguages, textsOf } from './languages.js';
import {
  BUILT_IN_INSTRUMENTS_DIR,
  latestDefinitions,
  readInstrumentDirectory,
  registerInstruments,
} from './registry.js';

/**
 * The languages of the interface each shipped instrument still lacks. The list may only shrink:
 * an instrument translated into a language must be taken off, and a new gap fails the test.
 * Every shipped instrument has every text in en, it, bg, el and es today.
 */
const SHIPPED_MISSING: Readonly<Record<string, readonly string[]>> = {};

const shipped = readInstrumentDirectory(BUILT_IN_INSTRUMENTS_DIR);

/** A shipped definition as a network might bring it: some texts in some languages only. */
function withoutLanguages(definition: InstrumentDefinition, id: string, drop: (at: string) => string[]) {
  const copy = structuredClone(definition);
  copy.id = id;
  for (const [at, text] of textsOf(copy)) for (const language of drop(at)) delete text[language];
  return copy;
}

describe('the languages of the instruments', () => {
  it('lists, per shipped instrument, the languages of the interface it lacks', () => {
    const report = languageReport(shipped);
    expect(Object.keys(report)).toHaveLength(shipped.length);
    const gaps = Object.fromEntries(Object.entries(report).filter(([, languages]) => languages.length > 0));
    expect(gaps).toEqual(SHIPPED_MISSING);
  });

  it('names a language missing everywhere, and one missing from some texts with how many', () => {
    const base = shipped.find((definition) => definition.id === 'impact-him')!;
    const total = textsOf(base).length;
    const partial = withoutLanguages(base, 'impact-him-partial', (at) =>
      at.startsWith('sections[0].items') ? ['es', 'el'] : ['el'],
    );
    const items = textsOf(base).filter(([at]) => at.startsWith('sections[0].items')).length;
    expect(languageReport([partial])).toEqual({
      'impact-him-partial@1': ['el', `es (${items} of ${total})`],
    });
    expect(missingLanguages(partial).es).toEqual(
      textsOf(base)
        .map(([at]) => at)
        .filter((at) => at.startsWith('sections[0].items')),
    );
    expect(missingLanguages(base)).toEqual({});
    // An empty text is no text in that language: the form would show a blank.
    const blank = structuredClone(base);
    blank.title.bg = ' ';
    expect(missingLanguages(blank)).toEqual({ bg: ['title'] });
  });
});

describe('the languages of the instruments in the database', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system?.close());

  it('lacks what the loaded files lack, until their translations are loaded', async () => {
    const v1: InstrumentDefinition = JSON.parse(
      readFileSync(path.join(BUILT_IN_INSTRUMENTS_DIR, 'organisational-change.v1.json'), 'utf8'),
    );
    const english = withoutLanguages(v1, 'languages-probe', () => ['it', 'bg', 'el', 'es']);
    await registerInstruments(system.database.db, [english]);
    const report = () =>
      latestDefinitions(system.database.db).then((stored) => {
        const all = languageReport(stored);
        return { probe: all['languages-probe@1'], shipped: shipped.map((d) => all[`${d.id}@${d.version}`]) };
      });
    const before = await report();
    expect(before.probe).toEqual(['it', 'bg', 'el', 'es']);
    // The stored versions of the shipped ones: only the newest of each is in latestDefinitions.
    expect(before.shipped.filter((languages) => languages !== undefined && languages.length > 0)).toEqual([]);

    await registerInstruments(system.database.db, [{ ...v1, id: 'languages-probe' }]);
    expect((await report()).probe).toEqual([]);
  });
});
