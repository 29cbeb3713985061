import { fileURLToPath } from 'node:url';
import {
  type Extraction,
  firstArguments,
  namedSourceMessages,
  schemaMessages,
  serverMessages,
} from './message-sources.js';

const serverRoot = fileURLToPath(new URL('..', import.meta.url));
const sharedRoot = fileURLToPath(new URL('../../../../packages/shared/src', import.meta.url));

/**
 * Messages thrown as values rather than text, each reviewed: what the unread expression is, and
 * the source its texts come from. An unread message that matches none fails the catalogue test.
 */
export const REVIEWED_SOURCES = [
  { unread: /^verdict\.message$/, root: 'server', file: 'security/password-strength.ts', name: 'MESSAGES' },
  {
    unread: /^problem\.message$/,
    root: 'shared',
    file: 'instruments/scoring.ts',
    name: 'validateAnswers',
    sentences: true,
  },
  {
    unread: /judgementProblem\(/,
    root: 'server',
    file: 'policy/instrument.policy.ts',
    name: 'judgementProblem',
  },
  { unread: /^transitionProblem\(/, root: 'server', file: 'domain/programme.ts', name: 'transitionProblem' },
  { unread: /^enrolmentProblem\(/, root: 'server', file: 'domain/programme.ts', name: 'enrolmentProblem' },
] as const;

/** The error handler's own answers (a 500, a 429, Fastify's and the database's client errors), and the router's. */
const HANDLER_SOURCES = [
  'installErrorHandling',
  'notFoundBody',
  'answerError',
  'databaseClientError',
  'safeClientError',
]
  .map((name) => ({ file: 'http/error-handler.ts', name, sentences: true }))
  .concat({ file: 'http/framework-errors.ts', name: 'answerFrameworkError', sentences: true });

/**
 * Zod's own English messages (zod/v4/locales/en) for the checks the route schemas use without a
 * message of their own, as templates. The shared schemas' custom messages are read from source.
 */
export const ZOD_DEFAULTS = [
  'Invalid input',
  'Invalid input: expected {expected}, received {received}',
  'Invalid input: expected {expected}, received undefined',
  'Invalid input: expected {value}',
  'Invalid option: expected one of {values}',
  // One character or item at least: said as "give one", not as a count.
  'Too small: expected string to have >=1 characters',
  'Too small: expected array to have >=1 items',
  'Too small: expected string to have >={minimum} characters',
  'Too big: expected string to have <={maximum} characters',
  'Too small: expected array to have >={minimum} items',
  'Too big: expected array to have <={maximum} items',
  'Too small: expected number to be >={minimum}',
  'Too big: expected number to be <={maximum}',
  'Too small: expected number to be >{minimum}',
  'Too big: expected number to be <{maximum}',
  'Invalid UUID',
  'Invalid string: must match pattern {pattern}',
  'Unrecognized key: {keys}',
  'Unrecognized keys: {keys}',
  'Invalid input: more than one option matched',
];

/**
 * Values written into a message that are English words themselves, translated where captured
 * (catalogue.ts): her contact fields (her-details-guard.ts), whom an instrument is about, what
 * closing a case misses (joint-case/close.service.ts), the roles asked for when a case opens,
 * the agenda items, and the word joining a list. RequiredText's labels are read from source.
 */
export const VALUE_WORDS = [
  'address',
  'phone number',
  'e-mail address',
  'him',
  'her',
  'and',
  'the closing risk assessment',
  'his final (T3) questionnaire',
  'her final (T3) questionnaire',
  'pp case manager',
  'vss case manager',
  'partner contact worker',
  'child protection lead',
  'joint risk assessment',
  'recidivism',
  'individual change',
  'qualitative elements',
  'joint action plan',
];

export interface CatalogueSources {
  /** English text or template → where it is used (the first place). */
  messages: Map<string, string>;
  /** Message expressions not read as text and not covered by a reviewed source. */
  unreviewed: Extraction['unread'];
}

export function catalogueSources(): CatalogueSources {
  const server = serverMessages(serverRoot);
  const shared = schemaMessages(sharedRoot);
  const reviewed = REVIEWED_SOURCES.map((source) =>
    namedSourceMessages(source.root === 'server' ? serverRoot : sharedRoot, [source]),
  );
  const handler = namedSourceMessages(serverRoot, HANDLER_SOURCES);
  const messages = new Map<string, string>();
  const all = [server, shared, handler, ...reviewed].flatMap((extraction) => extraction.messages);
  for (const { text, where } of all) if (!messages.has(text)) messages.set(text, where);
  const labels = firstArguments(sharedRoot, 'RequiredText').map((label) => label.text);
  for (const text of [...ZOD_DEFAULTS, ...VALUE_WORDS, ...labels])
    if (!messages.has(text)) messages.set(text, 'zod / values');
  const unread = [server, handler, ...reviewed].flatMap((extraction) => extraction.unread);
  const unreviewed = unread.filter(
    (entry) => !REVIEWED_SOURCES.some((source) => source.unread.test(entry.expression)),
  );
  return { messages, unreviewed };
}
