/**
 * The namespaces of the interface's words. Every namespace is in every language of the interface
 * (locales.test.ts fails on a folder without one); a key missing in a language falls back to
 * English (i18next's fallbackLng), and the parity test fails on it.
 */
export const INTERFACE_NS = 'translation';
/** The casework words: shared ones in app/i18n/locales/casework, each feature's in its locales folder. */
export const CASEWORK_NS = 'casework';
/** Phase 2 meetings, the action plan, her safety plans and the children. */
export const MEETINGS_NS = 'meetings';
/**
 * The instrument pages. The instruments' own texts (items, sections, levels) come from their
 * definitions, in the user's language where the definition has it.
 */
export const INSTRUMENTS_NS = 'instruments';

/** A feature's locale files hold the words of this namespace (casework unless named here). */
export const FEATURE_NAMESPACES: Readonly<Record<string, string>> = {
  meetings: MEETINGS_NS,
  instruments: INSTRUMENTS_NS,
};
