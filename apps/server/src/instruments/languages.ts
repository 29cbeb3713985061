import { type InstrumentDefinition, LANGUAGES, type Language } from '@tandem/shared';

/**
 * Which languages of the interface an instrument lacks. A text without the user's language shows
 * in English (I18nText), so a definition missing a language is filled by English in that language's
 * form — partly, where only some texts lack it. The definitions have no field that states their
 * languages: this is read from the texts themselves.
 */

/** Every text of a definition (an object with `en`), with its path. */
export function textsOf(value: unknown, at = ''): Array<[string, Record<string, string>]> {
  if (Array.isArray(value)) return value.flatMap((item, index) => textsOf(item, `${at}[${index}]`));
  if (!value || typeof value !== 'object') return [];
  if (typeof (value as { en?: unknown }).en === 'string') return [[at, value as Record<string, string>]];
  return Object.entries(value).flatMap(([key, inner]) => textsOf(inner, at ? `${at}.${key}` : key));
}

/** Per language the definition lacks anywhere: the paths of its texts without it (empty counts as without). */
export function missingLanguages(definition: InstrumentDefinition): Partial<Record<Language, string[]>> {
  const texts = textsOf(definition);
  const missing: Partial<Record<Language, string[]>> = {};
  for (const language of LANGUAGES) {
    const without = texts.filter(([, text]) => !text[language]?.trim()).map(([at]) => at);
    if (without.length > 0) missing[language] = without;
  }
  return missing;
}

/**
 * One line per instrument version: `id@version` → the languages it lacks, each marked with how
 * many of its texts lack it when only some do ("el (3 of 40)").
 */
export function languageReport(definitions: readonly InstrumentDefinition[]): Record<string, string[]> {
  return Object.fromEntries(
    definitions.map((definition) => {
      const total = textsOf(definition).length;
      const gaps = Object.entries(missingLanguages(definition)).map(([language, paths]) =>
        paths.length === total ? language : `${language} (${paths.length} of ${total})`,
      );
      return [`${definition.id}@${definition.version}`, gaps];
    }),
  );
}
