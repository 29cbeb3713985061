import { describe, expect, it } from 'vitest';
import { CATALOGUES, placeholdersOf, type TranslatedLanguage, translate } from './catalogue.js';
import { catalogueSources } from './catalogue-sources.js';

/**
 * Every English text an error can carry — read from the source with the TypeScript compiler —
 * has its translation in each catalogue, with the same placeholders. A message added without
 * one, or a template whose placeholders were renamed, fails here, naming the file and line.
 */

const languages = Object.keys(CATALOGUES) as TranslatedLanguage[];
const { messages, unreviewed } = catalogueSources();

describe('the message catalogues', () => {
  it('find the messages in the source (the extraction itself works)', () => {
    // Known texts of each kind: a literal, a default, a template, a plural branch, a field, a schema's.
    for (const text of [
      'Not found',
      'You are not allowed to do this',
      'It may be read for {SERIOUS_HARM_MAX_DAYS} days at most (until {latest})',
      'Too many failed sign-ins from here for this address. Wait {seconds} second and try again.',
      'Too many failed sign-ins from here for this address. Wait {seconds} seconds and try again.',
      'Record her consent with scope "share disclosures" for this recipient first',
      'Use a date like 2026-03-31',
      'Nobody changes their own roles: ask another administrator',
    ])
      expect(messages.has(text), text).toBe(true);
    expect(messages.size).toBeGreaterThan(250);
  });

  it('leave no message unread: each value thrown as a message comes from a reviewed source', () => {
    expect(unreviewed).toEqual([]);
  });

  it.each(languages)('%s has every message, with the same placeholders', (language) => {
    const catalogue = CATALOGUES[language];
    const missing = [...messages]
      .filter(([text]) => !catalogue[text]?.trim())
      .map(([text, where]) => `${where}: ${text}`);
    expect.soft(missing).toEqual([]);
    const differing = Object.entries(catalogue)
      .filter(([english, translated]) => placeholdersOf(english).join() !== placeholdersOf(translated).join())
      .map(([english, translated]) => `${english} → ${translated}`);
    expect.soft(differing).toEqual([]);
  });

  it('are keyed alike in every language', () => {
    const keys = (language: TranslatedLanguage) => Object.keys(CATALOGUES[language]).sort();
    for (const language of languages) expect(keys(language)).toEqual(keys('it'));
  });
});

describe('translate', () => {
  it('puts the values a template captured into the translation', () => {
    expect(translate('It may be read for 30 days at most (until 2026-04-30)', 'it')).toBe(
      'Può essere letto per 30 giorni al massimo (fino al 2026-04-30)',
    );
    expect(translate('It may be read for 30 days at most (until 2026-04-30)', 'es')).toBe(
      'Puede leerse durante 30 días como máximo (hasta el 2026-04-30)',
    );
  });

  it('tells an English plural apart, the more specific template first', () => {
    const wait = (n: number) =>
      `Too many failed sign-ins from here for this address. Wait ${n} second${n === 1 ? '' : 's'} and try again.`;
    expect(translate(wait(1), 'it')).toContain('Attendi 1 secondo e riprova');
    expect(translate(wait(5), 'it')).toContain('Attendi 5 secondi e riprova');
    expect(translate('Choose an active vss case manager of the right agency', 'es')).toBe(
      'Elija una persona activa (gestor/a de caso de atención a víctimas) de la entidad correcta',
    );
  });

  it('translates captured values that are known words or lists of them, and nothing else', () => {
    expect(
      translate(
        'Missing: the closing risk assessment, her final (T3) questionnaire. Record why the case closes without them',
        'it',
      ),
    ).toBe(
      'Manca: la valutazione del rischio di chiusura, il questionario finale (T3) di lei. Scrivi perché il caso si chiude senza',
    );
    expect(translate('Enter a first name', 'bg')).toBe('Въведете собствено име');
    expect(translate('No instrument sara version 2', 'el')).toBe('Δεν υπάρχει εργαλείο sara έκδοση 2');
  });

  it('leaves English and unknown texts as they are', () => {
    expect(translate('Not found', 'en')).toBe('Not found');
    expect(translate('A message nobody wrote a translation for', 'it')).toBe(
      'A message nobody wrote a translation for',
    );
    expect(translate('Not found', 'it')).toBe('Non trovato');
  });
});
