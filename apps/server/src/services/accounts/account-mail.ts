import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Language } from '@tandem/shared';
import nodemailer from 'nodemailer';
import type { Config } from '../../config.js';
import { AppError } from '../../domain/errors.js';

/**
 * The e-mails accounts are told things by: their one-time links, resets, roles waiting for
 * approval. They go to the address on the account — never to the administrator who set them off
 * — and are sent after the command has committed (a link in a rolled-back command is useless).
 * Messages carry staff names and addresses, never case content. Each goes out in its
 * recipient's language (messages.ts).
 */
export type AccountMailKind =
  | 'account_setup'
  | 'password_reset'
  | 'mfa_reset'
  | 'roles_awaiting_approval'
  | 'roles_decided';

export interface AccountMail {
  kind: AccountMailKind;
  /** The account the message is for (the audit names it; the address is not logged). */
  userId: string;
  to: string;
  /** The recipient's language, the one subject and text are written in. */
  language: Language;
  subject: string;
  text: string;
}

/** The messages one command sets off, sent once it has committed. */
export class Outbox {
  readonly messages: AccountMail[] = [];
  add(message: AccountMail): void {
    this.messages.push(message);
  }
}

export interface Mailer {
  send(messages: readonly AccountMail[]): Promise<void>;
}

/**
 * Without SMTP_URL or MAIL_DIR (tests only: production requires SMTP_URL, development writes to
 * DATA_DIR/mail), messages are kept here, in the memory of the process, for the tests to read.
 */
export const mailKeptInMemory: AccountMail[] = [];

export function mailerFor(config: Config): Mailer {
  if (config.SMTP_URL) {
    const transport = nodemailer.createTransport(config.SMTP_URL);
    return {
      async send(messages) {
        for (const message of messages)
          await transport.sendMail({
            from: config.SMTP_FROM,
            to: message.to,
            subject: message.subject,
            text: message.text,
          });
      },
    };
  }
  if (config.MAIL_DIR) {
    const folder = path.resolve(config.MAIL_DIR);
    return {
      async send(messages) {
        mkdirSync(folder, { recursive: true });
        for (const message of messages)
          writeFileSync(
            path.join(folder, `${Date.now()}-${randomUUID()}.json`),
            JSON.stringify({ ...message, from: config.SMTP_FROM }),
            { mode: 0o600 },
          );
      },
    };
  }
  return {
    async send(messages) {
      mailKeptInMemory.push(...messages);
    },
  };
}

/** Sends a command's messages; a failure is told to the administrator, the change stands. */
export async function deliver(mailer: Mailer, outbox: Outbox): Promise<void> {
  if (outbox.messages.length === 0) return;
  try {
    await mailer.send(outbox.messages);
  } catch {
    throw new AppError(
      502,
      'mail_not_sent',
      'The change was saved, but the e-mail could not be sent. Check the mail settings, then send the link again.',
    );
  }
}
