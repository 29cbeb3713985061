import type { UserView } from '@tandem/shared';
import type { Config } from '../../config.js';
import { AuthStore } from '../../data/auth.store.js';
import type { CommandScope } from '../../data/command-scope.js';
import { invalidInput } from '../../domain/errors.js';
import { userPolicy } from '../../policy/user.policy.js';
import { unusablePasswordHash } from '../../security/passwords.js';
import { endSessionsOf, forgetRecoveryCodesOf } from '../auth.service.js';
import { type AccountRow, accountView, managedAccount, subjectOf } from '../staff.service.js';
import type { Outbox } from './account-mail.js';
import { issueCredentialLink } from './credential-links.js';

/** Administrative actions on another account: each is one policy decision and one audit row. */
export type StaffAdministration = 'deactivate' | 'reactivate' | 'unlock';

export async function administerStaffAccount(
  scope: CommandScope,
  id: string,
  kind: StaffAdministration,
): Promise<UserView> {
  const action = `user.${kind}`;
  const row = await administrableAccount(scope, id, action);
  const set = {
    deactivate: { active: false },
    reactivate: { active: true, mfa_failures: 0, locked_until: null },
    unlock: { failed_sign_ins: 0, mfa_failures: 0, locked_until: null },
  }[kind];
  if (!(await scope.repos.staff.update(id, set, scope.clock.now(), { action })))
    throw scope.db.refuse(action, 'user', id);
  if (kind === 'deactivate') await endSessionsOf(scope, id);
  // Unlocking also lifts the sign-in delays wrong passwords set on the address, from anywhere.
  if (kind === 'unlock' && row.email)
    await new AuthStore(scope.system('authentication')).throttle.clearForEmail(row.email);
  return accountView(scope, await managedAccount(scope, id, action));
}

/**
 * Resets never hand a credential to the administrator: the password is voided (or the second
 * factor removed), every session of the account ends, and its owner gets a one-time link by
 * e-mail — the message that tells them, too. So resetting both the password and the second
 * factor gives the administrator nothing to sign in with.
 */
export async function resetStaffCredential(
  scope: CommandScope,
  config: Config,
  outbox: Outbox,
  id: string,
  kind: 'password' | 'mfa',
) {
  const action = kind === 'password' ? 'user.reset_password' : 'user.reset_mfa';
  const row = await administrableAccount(scope, id, action);
  const set =
    kind === 'password'
      ? { password_hash: await unusablePasswordHash(), must_change_password: false, failed_sign_ins: 0 }
      : {
          totp_secret_enc: null,
          totp_pending_secret_enc: null,
          mfa_enrolled_at: null,
          totp_last_used_step: null,
          mfa_failures: 0,
          locked_until: null,
        };
  if (!(await scope.repos.staff.update(id, set, scope.clock.now(), { action })))
    throw scope.db.refuse(action, 'user', id);
  if (kind === 'mfa') await forgetRecoveryCodesOf(scope, id);
  await endSessionsOf(scope, id);
  // An account never set up gets its set-up link again, not news of a reset it never had.
  const neverSetUp = row.mfa_enrolled_at === null && row.last_sign_in_at === null;
  const link = await issueCredentialLink(
    scope,
    config,
    outbox,
    row,
    kind === 'mfa' ? 'mfa_reset' : neverSetUp ? 'account_setup' : 'password_reset',
  );
  return {
    user: await accountView(scope, await managedAccount(scope, id, action)),
    linkSentTo: row.email ?? '',
    linkExpiresAt: link.expiresAt.toISOString(),
  };
}

/** An account the actor administers and that is not their own (no admin locks themself out). */
async function administrableAccount(scope: CommandScope, id: string, action: string): Promise<AccountRow> {
  const row = await managedAccount(scope, id, action);
  if (!userPolicy.canManageStaffOf(scope.actor, row.agency_id)) throw scope.db.refuse(action, 'user', id);
  if (!userPolicy.canAdminister(scope.actor, subjectOf(row))) {
    scope.db.refuse(action, 'user', id);
    throw invalidInput('id', 'You cannot do this to your own account');
  }
  return row;
}
