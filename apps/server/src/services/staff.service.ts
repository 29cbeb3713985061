import type { UserCreate, UserUpdate } from '@tandem/shared';
import type { DataScope } from '../data/data-scope.js';
import type { UserAdministration } from '../data/user.repository.js';
import { invalidInput } from '../http/errors.js';
import { hasRole } from '../policy/actor.js';
import { generateTemporaryPassword, hashPassword } from '../security/passwords.js';

/**
 * Staff accounts: an agency admin invites colleagues with a temporary password that must be
 * changed at first sign-in, after which the second factor is enrolled.
 */
export async function createStaffAccount(scope: DataScope, input: UserCreate) {
  const agencyId = input.agencyId ?? scope.actor.agencyId;
  if (!agencyId) {
    throw invalidInput(
      'agencyId',
      hasRole(scope.actor, 'system_admin') ? 'Choose the agency' : 'Your account has no agency',
    );
  }
  const agencyKind = await scope.agencies.kindOf(agencyId);
  const temporaryPassword = generateTemporaryPassword();
  const user = await scope.users.create(
    {
      agencyId,
      email: input.email,
      displayName: input.displayName,
      roles: input.roles,
      side: input.side,
      language: input.language,
      passwordHash: await hashPassword(temporaryPassword),
    },
    agencyKind,
  );
  return { user, temporaryPassword };
}

export function updateStaffAccount(scope: DataScope, id: string, changes: UserUpdate) {
  return scope.users.update(id, changes, (agencyId) => scope.agencies.kindOf(agencyId));
}

export async function resetStaffPassword(scope: DataScope, id: string) {
  const temporaryPassword = generateTemporaryPassword();
  const user = await scope.users.administer(id, {
    kind: 'reset_password',
    passwordHash: await hashPassword(temporaryPassword),
  });
  return { user, temporaryPassword };
}

export function administerStaffAccount(
  scope: DataScope,
  id: string,
  kind: Exclude<UserAdministration['kind'], 'reset_password'>,
) {
  return scope.users.administer(id, { kind } as UserAdministration);
}
