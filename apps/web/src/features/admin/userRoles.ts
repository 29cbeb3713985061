import {
  AGENCY_KIND_SIDES,
  type AgencyView,
  ROLE_SIDES,
  ROLES,
  type Role,
  SIDES,
  type Side,
} from '@tandem/shared';

/** Roles an admin hands out in an agency (system administrators are not made here). */
export function assignableRoles(side: Side): Role[] {
  return ROLES.filter((role) => role !== 'system_admin' && ROLE_SIDES[role].includes(side));
}

export function sidesForAgency(agency: Pick<AgencyView, 'kind'> | undefined): readonly Side[] {
  return agency ? AGENCY_KIND_SIDES[agency.kind] : SIDES;
}

/** The roles of a user that can still be held after a change of side. */
export const rolesHeldOn = (roles: readonly Role[], side: Side): Role[] =>
  roles.filter((role) => ROLE_SIDES[role].includes(side));
