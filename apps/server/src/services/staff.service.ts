import type { Language, Role, Side, StaffView, UserCreate, UserUpdate, UserView } from '@tandem/shared';
import type { Config } from '../config.js';
import type { CommandScope } from '../data/command-scope.js';
import { conflict, invalidInput } from '../domain/errors.js';
import { hasRole } from '../policy/actor.js';
import { CASE_ROLES } from '../policy/case-roles.js';
import { planRoleChange, type UserSubject, userPolicy } from '../policy/user.policy.js';
import { unusablePasswordHash } from '../security/passwords.js';
import type { Outbox } from './accounts/account-mail.js';
import { issueCredentialLink } from './accounts/credential-links.js';
import { askForApproval } from './accounts/role-approval.service.js';
import { endSessionsOf } from './auth.service.js';

export type AccountRow = NonNullable<Awaited<ReturnType<CommandScope['repos']['staff']['find']>>>;

const STAFF_DIRECTORY_SIZE = 200;

export const subjectOf = (row: AccountRow, now?: Date): UserSubject => ({
  id: row.id,
  agencyId: row.agency_id,
  roles: row.roles as Role[],
  side: row.side as Side,
  pendingRoles: (row.pending_roles ?? []) as Role[],
  rolesRequestedBy: row.roles_requested_by,
  active: row.active,
  locked: now !== undefined && row.locked_until !== null && new Date(row.locked_until) > now,
  failedSignIns: row.failed_sign_ins ?? 0,
});

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** Whether the agency's victim side ever had a case worker, asked once per agency and command. */
export function victimSideStaffing(scope: CommandScope) {
  const known = new Map<string, Promise<boolean>>();
  return (agencyId: string | null): Promise<boolean> => {
    if (agencyId === null) return Promise.resolve(true);
    let answer = known.get(agencyId);
    if (!answer) {
      answer = scope.repos.staff.victimSideEverStaffed(agencyId);
      known.set(agencyId, answer);
    }
    return answer;
  };
}

export async function accountView(
  scope: CommandScope,
  row: AccountRow,
  staffed = victimSideStaffing(scope),
): Promise<UserView> {
  const now = scope.clock.now();
  const subject = subjectOf(row, now);
  const linkInForce =
    row.credential_link_expires_at !== null && new Date(row.credential_link_expires_at) > now;
  return {
    id: row.id,
    email: row.email ?? '',
    displayName: row.display_name,
    agencyId: row.agency_id,
    roles: subject.roles as Role[],
    pendingRoles: subject.pendingRoles as Role[],
    rolesRequestedBy: row.roles_requested_by
      ? { id: row.roles_requested_by, displayName: row.requested_by_name ?? '' }
      : null,
    rolesRequestedAt: iso(row.roles_requested_at),
    side: subject.side,
    language: (row.language ?? 'en') as Language,
    active: row.active,
    mfaEnrolled: row.mfa_enrolled_at !== null,
    locked: subject.locked === true,
    failedSignIns: row.failed_sign_ins ?? 0,
    lastFailedSignInAt: iso(row.last_failed_sign_in_at),
    credentialLink: linkInForce
      ? {
          resets: (row.credential_link_resets ?? []) as Array<'password' | 'mfa'>,
          expiresAt: iso(row.credential_link_expires_at)!,
        }
      : null,
    lastSignInAt: iso(row.last_sign_in_at),
    createdAt: new Date(row.created_at).toISOString(),
    can: userPolicy.abilitiesFor(scope.actor, subject, await staffed(row.agency_id)),
  };
}

/**
 * Staff accounts (docs/domain.md, "Who uses it"). An agency admin invites colleagues: the new
 * account's owner gets a one-time link by e-mail to set a password and a second factor — the
 * admin never sees a credential. The system admin creates agencies' first admins only.
 */
export async function listStaffAccounts(
  scope: CommandScope,
  query: { limit: number; cursor?: string | undefined; agencyId?: string | undefined },
) {
  const page = await scope.repos.staff.listManaged(query);
  scope.audit.record({
    action: 'user.list',
    outcome: 'success',
    resourceType: 'user',
    details: { agencyId: query.agencyId ?? null, returned: page.items.length },
  });
  const staffed = victimSideStaffing(scope);
  const items = await Promise.all(page.items.map((row) => accountView(scope, row, staffed)));
  return { items, nextCursor: page.nextCursor };
}

/** One account the actor manages; one answer (404) for "does not exist" and "not yours". */
export async function staffAccountView(scope: CommandScope, id: string): Promise<UserView> {
  const row = await managedAccount(scope, id, 'user.read');
  scope.audit.record({ action: 'user.read', outcome: 'success', resourceType: 'user', resourceId: id });
  return accountView(scope, row);
}

export async function createStaffAccount(
  scope: CommandScope,
  config: Config,
  outbox: Outbox,
  input: UserCreate,
) {
  const { actor, repos } = scope;
  const agencyId = input.agencyId ?? actor.agencyId;
  if (!agencyId)
    throw invalidInput(
      'agencyId',
      hasRole(actor, 'system_admin') ? 'Choose the agency' : 'Your account has no agency',
    );
  if (!userPolicy.canManageStaffOf(actor, agencyId))
    throw scope.db.refuse('user.create', 'user', undefined, { agencyId });
  const subject: UserSubject = { agencyId, roles: input.roles, side: input.side };
  if (!userPolicy.canCreate(actor, subject, await repos.directory.agencyKind(agencyId))) {
    scope.db.refuse('user.create', 'user', undefined, { agencyId, roles: input.roles, side: input.side });
    throw invalidInput('roles', refusedRolesMessage(scope, input.roles));
  }
  // One answer whether the address is used in this agency or elsewhere: an admin does not
  // learn which addresses other agencies' staff have (the address is unique installation-wide).
  const unavailable = () => {
    scope.db.refuse('user.create', 'user', undefined, { agencyId, reason: 'email_unavailable' });
    return conflict(
      'email',
      'This e-mail address cannot be used for a new account. Check it, or use another.',
    );
  };
  if (await repos.staff.managedIdByEmail(input.email)) throw unavailable();
  const plan = planRoleChange({ roles: [], side: input.side }, { roles: input.roles, side: input.side });
  const now = scope.clock.now();
  const id = await repos.staff
    .insert({
      agency_id: agencyId,
      email: input.email,
      display_name: input.displayName,
      roles: plan.inForce,
      pending_roles: plan.pending,
      ...(plan.pending.length > 0 && { roles_requested_by: actor.userId, roles_requested_at: now }),
      side: input.side,
      language: input.language,
      // No password until the owner chooses one through the link.
      password_hash: await unusablePasswordHash(),
    })
    .catch((error: unknown) => {
      if ((error as { code?: unknown }).code === '23505') throw unavailable();
      throw error;
    });
  const created = await managedAccount(scope, id, 'user.create');
  if (plan.pending.length > 0) await askForApproval(scope, config, outbox, created, plan.pending);
  const link = await issueCredentialLink(scope, config, outbox, created, 'account_setup');
  return {
    user: await accountView(scope, await managedAccount(scope, id, 'user.create')),
    linkSentTo: created.email ?? '',
    linkExpiresAt: link.expiresAt.toISOString(),
  };
}

export async function updateStaffAccount(
  scope: CommandScope,
  config: Config,
  outbox: Outbox,
  id: string,
  changes: UserUpdate,
): Promise<UserView> {
  const current = await managedAccount(scope, id, 'user.update');
  const before = subjectOf(current);
  // The roles asked for: those in force and those waiting, as the admin sees them together.
  const asked = [...before.roles, ...(before.pendingRoles ?? [])];
  const requested = changes.roles ?? asked;
  const next: UserSubject = { ...before, roles: requested, side: changes.side ?? before.side };
  const agencyKind = current.agency_id ? await scope.repos.directory.agencyKind(current.agency_id) : null;
  if (!userPolicy.canUpdate(scope.actor, { ...before, roles: asked }, next, agencyKind)) {
    scope.db.refuse('user.update', 'user', id);
    throw invalidInput('roles', refusedRolesMessage(scope, requested, current.id === scope.actor.userId));
  }
  const plan = planRoleChange(before, { roles: requested, side: next.side });
  const pendingBefore = before.pendingRoles ?? [];
  const pendingChanged =
    plan.pending.length !== pendingBefore.length ||
    plan.pending.some((role) => !pendingBefore.includes(role));
  const rolesChanged =
    plan.inForce.length !== before.roles.length || plan.inForce.some((role) => !before.roles.includes(role));
  const now = scope.clock.now();
  const set = {
    ...(changes.displayName !== undefined && { display_name: changes.displayName }),
    ...(changes.language !== undefined && { language: changes.language }),
    ...(changes.side !== undefined && { side: changes.side }),
    ...((changes.roles !== undefined || changes.side !== undefined) && {
      roles: plan.inForce,
      pending_roles: plan.pending,
      ...(pendingChanged && {
        roles_requested_by: plan.pending.length > 0 ? scope.actor.userId : null,
        roles_requested_at: plan.pending.length > 0 ? now : null,
      }),
    }),
  };
  const fields = Object.keys(changes).filter((key) => changes[key as keyof UserUpdate] !== undefined);
  const details = {
    fields,
    ...(rolesChanged && {
      roles: plan.inForce,
      added: plan.inForce.filter((role) => !before.roles.includes(role)),
      removed: before.roles.filter((role) => !plan.inForce.includes(role)),
    }),
    ...(pendingChanged && { pendingRoles: plan.pending }),
    ...(changes.side !== undefined && { side: changes.side }),
  };
  if (!(await scope.repos.staff.update(id, set, now, { action: 'user.update', details })))
    throw scope.db.refuse('user.update', 'user', id);
  // A change of roles or side changes what the account may see: its sessions end.
  if (rolesChanged || changes.side !== undefined) await endSessionsOf(scope, id);
  const updated = await managedAccount(scope, id, 'user.update');
  if (pendingChanged && plan.pending.length > 0)
    await askForApproval(scope, config, outbox, updated, plan.pending);
  return accountView(scope, updated);
}

function refusedRolesMessage(scope: CommandScope, roles: readonly Role[], own = false): string {
  if (own) return 'Nobody changes their own roles: ask another administrator';
  if (hasRole(scope.actor, 'system_admin') && roles.some((role) => role !== 'agency_admin'))
    return 'The system admin creates agency admins only; they create their colleagues';
  if (roles.includes('agency_admin') && roles.some((role) => CASE_ROLES.includes(role)))
    return 'An administrator holds no case role: give the casework to another account';
  return 'These roles and this side cannot be given in this agency';
}

/**
 * The staff directory: names and roles of active colleagues in the actor's networks, to name
 * them on a case — no e-mail, no sign-in data (the policy masks those columns).
 */
export async function staffDirectory(
  scope: CommandScope,
  query: { agencyId?: string | undefined; role?: Role | undefined },
): Promise<StaffView[]> {
  if (!userPolicy.canUseStaffDirectory(scope.actor)) return [];
  const rows = await scope.repos.staff.directory({ ...query, limit: STAFF_DIRECTORY_SIZE });
  return rows.flatMap((row) =>
    row.agency_id
      ? [{ id: row.id, displayName: row.display_name, roles: row.roles as Role[], agencyId: row.agency_id }]
      : [],
  );
}

export async function managedAccount(scope: CommandScope, id: string, action: string): Promise<AccountRow> {
  const row = await scope.repos.staff.findManaged(id);
  if (!row) throw scope.db.refuse(action, 'user', id);
  return row;
}
