import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type InstrumentDefinition, LANGUAGES, scoreInstrument } from '@tandem/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRecorder } from '../audit/audit-recorder.js';
import { ScopedDb } from '../data/scoped-db.js';
import { actor } from '../testing/factories.js';
import { startTestSystem, type TestSystem } from '../testing/test-system.js';
import { textsOf } from './languages.js';
import {
  BUILT_IN_INSTRUMENTS_DIR,
  getDefinition,
  getDefinitions,
  InstrumentLoadError,
  latestDefinitions,
  parseInstrumentFile,
  readInstrumentDirectory,
  registerInstruments,
} from './registry.js';

const minimal = (scoring: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: 'test-tool',
    version: 1,
    kind: 'risk_checklist',
    subject: 'case',
    title: { en: 'Test' },
    sections: [
      {
        id: 's',
        title: { en: 'S' },
        items: [
          { id: 'a', text: { en: 'A' }, type: 'yes_no_unknown', tier: 'serious', weight: 5 },
          { id: 'b', text: { en: 'B' }, type: 'yes_no_unknown', tier: 'non_specific', weight: 2 },
          { id: 'c', text: { en: 'C' }, type: 'yes_no_unknown', tier: 'non_specific', weight: 1 },
          { id: 'd', text: { en: 'D' }, type: 'scale', scale: { min: 0, max: 4 }, weight: 1 },
        ],
      },
    ],
    levels: [
      { id: 'low', label: { en: 'Low' } },
      { id: 'medium', label: { en: 'Medium' } },
      { id: 'high', label: { en: 'High' } },
    ],
    scoring,
    ...extra,
  });

describe('loading instrument definitions', () => {
  it('loads every shipped instrument', () => {
    const definitions = readInstrumentDirectory(BUILT_IN_INSTRUMENTS_DIR);
    // Every version of each is loaded; a stored version is never replaced by its successor.
    expect([...new Set(definitions.map((definition) => definition.id))].sort()).toEqual([
      'asap-children-risk',
      'asap-risk-checklist',
      'dash-style-risk-count',
      'digital-violence-identification',
      'his-risk-factors',
      'impact-her',
      'impact-him',
      'organisational-change',
      'sara-style-spj',
      'viogen-style-police-risk',
    ]);
    const checklist = definitions.find((definition) => definition.id === 'asap-risk-checklist')!;
    expect(checklist.sections.find((section) => section.id === 'b_children')!.items).toHaveLength(18);
    for (const definition of definitions) {
      for (const item of definition.sections.flatMap((section) => section.items))
        expect(item.text.it, `${definition.id}.${item.id}`).toBeTruthy();
    }
  });

  it('names the file and the path of each fault', () => {
    const broken = JSON.parse(
      minimal({
        rule: 'tier',
        nonSpecificThreshold: 2,
        levels: { serious: 'high', nonSpecific: 'medium', none: 'low' },
      }),
    );
    broken.sections[0].items[1].type = 'slider';
    broken.sections[0].items[3].scale = { min: 3, max: 1 };
    expect(() => parseInstrumentFile('custom/dash.json', JSON.stringify(broken))).toThrow(
      InstrumentLoadError,
    );
    try {
      parseInstrumentFile('custom/dash.json', JSON.stringify(broken));
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('custom/dash.json');
      expect(message).toContain('sections.0.items.1.type');
      expect(message).toContain('sections.0.items.3.scale.max');
    }
  });

  it('refuses a definition with an unknown scoring rule, or a level its rule does not define', () => {
    expect(() => parseInstrumentFile('x.json', minimal({ rule: 'neural_net' }))).toThrow(/scoring\.rule/);
    expect(() =>
      parseInstrumentFile(
        'x.json',
        minimal({ rule: 'count', countAnswer: 'yes', bands: [{ min: 0, level: 'extreme' }] }),
      ),
    ).toThrow(/Level extreme/);
    expect(() => parseInstrumentFile('x.json', '{ not json')).toThrow(/not valid JSON/);
  });

  it('refuses a children’s checklist without its markers, or a marker floor that is not a level', () => {
    const tierRule = {
      rule: 'tier',
      nonSpecificThreshold: 2,
      levels: { serious: 'high', nonSpecific: 'medium', none: 'low' },
    };
    const child = (extra: Record<string, unknown>) =>
      minimal(tierRule, { kind: 'child_risk_checklist', subject: 'children', ...extra });
    expect(() => parseInstrumentFile('c.json', child({}))).toThrow(/childVulnerability/);
    expect(() =>
      parseInstrumentFile(
        'c.json',
        child({ childVulnerability: { underAgeYears: 5, postSeparationMonths: 6, atLeastLevel: 'extreme' } }),
      ),
    ).toThrow(/childVulnerability\.atLeastLevel/);
    const tuned = parseInstrumentFile(
      'c.json',
      child({ childVulnerability: { underAgeYears: 3, postSeparationMonths: 12, atLeastLevel: 'medium' } }),
    );
    expect(tuned.childVulnerability).toEqual({
      underAgeYears: 3,
      postSeparationMonths: 12,
      atLeastLevel: 'medium',
    });
  });
});

describe('scoring rules', () => {
  const tier = parseInstrumentFile(
    't.json',
    minimal({
      rule: 'tier',
      nonSpecificThreshold: 2,
      levels: { serious: 'high', nonSpecific: 'medium', none: 'low' },
    }),
  );
  const count = parseInstrumentFile(
    'c.json',
    minimal({
      rule: 'count',
      countAnswer: 'yes',
      bands: [
        { min: 0, level: 'low' },
        { min: 2, level: 'medium' },
        { min: 3, level: 'high' },
      ],
    }),
  );
  const weighted = parseInstrumentFile(
    'w.json',
    minimal({
      rule: 'weighted_sum',
      defaultWeight: 1,
      bands: [
        { min: 0, level: 'low' },
        { min: 4, level: 'medium' },
        { min: 8, level: 'high' },
      ],
    }),
  );
  const yes = (...ids: string[]) => Object.fromEntries(ids.map((id) => [id, { value: 'yes' as const }]));

  it.each([
    ['tier: nothing', tier, {}, 'low', null],
    ['tier: one non-specific', tier, yes('b'), 'low', null],
    ['tier: enough non-specific', tier, yes('b', 'c'), 'medium', null],
    ['tier: any serious', tier, yes('a'), 'high', null],
    ['count: one yes', count, yes('c'), 'low', 1],
    ['count: two', count, yes('b', 'c'), 'medium', 2],
    ['count: three', count, yes('a', 'b', 'c'), 'high', 3],
    ['weighted: 2 + 1', weighted, yes('b', 'c'), 'low', 3],
    ['weighted: 2 + scale 3', weighted, { ...yes('b'), d: { value: 3 } }, 'medium', 5],
    ['weighted: 5 + 2 + 1', weighted, yes('a', 'b', 'c'), 'high', 8],
  ] as const)('%s', (_name, definition, answers, level, score) => {
    const result = scoreInstrument(definition as InstrumentDefinition, answers);
    expect(result.level).toBe(level);
    expect(result.score).toBe(score);
  });
});

describe('versions', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system?.close());

  it('keeps a stored version unchanged, refuses different content under it, and stores a new version beside it', async () => {
    // A copy under its own id: the shipped tool already has a version 2.
    const v1 = {
      ...JSON.parse(
        readFileSync(path.join(BUILT_IN_INSTRUMENTS_DIR, 'digital-violence-identification.v1.json'), 'utf8'),
      ),
      id: 'versioning-probe',
    };
    await registerInstruments(system.database.db, [v1]);
    const changed = { ...v1, title: { en: 'Changed title' } };
    await expect(registerInstruments(system.database.db, [changed])).rejects.toThrow(/new version number/);
    await registerInstruments(system.database.db, [{ ...changed, version: 2 }]);
    expect((await getDefinition(system.database.db, v1.id, 1))!.title.en).toBe(v1.title.en);
    expect((await getDefinition(system.database.db, v1.id, 2))!.title.en).toBe('Changed title');
  });

  it('takes the same version again with its texts in more languages, and nothing else changed', async () => {
    const v1 = JSON.parse(readFileSync(path.join(BUILT_IN_INSTRUMENTS_DIR, 'impact-him.v1.json'), 'utf8'));
    // As an installation loaded it before its Greek and Bulgarian texts were written.
    const withoutLanguages = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(withoutLanguages)
        : value && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .filter(([key]) => key !== 'el' && key !== 'bg')
                .map(([key, inner]) => [key, withoutLanguages(inner)]),
            )
          : value;
    const translated = { ...v1, id: 'impact-him-translated' };
    await registerInstruments(system.database.db, [withoutLanguages(translated) as typeof translated]);
    expect((await getDefinition(system.database.db, translated.id, 1))!.title.el).toBeUndefined();
    await registerInstruments(system.database.db, [translated]);
    const stored = (await getDefinition(system.database.db, translated.id, 1))!;
    expect(stored.title.el).toBe(v1.title.el);
    expect(stored.sections[0]!.items[0]!.text.bg).toBe(v1.sections[0].items[0].text.bg);
    // A text changed in a language it had, or anything but a text, is a new version.
    const reworded = structuredClone(translated);
    reworded.sections[0].items[0].text.en = 'Another question';
    await expect(registerInstruments(system.database.db, [reworded])).rejects.toThrow(/new version number/);
    const rescored = structuredClone(translated);
    rescored.sections[0].items[0].scale.max += 1;
    await expect(registerInstruments(system.database.db, [rescored])).rejects.toThrow(/new version number/);
    const dropped = structuredClone(translated);
    delete dropped.title.el;
    await expect(registerInstruments(system.database.db, [dropped])).rejects.toThrow(/new version number/);
  });

  it('reads definitions through a command’s scoped handle, as every signed-in user may', async () => {
    const reader = actor({ roles: ['pp_case_manager'], side: 'perpetrator' });
    const scoped = new ScopedDb(system.database.db, reader, new AuditRecorder(null, null));
    const latest = await latestDefinitions(scoped.query);
    expect(latest.find((definition) => definition.id === 'digital-violence-identification')?.version).toBe(2);
    expect((await getDefinition(scoped.query, 'asap-risk-checklist', 1))?.kind).toBe('risk_checklist');
    const both = await getDefinitions(scoped.query, [
      { instrumentId: 'impact-him', version: 1 },
      { instrumentId: 'impact-her', version: 1 },
    ]);
    expect([...both.keys()].sort()).toEqual(['impact-her@1', 'impact-him@1']);
  });
});

describe('the built-in instruments', () => {
  it.each(readInstrumentDirectory(BUILT_IN_INSTRUMENTS_DIR).map((definition) => [definition.id, definition]))(
    '%s has every text in every language of the interface',
    (_id, definition) => {
      const texts = textsOf(definition, definition.id);
      expect(texts.length).toBeGreaterThan(3);
      for (const [at, text] of texts)
        for (const language of LANGUAGES) expect(text[language]?.trim(), `${at} in ${language}`).toBeTruthy();
    },
  );
});

describe('the shipped instruments of other tools', () => {
  const shipped = readInstrumentDirectory(BUILT_IN_INSTRUMENTS_DIR);
  const find = (id: string, version = 1) =>
    shipped.find((definition) => definition.id === id && definition.version === version)!;
  const itemIds = (definition: InstrumentDefinition) =>
    definition.sections.flatMap((section) => section.items.map((item) => item.id));
  const all = (ids: readonly string[], value: string) =>
    Object.fromEntries(ids.map((id) => [id, { value }])) as Record<string, { value: 'yes' }>;

  it('states the source and licence of each, and that it is an illustrative structure', () => {
    for (const id of ['dash-style-risk-count', 'sara-style-spj', 'viogen-style-police-risk']) {
      const { source } = find(id);
      expect(source?.illustrative, id).toBe(true);
      expect(source?.licence, id).toMatch(/reproduced/);
    }
  });

  it('DASH-style: 24 questions, 14 "yes" is high, 10 to 13 medium, fewer standard', () => {
    const dash = find('dash-style-risk-count');
    const ids = itemIds(dash);
    expect(ids).toHaveLength(24);
    expect(scoreInstrument(dash, all(ids.slice(0, 14), 'yes')).level).toBe('high');
    expect(scoreInstrument(dash, all(ids.slice(0, 13), 'yes')).level).toBe('medium');
    expect(scoreInstrument(dash, all(ids.slice(0, 10), 'yes')).level).toBe('medium');
    expect(scoreInstrument(dash, { ...all(ids, 'unknown'), ...all(ids.slice(0, 9), 'yes') }).level).toBe(
      'standard',
    );
  });

  it('SARA-style: the level is the professional’s summary rating, whatever the factors', () => {
    const sara = find('sara-style-spj');
    const factors = itemIds(sara).filter((id) => id.match(/^[npv]_/));
    const result = scoreInstrument(sara, {
      ...all(factors, 'present'),
      summary_rating: { value: 'moderate' },
    });
    expect(result).toMatchObject({ level: 'moderate', score: null });
    expect(result.factorCounts).toEqual({ present: factors.length, partial: 0, absent: 0 });
  });

  it('VioGén-style: five levels, any serious indicator is at least high, the extreme level re-assessed in 3 days', () => {
    const viogen = find('viogen-style-police-risk');
    expect(viogen.levels?.map((level) => [level.id, level.reassessDays])).toEqual([
      ['not_appreciated', 60],
      ['low', 60],
      ['medium', 30],
      ['high', 7],
      ['extreme', 3],
    ]);
    expect(scoreInstrument(viogen, {}).level).toBe('not_appreciated');
    expect(scoreInstrument(viogen, all(['pregnant'], 'yes')).level).toBe('low');
    expect(
      scoreInstrument(viogen, all(['physical', 'sexual', 'psychological', 'substances'], 'yes')).level,
    ).toBe('medium');
    expect(scoreInstrument(viogen, all(['fears_for_life'], 'yes')).level).toBe('high');
    expect(
      scoreInstrument(
        viogen,
        all(['weapon', 'threats_to_kill', 'strangulation', 'escalation', 'breaches'], 'yes'),
      ).level,
    ).toBe('extreme');
  });

  it('IMPACT, hers: version 2 keeps every question of version 1 as it was and adds the missing domains', () => {
    const [v1, v2] = [find('impact-her', 1), find('impact-her', 2)];
    const itemsOf = (definition: InstrumentDefinition) =>
      definition.sections.flatMap((section) => section.items);
    for (const item of itemsOf(v1))
      expect(
        itemsOf(v2).find((candidate) => candidate.id === item.id),
        item.id,
      ).toEqual(item);
    const added = itemsOf(v2).filter((item) => !itemIds(v1).includes(item.id));
    expect(added.map((item) => [item.id, item.area])).toEqual([
      ['economic', 'economic'],
      ['sadness', 'emotional'],
      ['anger', 'emotional'],
      ['lost_trust', 'emotional'],
      ['wish_to_leave', 'emotional'],
      ['anxiety', 'emotional'],
      ['wellbeing', 'wellbeing'],
    ]);
  });

  it('digital violence, version 2: connections, information, access and kinds of their own, each "yes" with its IT-safety steps in every language', () => {
    const file = 'digital-violence-identification.v2.json';
    const v2 = parseInstrumentFile(file, readFileSync(path.join(BUILT_IN_INSTRUMENTS_DIR, file), 'utf8'));
    expect(v2).toMatchObject({ version: 2, kind: 'identification', subject: 'her' });
    expect(v2.source?.title).toMatch(/D3\.4/);
    expect(v2.sections.map((section) => section.id)).toEqual([
      'connections',
      'information',
      'access',
      'image_based_abuse',
      'impersonation',
      'identity_theft',
      'harassment',
      'monitoring',
    ]);
    for (const item of v2.sections.flatMap((section) => section.items)) {
      if (item.type !== 'yes_no_unknown') continue;
      expect(item.itSafetySteps?.length, item.id).toBeGreaterThan(0);
      for (const step of item.itSafetySteps ?? [])
        for (const lang of LANGUAGES) expect(step[lang], `${item.id}.${lang}`).toBeTruthy();
    }
    const stalkerware = v2.sections
      .flatMap((section) => section.items)
      .find((item) => item.id === 'stalkerware_signs');
    expect(stalkerware?.itSafetySteps?.[0]?.en).toMatch(/specialist before removing anything/);
    // Only a yes/no item draws steps in: a "yes" is what draws them.
    const broken = structuredClone(v2) as unknown as {
      sections: Array<{ items: Array<Record<string, unknown>> }>;
    };
    broken.sections[0]!.items[0]!.itSafetySteps = [{ en: 'A step' }];
    expect(() => parseInstrumentFile(file, JSON.stringify(broken))).toThrow(/itSafetySteps/);
  });
});
