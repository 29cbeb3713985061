import {
  AGENCY_KIND_SIDES,
  type AgencyKind,
  ROLE_SIDES,
  type Role,
  type Side,
  type UserAbilities,
} from '@tandem/shared';
import type { Actor } from './actor.js';
import { hasRole } from './actor.js';
import { CASE_ROLES, worksOnCases } from './case-roles.js';
import {
  allRows,
  anyOf,
  columnEquals,
  columnIn,
  noRows,
  type RowFilter,
  related,
  when,
} from './row-filter.js';
import type { TablePolicy } from './table-policy.js';

/** What the user policy needs to know about an account (existing or about to be created). */
export interface UserSubject {
  id?: string;
  agencyId: string | null;
  roles: readonly Role[];
  side: Side;
  /** Victim-side case roles waiting for a second person's approval. */
  pendingRoles?: readonly Role[];
  /** Who asked for the pending roles. */
  rolesRequestedBy?: string | null;
  active?: boolean;
  locked?: boolean;
  /** Failed sign-ins that slow the account down (Unlock lifts the delays too). */
  failedSignIns?: number;
}

/** Roles that administer accounts; they never sit on one account with a case role. */
export const ADMIN_ROLES: readonly Role[] = ['agency_admin', 'system_admin'];

/**
 * Case roles that open the women's files when held on the victim side: given by one person, they
 * take effect only when a second victim-side person of the agency approves (four eyes).
 */
export const VICTIM_CASE_ROLES: readonly Role[] = [
  'vss_case_manager',
  'partner_contact_worker',
  'child_protection_lead',
];

const needsApproval = (role: Role, side: Side) => side === 'victim' && VICTIM_CASE_ROLES.includes(role);

/** Holds, in force, a victim-side case role: the people who vouch for a new colleague. */
export const holdsVictimCaseRole = (actor: { side: Side; roles: readonly Role[] }) =>
  actor.roles.some((role) => needsApproval(role, actor.side));

const administers = (actor: Actor, subject: { agencyId: string | null }): boolean =>
  hasRole(actor, 'system_admin') ||
  (hasRole(actor, 'agency_admin') && actor.agencyId !== null && actor.agencyId === subject.agencyId);

/** A victim-side colleague of the agency: may see its accounts to judge a pending role. */
const victimSideOfAgency = (actor: Actor): RowFilter =>
  when(actor.side === 'victim' && actor.agencyId !== null, columnEquals('agency_id', actor.agencyId));

/**
 * Staff accounts, with separation of duties (docs/domain.md, "Who uses it"). An agency admin
 * manages the accounts of their own agency; the system admin creates agencies' first admins and
 * keeps accounts working, never gives a case role. Nobody changes their own roles; no account is
 * both administrator and case worker; a victim-side case role takes effect only once a second
 * victim-side person of the agency approves it.
 */
export const userPolicy = {
  /**
   * Staff accounts as rows: everyone reads their own; administrators the accounts they manage;
   * colleagues in the actor's networks read names and roles (to name each other on a case); the
   * victim side of an agency reads its accounts, with their addresses, to judge pending roles.
   * Credentials and one-time links never leave the authentication code (the system handle).
   */
  accounts: {
    holds: 'staff',
    read: (actor: Actor): RowFilter =>
      anyOf(
        userPolicy.managedRows(actor),
        victimSideOfAgency(actor),
        when(
          actor.agencyId !== null,
          related('agency_id', 'network_membership', columnIn('network_id', actor.networkIds), 'agency_id'),
        ),
      ),
    fields: {
      email: (actor: Actor): RowFilter => anyOf(userPolicy.managedRows(actor), victimSideOfAgency(actor)),
      language: (actor: Actor): RowFilter => userPolicy.managedRows(actor),
      must_change_password: (actor: Actor): RowFilter => userPolicy.managedRows(actor),
      mfa_enrolled_at: (actor: Actor): RowFilter => userPolicy.managedRows(actor),
      failed_sign_ins: (actor: Actor): RowFilter => userPolicy.managedRows(actor),
      last_failed_sign_in_at: (actor: Actor): RowFilter => userPolicy.managedRows(actor),
      mfa_failures: (actor: Actor): RowFilter => userPolicy.managedRows(actor),
      locked_until: (actor: Actor): RowFilter => userPolicy.managedRows(actor),
      last_sign_in_at: (actor: Actor): RowFilter => userPolicy.managedRows(actor),
      is_demo: (actor: Actor): RowFilter => userPolicy.managedRows(actor),
      credential_link_expires_at: (actor: Actor): RowFilter => userPolicy.managedRows(actor),
      credential_link_resets: (actor: Actor): RowFilter => userPolicy.managedRows(actor),
      password_hash: () => noRows,
      totp_secret_enc: () => noRows,
      totp_pending_secret_enc: () => noRows,
      totp_last_used_step: () => noRows,
      credential_link_hash: () => noRows,
    },
    // Approvers (victim-side case workers) write too: approving sets the roles they judged.
    write: (actor: Actor): RowFilter =>
      anyOf(userPolicy.administeredRows(actor), when(holdsVictimCaseRole(actor), victimSideOfAgency(actor))),
  } satisfies TablePolicy,

  /**
   * Calendar-feed tokens (README, "Calendar feed"): each user reads, creates and revokes their own
   * only — no administrator sees or ends another's. The hash never leaves the authentication code,
   * which finds a feed's owner by it before there is an actor.
   */
  calendarFeeds: {
    holds: 'staff',
    read: (actor: Actor): RowFilter => columnEquals('user_id', actor.userId),
    fields: { token_hash: () => noRows },
    write: (actor: Actor): RowFilter => columnEquals('user_id', actor.userId),
  } satisfies TablePolicy,

  /** The actor's own account and those they administer. */
  managedRows(actor: Actor): RowFilter {
    return anyOf(columnEquals('id', actor.userId), userPolicy.administeredRows(actor));
  },

  administeredRows(actor: Actor): RowFilter {
    if (hasRole(actor, 'system_admin')) return allRows;
    if (hasRole(actor, 'agency_admin') && actor.agencyId) return columnEquals('agency_id', actor.agencyId);
    return noRows;
  },

  /** May the actor create and manage staff accounts in this agency at all? */
  canManageStaffOf(actor: Actor, agencyId: string | null): boolean {
    return administers(actor, { agencyId });
  },

  /**
   * The system admin creates agency admins only (an agency's first admins); an agency admin any
   * other account that fits the agency — never an admin, so no admin can make the second person
   * who would approve their own request. Victim-side case roles wait for approval.
   */
  canCreate(actor: Actor, subject: UserSubject, agencyKind: AgencyKind | null): boolean {
    if (!administers(actor, subject) || !isAssignable(subject, agencyKind)) return false;
    return mayGive(actor, subject.roles);
  },

  /** Roles and side: never one's own; only the roles the actor may give can be added. */
  canUpdate(actor: Actor, current: UserSubject, next: UserSubject, agencyKind: AgencyKind | null): boolean {
    if (!administers(actor, current)) return false;
    const added = next.roles.filter((role) => !current.roles.includes(role));
    const rolesChange =
      current.side !== next.side ||
      added.length > 0 ||
      current.roles.some((role) => !next.roles.includes(role));
    if (!rolesChange) return true;
    if (current.id === actor.userId) return false;
    return mayGive(actor, current.side === next.side ? added : next.roles) && isAssignable(next, agencyKind);
  },

  /** Deactivate, reactivate, unlock, reset the password or the second factor: never oneself. */
  canAdminister(actor: Actor, subject: UserSubject): boolean {
    return administers(actor, subject) && subject.id !== actor.userId;
  },

  /**
   * Four eyes: a second person of the agency's victim side, neither the account's owner nor the
   * one who asked, who holds a victim-side case role in force. An agency whose victim side never
   * had a case worker (a new women's centre) has no such person: there a second victim-side
   * agency admin approves the first.
   */
  canApproveRoles(actor: Actor, subject: UserSubject, victimSideEverStaffed: boolean): boolean {
    if (!subject.pendingRoles?.length || subject.agencyId === null) return false;
    if (actor.agencyId !== subject.agencyId || actor.side !== 'victim') return false;
    if (actor.userId === subject.id || actor.userId === subject.rolesRequestedBy) return false;
    return holdsVictimCaseRole(actor) || (!victimSideEverStaffed && hasRole(actor, 'agency_admin'));
  },

  /** Refusing (or withdrawing) takes access away, never gives it: approvers and the agency's admins. */
  canRefuseRoles(actor: Actor, subject: UserSubject, victimSideEverStaffed: boolean): boolean {
    if (!subject.pendingRoles?.length) return false;
    return (
      userPolicy.canApproveRoles(actor, subject, victimSideEverStaffed) ||
      (hasRole(actor, 'agency_admin') && administers(actor, subject))
    );
  },

  /** Who sees the queue of pending roles at all. */
  seesRoleApprovals(actor: Actor): boolean {
    return actor.agencyId !== null && (holdsVictimCaseRole(actor) || hasRole(actor, 'agency_admin'));
  },

  abilitiesFor(actor: Actor, subject: UserSubject, victimSideEverStaffed: boolean): UserAbilities {
    const administer = userPolicy.canAdminister(actor, subject);
    return {
      update: administers(actor, subject),
      deactivate: administer && subject.active !== false,
      reactivate: administer && subject.active === false,
      unlock: administer && (subject.locked === true || (subject.failedSignIns ?? 0) > 0),
      resetPassword: administer,
      resetSecondFactor: administer,
      decideRoles: userPolicy.canApproveRoles(actor, subject, victimSideEverStaffed),
    };
  },

  /** The staff directory (names and roles of colleagues) is for naming people on a case. */
  canUseStaffDirectory(actor: Actor): boolean {
    return worksOnCases(actor);
  },
};

/** The system admin gives the agency-admin role and nothing else; an agency admin anything else. */
const mayGive = (actor: Actor, roles: readonly Role[]): boolean =>
  hasRole(actor, 'system_admin')
    ? roles.every((role) => role === 'agency_admin')
    : !roles.includes('agency_admin');

/**
 * Which of the roles asked for take effect now, and which wait for a second person: a victim-side
 * case role the account does not already hold in force on the same side waits. Roles taken away
 * go at once (taking access away needs no second person).
 */
export function planRoleChange(
  current: { roles: readonly Role[]; side: Side },
  next: { roles: readonly Role[]; side: Side },
): { inForce: Role[]; pending: Role[] } {
  const heldOnSameSide = (role: Role) => current.side === next.side && current.roles.includes(role);
  const pending = next.roles.filter((role) => needsApproval(role, next.side) && !heldOnSameSide(role));
  return { inForce: next.roles.filter((role) => !pending.includes(role)), pending };
}

/**
 * Roles and side must fit each other and the agency: a case role is bound to one side, an
 * agency only employs staff on the sides it works on (an account holding only administrative
 * roles may also be neutral), and no account both administers and works on cases.
 */
export function isAssignable(subject: UserSubject, agencyKind: AgencyKind | null): boolean {
  if (subject.roles.includes('system_admin')) return false;
  if (agencyKind === null || subject.roles.length === 0) return false;
  const holdsAny = (roles: readonly Role[]) => subject.roles.some((role) => roles.includes(role));
  if (holdsAny(ADMIN_ROLES) && holdsAny(CASE_ROLES)) return false;
  const sideFitsAgency =
    AGENCY_KIND_SIDES[agencyKind].includes(subject.side) ||
    (subject.side === 'neutral' && onlyAdministrative(subject.roles));
  return sideFitsAgency && subject.roles.every((role) => ROLE_SIDES[role].includes(subject.side));
}

const ADMINISTRATIVE_ROLES: readonly Role[] = ['agency_admin', 'network_coordinator', 'trainer', 'analyst'];
const onlyAdministrative = (roles: readonly Role[]) =>
  roles.every((role) => ADMINISTRATIVE_ROLES.includes(role));
