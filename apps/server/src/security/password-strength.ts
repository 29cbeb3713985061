import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_MIN_SCORE,
  type PasswordRefusalReason,
} from '@tandem/shared';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import * as spanish from '@zxcvbn-ts/language-es-es';
import * as italian from '@zxcvbn-ts/language-it';

/**
 * How strong a new password is, judged by zxcvbn with the common dictionaries (leaked
 * passwords, diceware) and those of the installation's languages (English, Italian, Spanish),
 * plus the words of the account itself and of the product. Length over composition rules
 * (NIST SP 800-63B): no "one digit and one capital", but nothing guessable.
 */

/** Words every Tandem password is checked against, besides the account's own. */
const PRODUCT_WORDS = ['tandem', 'tandem-demo-2026', 'tandemdemo', 'asap', 'demo', 'password'];

/** The Italian package names its lists without a language suffix: give them one. */
const suffixed = (dictionary: Record<string, string[]>, suffix: string) =>
  Object.fromEntries(Object.entries(dictionary).map(([name, words]) => [`${name}-${suffix}`, words]));

const zxcvbn = new ZxcvbnFactory({
  dictionary: {
    ...common.dictionary,
    ...english.dictionary,
    ...suffixed(italian.dictionary, 'it'),
    ...spanish.dictionary,
  },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
  maxLength: PASSWORD_MAX_LENGTH,
});

export interface PasswordOwner {
  email: string;
  displayName: string;
}

export type PasswordVerdict =
  | { acceptable: true; score: number }
  | { acceptable: false; reason: PasswordRefusalReason; score: number; message: string };

const MESSAGES: Record<PasswordRefusalReason, string> = {
  password_too_short: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
  password_too_long: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  password_contains_email: 'Do not use your e-mail address, or part of it, in your password.',
  password_contains_name: 'Do not use your name in your password.',
  password_too_common:
    'This password, or a word in it, is among the most common ones. Choose something others would not guess.',
  password_repetitive:
    'Repeated characters, sequences (like 1234 or abcd) and keyboard rows are easy to guess. Use several unrelated words.',
  password_too_weak: 'This password is too easy to guess. Use a longer phrase of several unrelated words.',
  password_unchanged: 'Choose a password different from the current one.',
};

export const passwordRefusalMessage = (reason: PasswordRefusalReason) => MESSAGES[reason];

/** Letters and digits only, lower case: "Anna.Rossi" and "annarossi" are the same word. */
const folded = (value: string) => value.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The parts of an e-mail address and a name someone could guess a password from. */
function personalWords(owner: PasswordOwner): { email: string[]; name: string[] } {
  const [local = '', domain = ''] = owner.email.toLowerCase().split('@');
  const email = [owner.email, local, ...local.split(/[._+-]/), domain.split('.')[0] ?? ''];
  const name = [owner.displayName, ...owner.displayName.split(/\s+/)];
  const keep = (words: string[]) => [...new Set(words.map(folded).filter((word) => word.length >= 3))];
  return { email: keep(email), name: keep(name) };
}

export function judgePassword(password: string, owner: PasswordOwner): PasswordVerdict {
  const refuse = (reason: PasswordRefusalReason, score = 0): PasswordVerdict => ({
    acceptable: false,
    reason,
    score,
    message: MESSAGES[reason],
  });
  if ([...password].length < PASSWORD_MIN_LENGTH) return refuse('password_too_short');
  if ([...password].length > PASSWORD_MAX_LENGTH) return refuse('password_too_long');
  const words = personalWords(owner);
  const plain = folded(password);
  // Her own names and address are refused outright, whatever the rest of the password.
  if (words.email.some((word) => plain.includes(word))) return refuse('password_contains_email');
  if (words.name.some((word) => plain.includes(word))) return refuse('password_contains_name');
  const result = zxcvbn.check(password, [...PRODUCT_WORDS, ...words.email, ...words.name]);
  if (result.score >= PASSWORD_MIN_SCORE) return { acceptable: true, score: result.score };
  const patterns = result.sequence.map((match) => match.pattern);
  if (plain.length === 0 || patterns.some((p) => p === 'repeat' || p === 'sequence' || p === 'spatial'))
    return refuse('password_repetitive', result.score);
  if (result.sequence.some((match) => match.pattern === 'dictionary'))
    return refuse('password_too_common', result.score);
  return refuse('password_too_weak', result.score);
}
