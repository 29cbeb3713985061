import type { CredentialLinkView, SessionStage } from '@tandem/shared';
import type { AuditRecorder } from '../../audit/audit-recorder.js';
import type { Config } from '../../config.js';
import type { AuthStore, Credentials } from '../../data/auth.store.js';
import type { CommandScope } from '../../data/command-scope.js';
import type { Clock } from '../../domain/clock.js';
import { AppError, invalidInput } from '../../domain/errors.js';
import { judgePassword } from '../../security/password-strength.js';
import { hashPassword, verifyPassword } from '../../security/passwords.js';
import { newToken, sha256Hex } from '../../security/tokens.js';
import type { Outbox } from './account-mail.js';
import { mail, recipientsOf } from './messages.js';

/**
 * One-time links: how an account is set up, and how its owner recovers it after an
 * administrator reset its password or second factor. The link goes by e-mail to the address on
 * the account; only its SHA-256 is stored; it works once, until it expires, and a newer link
 * replaces it. The administrator who set it off never sees it — nor any password — so no admin
 * can take over an account by resetting it (docs/domain.md, "Who uses it").
 */
export type CredentialLinkKind = 'account_setup' | 'password_reset' | 'mfa_reset';

type LinkedAccount = {
  id: string;
  email: string | null;
  display_name: string;
  credential_link_resets: string[] | null;
  credential_link_expires_at: Date | string | null;
};

const RESETS: Record<CredentialLinkKind, Array<'password' | 'mfa'>> = {
  account_setup: ['password', 'mfa'],
  password_reset: ['password'],
  mfa_reset: ['mfa'],
};

const LINK_INVALID =
  'This link does not work any more: it was used, replaced by a newer one, or it expired. Ask your administrator to send a new one.';
export const credentialLinkInvalid = () =>
  new AppError(400, 'credential_link_invalid', LINK_INVALID, [{ path: 'token', message: LINK_INVALID }]);

/** Issues a link for the account (written through the actor's policy) and queues its e-mail. */
export async function issueCredentialLink(
  scope: CommandScope,
  config: Config,
  outbox: Outbox,
  account: LinkedAccount,
  kind: CredentialLinkKind,
): Promise<{ expiresAt: Date }> {
  const now = scope.clock.now();
  // A link still in force keeps what it resets: a password reset after a second-factor reset
  // leaves a link that does both.
  const inForce =
    account.credential_link_expires_at !== null && new Date(account.credential_link_expires_at) > now;
  const resets = [
    ...new Set([...(inForce ? (account.credential_link_resets ?? []) : []), ...RESETS[kind]]),
  ].sort();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + config.CREDENTIAL_LINK_HOURS * 3_600_000);
  const written = await scope.repos.staff.update(
    account.id,
    {
      credential_link_hash: sha256Hex(token),
      credential_link_expires_at: expiresAt,
      credential_link_resets: resets,
    },
    now,
    { action: 'user.credential_link_sent', details: { kind, resets } },
  );
  if (!written) throw scope.db.refuse('user.credential_link_sent', 'user', account.id);
  const by = (await scope.repos.staff.find(scope.actor.userId))?.display_name ?? null;
  for (const to of await recipientsOf(scope, [account]))
    outbox.add(mail.credentialLink(config, to, kind, token, expiresAt, by));
  return { expiresAt };
}

/** The account a link names while it is in force; null for any link that does not work. */
export async function accountOfLink(
  store: AuthStore,
  clock: Clock,
  token: string,
): Promise<Credentials | null> {
  const account = await store.credentialsByLink(sha256Hex(token));
  if (!account?.active || !account.credentialLinkExpiresAt) return null;
  return account.credentialLinkExpiresAt > clock.now() ? account : null;
}

export async function inspectCredentialLink(
  store: AuthStore,
  clock: Clock,
  token: string,
): Promise<CredentialLinkView> {
  const account = await accountOfLink(store, clock, token);
  if (!account) throw credentialLinkInvalid();
  return {
    email: account.email,
    displayName: account.displayName,
    setsPassword: account.credentialLinkResets.includes('password'),
    enrolsSecondFactor: account.credentialLinkResets.includes('mfa') || !account.mfaEnrolled,
    expiresAt: account.credentialLinkExpiresAt!.toISOString(),
  };
}

/**
 * Uses a link: sets the new password (or, after a second-factor reset, checks the current one),
 * spends the link, ends every session of the account, and returns the stage the new session
 * starts at — the second factor, which is still required (enrolled anew where it was reset).
 */
export async function redeemCredentialLink(
  store: AuthStore,
  audit: AuditRecorder,
  clock: Clock,
  input: { token: string; newPassword?: string | undefined; currentPassword?: string | undefined },
): Promise<{ account: Credentials; stage: SessionStage }> {
  const account = await accountOfLink(store, clock, input.token);
  if (!account) {
    audit.record({ action: 'auth.credential_link', outcome: 'failure', details: { reason: 'invalid' } });
    throw credentialLinkInvalid();
  }
  audit.identify({ userId: account.id, agencyId: account.agencyId, side: account.side });
  const record = (outcome: 'success' | 'failure', details: Record<string, unknown>) =>
    audit.record({
      action: 'auth.credential_link',
      outcome,
      resourceType: 'user',
      resourceId: account.id,
      details,
    });
  if (account.credentialLinkResets.includes('password')) {
    if (!input.newPassword) throw invalidInput('newPassword', 'Choose your new password');
    const verdict = judgePassword(input.newPassword, account);
    if (!verdict.acceptable) {
      record('failure', { reason: verdict.reason });
      throw new AppError(400, verdict.reason, verdict.message, [
        { path: 'newPassword', message: verdict.message },
      ]);
    }
    await store.setPassword(account.id, await hashPassword(input.newPassword));
  } else if (!input.currentPassword || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
    await store.recordPasswordFailure(account.id, clock.now());
    record('failure', { reason: 'wrong_password' });
    throw invalidInput('currentPassword', 'The password is not correct');
  }
  await store.spendCredentialLink(account.id);
  const ended = await store.deleteSessionsOf(account.id);
  record('success', { resets: account.credentialLinkResets, sessionsEnded: ended });
  const stage: SessionStage =
    account.mfaEnrolled && !account.credentialLinkResets.includes('mfa') ? 'mfa_verify' : 'mfa_enrolment';
  return { account, stage };
}
