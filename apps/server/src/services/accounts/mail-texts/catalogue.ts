import { LANGUAGES, type Language, type Role } from '@tandem/shared';
import { formatterFor } from '../../../domain/clock.js';
import { bg } from './bg.js';
import { el } from './el.js';
import { en } from './en.js';
import { es } from './es.js';
import { it } from './it.js';

/**
 * The account e-mails as data: one catalogue per language of the interface, keyed like the
 * English one, with named placeholders ({name}) the code fills in. English is the fallback for
 * a recipient whose language the installation does not have.
 */
export type MailKey = keyof typeof en;
export type MailTexts = Record<MailKey, string>;

export const MAIL_TEXTS: Record<Language, MailTexts> = { en, it, bg, el, es };

export const mailLanguage = (language: string | null | undefined): Language =>
  (LANGUAGES as readonly string[]).includes(language ?? '') ? (language as Language) : 'en';

/** The placeholders a text names, e.g. ["by", "name"]. */
export const placeholdersOf = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();

/** One text in one language, its placeholders filled; a placeholder left without a value is an error. */
export function mailText(language: Language, key: MailKey, values: Record<string, string> = {}): string {
  return MAIL_TEXTS[language][key].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`mail text ${language}/${key}: no value for {${name}}`);
    return value;
  });
}

// Regional locales: a European installation writes 24-hour times and day-month order.
const MAIL_LOCALE: Record<Language, string> = {
  en: 'en-GB',
  it: 'it-IT',
  bg: 'bg-BG',
  el: 'el-GR',
  es: 'es-ES',
};

/** Roles by their labels in the recipient's language, listed as that language lists them. */
export function roleList(language: Language, roles: readonly Role[]): string {
  const labels = roles.map((role) => mailText(language, `role.${role}`));
  return new Intl.ListFormat(MAIL_LOCALE[language], { type: 'conjunction' }).format(labels);
}

/** An instant as the recipient reads it: their language, the network's zone, the zone named. */
export function mailDateTime(language: Language, timeZone: string, at: Date): string {
  return formatterFor(MAIL_LOCALE[language], {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(at);
}
