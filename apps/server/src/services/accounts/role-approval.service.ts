import type { Role, RoleApprovalView, Side } from '@tandem/shared';
import type { Config } from '../../config.js';
import type { CommandScope } from '../../data/command-scope.js';
import { forbidden } from '../../domain/errors.js';
import { holdsVictimCaseRole, userPolicy } from '../../policy/user.policy.js';
import { endSessionsOf } from '../auth.service.js';
import type { AccountRow } from '../staff.service.js';
import { subjectOf, victimSideStaffing } from '../staff.service.js';
import type { Outbox } from './account-mail.js';
import { mail, recipientsOf } from './messages.js';

/**
 * Four eyes on the women's files (docs/domain.md, "Who uses it"): a victim-side case role one
 * person gives takes effect only when a second victim-side person of the agency — a colleague
 * who holds such a role, not the one who asked nor the account's owner — approves it. Until
 * then it waits on the account (`pending_roles`) and opens nothing. The victim side is told of
 * every request and every decision, so an administrator cannot staff it unseen.
 */

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

type Decider = { id: string; email: string | null; display_name: string };

/** Who may decide on this account's pending roles (the victim side is told through them). */
async function decidersOf(scope: CommandScope, account: AccountRow): Promise<Decider[]> {
  if (!account.agency_id) return [];
  const staffed = await scope.repos.staff.victimSideEverStaffed(account.agency_id);
  const colleagues = await scope.repos.staff.victimSideOf(account.agency_id);
  return colleagues.filter(
    (colleague) =>
      colleague.id !== account.id &&
      colleague.id !== account.roles_requested_by &&
      (holdsVictimCaseRole({ side: colleague.side as Side, roles: colleague.roles as Role[] }) ||
        (!staffed && (colleague.roles as Role[]).includes('agency_admin'))),
  );
}

const actorName = async (scope: CommandScope) =>
  (await scope.repos.staff.find(scope.actor.userId))?.display_name ?? null;

/** Records the request and tells whoever may decide on it. */
export async function askForApproval(
  scope: CommandScope,
  config: Config,
  outbox: Outbox,
  account: AccountRow,
  pending: readonly Role[],
): Promise<void> {
  const deciders = await decidersOf(scope, account);
  scope.audit.record({
    action: 'user.roles_requested',
    outcome: 'success',
    resourceType: 'user',
    resourceId: account.id,
    details: { pendingRoles: [...pending], side: account.side, deciders: deciders.length },
  });
  const by = await actorName(scope);
  for (const to of await recipientsOf(scope, deciders))
    outbox.add(
      mail.rolesAwaitingApproval(
        config,
        to,
        { displayName: account.display_name, email: account.email ?? '' },
        pending,
        by,
      ),
    );
}

async function approvalView(
  scope: CommandScope,
  row: AccountRow,
  staffed: (agencyId: string | null) => Promise<boolean>,
): Promise<RoleApprovalView> {
  const subject = subjectOf(row);
  const everStaffed = await staffed(row.agency_id);
  return {
    user: {
      id: row.id,
      displayName: row.display_name,
      email: row.email ?? '',
      agencyId: row.agency_id ?? '',
      side: subject.side,
      roles: subject.roles as Role[],
      createdAt: new Date(row.created_at).toISOString(),
    },
    pendingRoles: (subject.pendingRoles ?? []) as Role[],
    requestedBy: row.roles_requested_by
      ? { id: row.roles_requested_by, displayName: row.requested_by_name ?? '' }
      : null,
    requestedAt: iso(row.roles_requested_at),
    can: {
      approve: userPolicy.canApproveRoles(scope.actor, subject, everStaffed),
      refuse: userPolicy.canRefuseRoles(scope.actor, subject, everStaffed),
    },
  };
}

/** The queue: the accounts of the actor's agency whose roles wait for a decision. */
export async function listRoleApprovals(scope: CommandScope): Promise<RoleApprovalView[]> {
  if (!userPolicy.seesRoleApprovals(scope.actor) || !scope.actor.agencyId) return [];
  const rows = await scope.repos.staff.withPendingRoles(scope.actor.agencyId);
  const staffed = victimSideStaffing(scope);
  return Promise.all(rows.map((row) => approvalView(scope, row, staffed)));
}

export async function decideRoles(
  scope: CommandScope,
  outbox: Outbox,
  id: string,
  decision: 'approved' | 'refused',
): Promise<RoleApprovalView['user']> {
  const action = decision === 'approved' ? 'user.roles_approved' : 'user.roles_refused';
  const row = await scope.repos.staff.find(id);
  if (!row?.agency_id) throw scope.db.refuse(action, 'user', id);
  const subject = subjectOf(row);
  const pending = (subject.pendingRoles ?? []) as Role[];
  const everStaffed = await scope.repos.staff.victimSideEverStaffed(row.agency_id);
  const allowed =
    decision === 'approved'
      ? userPolicy.canApproveRoles(scope.actor, subject, everStaffed)
      : userPolicy.canRefuseRoles(scope.actor, subject, everStaffed);
  if (!allowed) {
    scope.db.refuse(action, 'user', id, { pendingRoles: pending });
    throw forbidden(
      pending.length === 0
        ? 'No role waits for a decision on this account'
        : 'A second person of the victim side decides: not the one who asked, not the account’s owner',
    );
  }
  const now = scope.clock.now();
  const roles = decision === 'approved' ? [...new Set([...subject.roles, ...pending])] : subject.roles;
  const written = await scope.repos.staff.update(
    id,
    {
      roles: roles as Role[],
      pending_roles: [],
      roles_requested_by: null,
      roles_requested_at: null,
      ...(decision === 'approved' && {
        victim_role_approved_at: row.victim_role_approved_at ?? now,
      }),
    },
    now,
    { action, details: { pendingRoles: pending, roles, requestedBy: row.roles_requested_by } },
  );
  if (!written) throw scope.db.refuse(action, 'user', id);
  // New roles change what the account may see: its sessions start again.
  if (decision === 'approved') await endSessionsOf(scope, id);
  await tellOfDecision(scope, outbox, row, pending, decision);
  const updated = (await scope.repos.staff.find(id))!;
  return (await approvalView(scope, updated, victimSideStaffing(scope))).user;
}

/** The owner, the one who asked, and the victim side's other deciders learn the decision. */
async function tellOfDecision(
  scope: CommandScope,
  outbox: Outbox,
  row: AccountRow,
  roles: readonly Role[],
  decision: 'approved' | 'refused',
) {
  const requester = row.roles_requested_by ? await scope.repos.staff.find(row.roles_requested_by) : undefined;
  const recipients = new Map<string, Decider>();
  for (const person of [row, ...(requester ? [requester] : []), ...(await decidersOf(scope, row))])
    if (person.id !== scope.actor.userId && person.email) recipients.set(person.id, person);
  const by = await actorName(scope);
  for (const to of await recipientsOf(scope, [...recipients.values()]))
    outbox.add(mail.rolesDecided(to, { displayName: row.display_name }, roles, decision, by));
}
