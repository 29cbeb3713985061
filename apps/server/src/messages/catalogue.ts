import { readFileSync } from 'node:fs';

/**
 * The server's error messages in the user's language. English is the source text itself; each
 * catalogue maps an English text to its translation. A message built from values is keyed by its
 * template (`It may be read for {days} days at most (until {latest})`): the thrown text is matched
 * against a pattern built from the template, each placeholder capturing its value, and the
 * translation receives the same values. A text no catalogue knows stays English.
 */
export const LANGUAGES = ['en', 'it', 'bg', 'el', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
export type TranslatedLanguage = Exclude<Language, 'en'>;

/** Read once at start beside this file (plain JSON, so translators need no TypeScript). */
const catalogueOf = (language: TranslatedLanguage): Readonly<Record<string, string>> =>
  JSON.parse(readFileSync(new URL(`./${language}.json`, import.meta.url), 'utf8'));

export const CATALOGUES: Record<TranslatedLanguage, Readonly<Record<string, string>>> = {
  it: catalogueOf('it'),
  bg: catalogueOf('bg'),
  el: catalogueOf('el'),
  es: catalogueOf('es'),
};

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export const placeholdersOf = (template: string): string[] =>
  [...template.matchAll(PLACEHOLDER)].map((match) => match[1] as string).sort();

interface Template {
  pattern: RegExp;
  names: string[];
  translation: string;
  /** Literal characters: the most specific template is tried first. */
  weight: number;
}

interface Compiled {
  exact: Map<string, string>;
  templates: Template[];
}

const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(catalogue: Readonly<Record<string, string>>): Compiled {
  const exact = new Map<string, string>();
  const templates: Template[] = [];
  for (const [english, translation] of Object.entries(catalogue)) {
    const names = [...english.matchAll(PLACEHOLDER)].map((match) => match[1] as string);
    if (names.length === 0) {
      exact.set(english, translation);
      continue;
    }
    const literals = english.split(PLACEHOLDER).filter((_, index) => index % 2 === 0);
    templates.push({
      pattern: new RegExp(`^${literals.map(literally).join('([\\s\\S]+?)')}$`),
      names,
      translation,
      weight: literals.join('').length,
    });
  }
  templates.sort((a, b) => b.weight - a.weight);
  return { exact, templates };
}

const compiled = new Map<TranslatedLanguage, Compiled>();
const compiledFor = (language: TranslatedLanguage): Compiled => {
  let entry = compiled.get(language);
  if (!entry) {
    entry = compile(CATALOGUES[language]);
    compiled.set(language, entry);
  }
  return entry;
};

/**
 * The text in `language`, or the text itself. A captured value that is itself a message the
 * catalogue knows word for word (an item's problem inside `answers.{itemId}: {message}`, "phone
 * number") is translated too; any other value (a date, a number, a name) is passed on as is.
 */
export function translate(text: string, language: Language): string {
  if (language === 'en') return text;
  const { exact, templates } = compiledFor(language);
  const known = exact.get(text);
  if (known !== undefined) return known;
  for (const template of templates) {
    const match = template.pattern.exec(text);
    if (!match) continue;
    const values = new Map(template.names.map((name, index) => [name, match[index + 1] ?? '']));
    return template.translation.replace(PLACEHOLDER, (whole, name: string) => {
      const value = values.get(name);
      return value === undefined ? whole : valueIn(value, exact);
    });
  }
  return text;
}

/** A captured value: a known text, or a list of known texts ("a, b and c"), translated; else as is. */
function valueIn(value: string, exact: ReadonlyMap<string, string>): string {
  const known = exact.get(value);
  if (known !== undefined) return known;
  const parts = value.split(/(, | and )/);
  if (parts.length < 3) return value;
  const translated = parts.map((part, index) =>
    index % 2 === 0 ? exact.get(part) : part === ' and ' ? ` ${exact.get('and') ?? 'and'} ` : part,
  );
  return translated.every((part) => part !== undefined) ? translated.join('') : value;
}
