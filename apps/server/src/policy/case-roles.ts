import type { Role } from '@tandem/shared';
import { sql } from 'kysely';
import { type Actor, hasAnyRole } from './actor.js';
import { allOf, columnEquals, noRows, type RowFilter } from './row-filter.js';

/**
 * Roles that work on cases. Administrators, coordinators, trainers and analysts see no case
 * content by virtue of their role (docs/domain.md, "Who uses it"): every case policy starts here.
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

/** Rows the actor's own agency and side recorded (case roles only). */
export function ownedBy(
  actor: Actor,
  agencyColumn = 'owner_agency_id',
  sideColumn: string | null = 'owner_side',
): RowFilter {
  if (!worksOnCases(actor) || !actor.agencyId) return noRows;
  return sideColumn
    ? allOf(columnEquals(agencyColumn, actor.agencyId), columnEquals(sideColumn, actor.side))
    : columnEquals(agencyColumn, actor.agencyId);
}

/** The row's own column names the person it is about (for the audit). */
export const subjectColumn = (column: string) => (table: string) =>
  sql.ref<string | null>(`${table}.${column}`);

/** The person is named by a parent row (e.g. attendance → its episode → him). */
export const subjectVia = (column: string, parentTable: string, parentSubject: string) => (table: string) =>
  sql<
    string | null
  >`(SELECT ${sql.ref(`p.${parentSubject}`)} FROM ${sql.table(parentTable)} p WHERE p.id = ${sql.ref(`${table}.${column}`)})`;
