import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../../config.js';
import { AppError } from '../../domain/errors.js';

/**
 * The e-mails accounts are told things by: their one-time links, resets, roles waiting for
 * approval. They go to the address on the account — never to the administrator who set them off
 * — and are sent after the command has committed (a link in a rolled-back command is useless).
 * Messages carry staff names and addresses, never case content.
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

const linkUrl = (config: Config, token: string) =>
  `${(config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '')}/account-link#${token}`;

const greeting = (name: string) => `Hello ${name},`;
const signature =
  '\n\n— Tandem\n\nIf you did not expect this message, tell your agency administrator at once.';

export const mail = {
  credentialLink(
    config: Config,
    account: { id: string; email: string; displayName: string },
    kind: 'account_setup' | 'password_reset' | 'mfa_reset',
    token: string,
    expiresAt: Date,
    by: string,
  ): AccountMail {
    const what = {
      account_setup: `${by} created a Tandem account for you. Set your password and your second factor here:`,
      password_reset: `${by} reset the password of your Tandem account, and every session of it has ended. Choose a new password here:`,
      mfa_reset: `${by} removed the second factor of your Tandem account, and every session of it has ended. Enrol a new one here (you will be asked for your password):`,
    }[kind];
    return {
      kind,
      userId: account.id,
      to: account.email,
      subject: {
        account_setup: 'Your Tandem account',
        password_reset: 'Your Tandem password was reset',
        mfa_reset: 'Your Tandem second factor was reset',
      }[kind],
      text: `${greeting(account.displayName)}\n\n${what}\n\n${linkUrl(config, token)}\n\nThe link works once, until ${expiresAt.toISOString()}.${signature}`,
    };
  },

  rolesAwaitingApproval(
    config: Config,
    approver: { id: string; email: string; displayName: string },
    subject: { displayName: string; email: string },
    roles: readonly string[],
    by: string,
  ): AccountMail {
    return {
      kind: 'roles_awaiting_approval',
      userId: approver.id,
      to: approver.email,
      subject: 'A victim-side role waits for your approval',
      text: `${greeting(approver.displayName)}\n\n${by} asked to give the role(s) ${roles.join(', ')} to ${subject.displayName} <${subject.email}>. The role gives access to the women's files of your agency, so it takes effect only when a second person of the victim side approves it. Approve it only if you know this person and that address is theirs:\n\n${(config.PUBLIC_URL ?? '').replace(/\/$/, '')}/role-approvals${signature}`,
    };
  },

  rolesDecided(
    recipient: { id: string; email: string; displayName: string },
    subject: { displayName: string },
    roles: readonly string[],
    decision: 'approved' | 'refused',
    by: string,
  ): AccountMail {
    return {
      kind: 'roles_decided',
      userId: recipient.id,
      to: recipient.email,
      subject: `A victim-side role was ${decision}`,
      text: `${greeting(recipient.displayName)}\n\n${by} ${decision} the role(s) ${roles.join(', ')} of ${subject.displayName}.${signature}`,
    };
  },
};
