import { AGENCY_KIND_SIDES, type AgencyKind, ROLE_SIDES, type Role, type Side } from '@tandem/shared';
import type { Actor } from './actor.js';
import { hasRole } from './actor.js';
import { allRows, anyOf, columnEquals, columnIn, noRows, type RowFilter, related, when } from './row-filter.js';
import type { TablePolicy } from './table-policy.js';

/** What the user policy needs to know about an account (existing or about to be created). */
export interface UserSubject {
  id?: string;
  agencyId: string | null;
  roles: readonly Role[];
  side: Side;
}

const administers = (actor: Actor, subject: { agencyId: string | null }): boolean =>
  hasRole(actor, 'system_admin') ||
  (hasRole(actor, 'agency_admin') && actor.agencyId !== null && actor.agencyId === subject.agencyId);

/**
 * Staff accounts. An agency admin manages the accounts of their own agency; a system admin
 * manages every agency's. Everyone may read their own account. Nobody grants the
 * system-admin role through the app, and no admin locks themself out.
 */
export const userPolicy = {
  /**
   * Staff accounts as rows: everyone reads their own; administrators the accounts they manage;
   * colleagues in the actor's networks read names and roles (to name each other on a case).
   * Credentials never leave the authentication code, which uses the system handle.
   */
  accounts: {
    holds: 'staff',
    read: (actor: Actor): RowFilter =>
      anyOf(
        userPolicy.managedRows(actor),
        when(actor.agencyId !== null, related('agency_id', 'network_membership', columnIn('network_id', actor.networkIds), 'agency_id')),
      ),
    fields: {
      email: (actor: Actor): RowFilter => userPolicy.managedRows(actor),
      language: (actor: Actor): RowFilter => userPolicy.managedRows(actor),
      must_change_password: (actor: Actor): RowFilter => userPolicy.managedRows(actor),
      mfa_enrolled_at: (actor: Actor): RowFilter => userPolicy.managedRows(actor),
      failed_sign_ins: (actor: Actor): RowFilter => userPolicy.managedRows(actor),
      locked_until: (actor: Actor): RowFilter => userPolicy.managedRows(actor),
      last_sign_in_at: (actor: Actor): RowFilter => userPolicy.managedRows(actor),
      is_demo: (actor: Actor): RowFilter => userPolicy.managedRows(actor),
      password_hash: () => noRows,
      totp_secret_enc: () => noRows,
      totp_pending_secret_enc: () => noRows,
      totp_last_used_step: () => noRows,
    },
    write: (actor: Actor): RowFilter => userPolicy.administeredRows(actor),
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

  canCreate(actor: Actor, subject: UserSubject, agencyKind: AgencyKind | null): boolean {
    return administers(actor, subject) && isAssignable(subject, agencyKind);
  },

  canUpdate(actor: Actor, current: UserSubject, next: UserSubject, agencyKind: AgencyKind | null): boolean {
    if (!administers(actor, current)) return false;
    // An admin may not strip their own admin role: an agency must never be left unmanaged by accident.
    if (
      current.id === actor.userId &&
      !next.roles.includes('agency_admin') &&
      current.roles.includes('agency_admin')
    ) {
      return false;
    }
    return isAssignable(next, agencyKind);
  },

  /** Deactivate, reactivate, unlock, reset MFA, reset password. */
  canAdminister(actor: Actor, subject: UserSubject): boolean {
    return administers(actor, subject) && subject.id !== actor.userId;
  },
};

/**
 * Roles and side must fit each other and the agency: a case role is bound to one side,
 * and an agency only employs staff on the sides it works on.
 */
export function isAssignable(subject: UserSubject, agencyKind: AgencyKind | null): boolean {
  if (subject.roles.includes('system_admin')) return false;
  if (agencyKind === null) return false;
  const sideFitsAgency =
    AGENCY_KIND_SIDES[agencyKind].includes(subject.side) || onlyAdministrative(subject.roles);
  return sideFitsAgency && subject.roles.every((role) => ROLE_SIDES[role].includes(subject.side));
}

const ADMINISTRATIVE_ROLES: readonly Role[] = ['agency_admin', 'network_coordinator', 'trainer', 'analyst'];
const onlyAdministrative = (roles: readonly Role[]) =>
  roles.every((role) => ADMINISTRATIVE_ROLES.includes(role));
