import type { Actor } from './actor.js';
import { hasRole } from './actor.js';
import { allRows, columnEquals, noRows, type RowFilter } from './row-filter.js';
import type { TablePolicy } from './table-policy.js';

/**
 * The audit trail itself: a system admin reads the installation's events; an agency admin (who
 * acts as the agency's data-protection contact) reads the events of their own staff. Audit rows
 * carry identifiers, never case content. Nobody writes them through the scoped handle: the audit
 * module appends them in the command's transaction.
 */
export const auditPolicy = {
  events: {
    holds: 'system',
    read: (actor: Actor): RowFilter => auditPolicy.visibleRows(actor),
    write: () => noRows,
  } satisfies TablePolicy,

  visibleRows(actor: Actor): RowFilter {
    if (hasRole(actor, 'system_admin')) return allRows;
    if (hasRole(actor, 'agency_admin') && actor.agencyId) return columnEquals('actor_agency_id', actor.agencyId);
    return noRows;
  },
};

/**
 * The "who saw / who received" view of one person, for the data-protection contact (the agency
 * admin) of the agency that holds the person's record. It lists who, when, what and on which
 * basis — never the content.
 */
export const accessLogPolicy = {
  canView(actor: Actor, person: { ownerAgencyId: string }): boolean {
    return hasRole(actor, 'agency_admin') && actor.agencyId === person.ownerAgencyId;
  },
};
