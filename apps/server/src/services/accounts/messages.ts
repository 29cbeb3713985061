import type { Language, Role } from '@tandem/shared';
import { sql } from 'kysely';
import type { Config } from '../../config.js';
import type { CommandScope } from '../../data/command-scope.js';
import { DEFAULT_TIME_ZONE } from '../../domain/clock.js';
import type { AccountMail } from './account-mail.js';
import { type MailKey, mailDateTime, mailLanguage, mailText, roleList } from './mail-texts/catalogue.js';

/**
 * The account e-mails, each written for its recipient: in the language they chose
 * (`app_user.language`, set by their administrator and changed by themselves in the app; English
 * where it is none the installation has), with its dates in their network's time zone.
 */
export interface MailRecipient {
  id: string;
  email: string;
  displayName: string;
  language: Language;
  timeZone: string;
}

type Person = { id: string; email: string | null; display_name: string };

/**
 * Language and zone of the people a command writes to. The sender may not read a colleague's
 * language (the policy shows it only to who manages the account), so these two columns — and
 * nothing else — are read past the policy, as a consequence of the command (data/system-db.ts).
 */
export async function recipientsOf(scope: CommandScope, people: readonly Person[]): Promise<MailRecipient[]> {
  const addressed = people.filter((person) => person.email);
  if (addressed.length === 0) return [];
  const rows = await scope
    .system('workflow_consequence')
    .selectFrom('app_user as u')
    .select([
      'u.id',
      'u.language',
      // The zone of the network the agency belongs to, the first where it has several (as sign-in does).
      sql<string | null>`(SELECT n.time_zone FROM network_membership m JOIN network n ON n.id = m.network_id
          WHERE m.agency_id = u.agency_id ORDER BY m.joined_at, n.id LIMIT 1)`.as('time_zone'),
    ])
    .where(
      'u.id',
      'in',
      addressed.map((person) => person.id),
    )
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return addressed.map((person) => ({
    id: person.id,
    email: person.email ?? '',
    displayName: person.display_name,
    language: mailLanguage(byId.get(person.id)?.language),
    timeZone: byId.get(person.id)?.time_zone ?? DEFAULT_TIME_ZONE,
  }));
}

export const baseUrl = (config: Config) =>
  (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');

/** Greeting, paragraphs and signature in the recipient's language. */
function letter(to: MailRecipient, ...paragraphs: string[]): string {
  const t = (key: MailKey, values?: Record<string, string>) => mailText(to.language, key, values);
  return [t('greeting', { name: to.displayName }), ...paragraphs, t('signature')].join('\n\n');
}

export const mail = {
  credentialLink(
    config: Config,
    to: MailRecipient,
    kind: 'account_setup' | 'password_reset' | 'mfa_reset',
    token: string,
    expiresAt: Date,
    by: string | null,
  ): AccountMail {
    const t = (key: MailKey, values?: Record<string, string>) => mailText(to.language, key, values);
    return {
      kind,
      userId: to.id,
      to: to.email,
      language: to.language,
      subject: t(`${kind}.subject`),
      text: letter(
        to,
        t(`${kind}.body`, { by: by ?? t('someAdministrator') }),
        `${baseUrl(config)}/account-link#${token}`,
        t('linkExpiry', { expiresAt: mailDateTime(to.language, to.timeZone, expiresAt) }),
      ),
    };
  },

  rolesAwaitingApproval(
    config: Config,
    to: MailRecipient,
    subject: { displayName: string; email: string },
    roles: readonly Role[],
    by: string | null,
  ): AccountMail {
    const t = (key: MailKey, values?: Record<string, string>) => mailText(to.language, key, values);
    return {
      kind: 'roles_awaiting_approval',
      userId: to.id,
      to: to.email,
      language: to.language,
      subject: t('roles_awaiting_approval.subject'),
      text: letter(
        to,
        t('roles_awaiting_approval.body', {
          by: by ?? t('someColleague'),
          roles: roleList(to.language, roles),
          name: subject.displayName,
          email: subject.email,
        }),
        `${baseUrl(config)}/role-approvals`,
      ),
    };
  },

  rolesDecided(
    to: MailRecipient,
    subject: { displayName: string },
    roles: readonly Role[],
    decision: 'approved' | 'refused',
    by: string | null,
  ): AccountMail {
    const t = (key: MailKey, values?: Record<string, string>) => mailText(to.language, key, values);
    return {
      kind: 'roles_decided',
      userId: to.id,
      to: to.email,
      language: to.language,
      subject: t(`roles_${decision}.subject`),
      text: letter(
        to,
        t(`roles_${decision}.body`, {
          by: by ?? t('someColleague'),
          roles: roleList(to.language, roles),
          name: subject.displayName,
        }),
      ),
    };
  },
};
