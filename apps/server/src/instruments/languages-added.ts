import { LANGUAGES } from '@tandem/shared';

const LANGUAGE_CODES = new Set<string>(LANGUAGES);

/** A localized text of a definition: English and other languages of the interface, nothing else. */
const isLocalizedText = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as Record<string, unknown>).en === 'string' &&
  Object.entries(value).every(([key, text]) => LANGUAGE_CODES.has(key) && typeof text === 'string');

/**
 * Whether `incoming` is `stored` with translations added and nothing else: every text keeps each
 * language it had, word for word, and may gain languages; every id, number, rule and order stays.
 * Such a definition means what the stored one meant, so old answers keep their meaning and it
 * may replace the stored one under the same version (instruments/registry.ts).
 */
export function onlyLanguagesAdded(stored: unknown, incoming: unknown): boolean {
  if (isLocalizedText(stored) && isLocalizedText(incoming))
    return Object.entries(stored).every(([language, text]) => incoming[language] === text);
  if (Array.isArray(stored) || Array.isArray(incoming)) {
    if (!Array.isArray(stored) || !Array.isArray(incoming) || stored.length !== incoming.length) return false;
    return stored.every((item, index) => onlyLanguagesAdded(item, incoming[index]));
  }
  if (typeof stored === 'object' && stored !== null && typeof incoming === 'object' && incoming !== null) {
    const storedKeys = Object.keys(stored);
    const incomingKeys = Object.keys(incoming);
    if (storedKeys.length !== incomingKeys.length) return false;
    return storedKeys.every(
      (key) =>
        Object.hasOwn(incoming, key) &&
        onlyLanguagesAdded(
          (stored as Record<string, unknown>)[key],
          (incoming as Record<string, unknown>)[key],
        ),
    );
  }
  return stored === incoming;
}
