import type { Role } from '@tandem/shared';
import { type Actor, hasAnyRole } from './actor.js';
import { allOf, columnEquals, noRows, type RowFilter } from './row-filter.js';

/**
 * Roles that work on cases. Administrators, coordinators, trainers and analysts see no case
 * content by virtue of their role (DOMAIN.md §1): every case policy starts from this list.
 */
export const CASE_ROLES: readonly Role[] = [
  'pp_case_manager',
  'vss_case_manager',
  'partner_contact_worker',
  'child_protection_lead',
  'agency_liaison',
];

export const worksOnCases = (actor: Actor): boolean =>
  actor.agencyId !== null && hasAnyRole(actor, CASE_ROLES);

/** Rows the actor's own agency and side recorded. */
export function ownedBy(
  actor: Actor,
  agencyColumn = 'owner_agency_id',
  sideColumn: string | null = 'owner_side',
): RowFilter {
  if (!actor.agencyId) return noRows;
  return sideColumn
    ? allOf(columnEquals(agencyColumn, actor.agencyId), columnEquals(sideColumn, actor.side))
    : columnEquals(agencyColumn, actor.agencyId);
}
