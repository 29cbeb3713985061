import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Email, LANGUAGES, type Language } from '@tandem/shared';
import type { Kysely } from 'kysely';
import { loadConfig } from '../config.js';
import { systemDb } from '../data/system-db.js';
import { inAuditedTransaction } from '../data/transaction.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import type { Database } from '../db/schema.js';
import { judgePassword } from '../security/password-strength.js';
import { hashPassword } from '../security/passwords.js';
import { underStartLock } from '../server.js';

/**
 * `npm run admin:create`: the first system administrator of an installation (or another one),
 * made by the operator at the database — the only way, since the app creates no system admin.
 * The account must enrol its second factor at first sign-in.
 *
 *   npm run admin:create                                   asks for everything
 *   npm run admin:create -- --email it@example.org --name "Ada Operator" [--language it]
 *   … --password-stdin                                     reads the password from standard input
 */

export interface NewSystemAdmin {
  email: string;
  displayName: string;
  language: Language;
  password: string;
}

export class AdminCreateRefused extends Error {
  override name = 'AdminCreateRefused';
}

export async function createSystemAdmin(db: Kysely<Database>, input: NewSystemAdmin): Promise<string> {
  const email = Email.safeParse(input.email);
  if (!email.success) throw new AdminCreateRefused('That is not a valid e-mail address.');
  const displayName = input.displayName.trim();
  if (!displayName) throw new AdminCreateRefused('Give the administrator’s name.');
  const verdict = judgePassword(input.password, { email: email.data, displayName });
  if (!verdict.acceptable) throw new AdminCreateRefused(`The password is refused: ${verdict.message}`);
  const passwordHash = await hashPassword(input.password);
  return inAuditedTransaction(db, null, null, async (trx, audit) => {
    const system = systemDb(trx, 'operator_command', audit);
    const existing = await system
      .selectFrom('app_user')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.data))
      .executeTakeFirst();
    if (existing) throw new AdminCreateRefused('An account with this e-mail address exists already.');
    const row = await system
      .insertInto('app_user')
      .values({
        agency_id: null,
        email: email.data,
        display_name: displayName,
        roles: ['system_admin'],
        side: 'neutral',
        language: input.language,
        password_hash: passwordHash,
        // No second factor yet: the first sign-in goes to its enrolment.
        must_change_password: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    audit.record({
      action: 'user.create',
      outcome: 'success',
      resourceType: 'user',
      resourceId: row.id,
      details: { roles: ['system_admin'], side: 'neutral', by: 'operator_command' },
    });
    return row.id;
  });
}

/** A line typed without being shown (the password). */
async function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  const answer = rl.question(question);
  muted = true;
  const value = await answer;
  rl.close();
  process.stdout.write('\n');
  return value;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      language: { type: 'string', default: 'en' },
      'password-stdin': { type: 'boolean', default: false },
    },
  });
  const interactive = process.stdin.isTTY === true;
  const ask = async (question: string) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await rl.question(question);
    rl.close();
    return answer.trim();
  };
  const need = (flag: string) => {
    throw new AdminCreateRefused(`Give --${flag} (or run this in a terminal to be asked).`);
  };
  const email = values.email ?? (interactive ? await ask('E-mail address: ') : need('email'));
  const displayName = values.name ?? (interactive ? await ask('Name: ') : need('name'));
  const language = values.language as Language;
  if (!LANGUAGES.includes(language))
    throw new AdminCreateRefused(`--language is one of ${LANGUAGES.join(', ')}.`);
  let password: string;
  if (values['password-stdin']) password = await readStdin();
  else if (interactive) {
    password = await askHidden('Password (at least 12 characters, not guessable): ');
    if ((await askHidden('The same password again: ')) !== password)
      throw new AdminCreateRefused('The two passwords differ.');
  } else throw new AdminCreateRefused('Give --password-stdin (or run this in a terminal to be asked).');

  const config = loadConfig();
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.dataDir,
    schema: config.DATABASE_SCHEMA,
  });
  try {
    await underStartLock(database, () => migrate(database));
    await createSystemAdmin(database.db, { email, displayName, language, password });
    process.stdout.write(
      `System administrator ${email} created. At the first sign-in they enrol their second factor.\n`,
    );
  } finally {
    await database.close();
  }
}

// Run as a command (not when a test imports createSystemAdmin).
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `${error instanceof AdminCreateRefused || (error instanceof Error && error.message.startsWith('Invalid configuration')) ? error.message : 'The administrator could not be created.'}\n`,
    );
    process.exit(1);
  });
}
