import type { Actor } from './actor.js';
import { hasRole } from './actor.js';
import { columnEquals, noRows, type RowFilter } from './row-filter.js';

/**
 * The audit trail itself: a system admin reads the installation's events; an agency admin
 * (who acts as the agency's data-protection contact) reads the events of their own staff.
 * Audit rows carry identifiers, never case content.
 */
export const auditPolicy = {
  visibleRows(actor: Actor): RowFilter {
    if (hasRole(actor, 'system_admin')) return { kind: 'all' };
    if (hasRole(actor, 'agency_admin') && actor.agencyId)
      return columnEquals('actor_agency_id', actor.agencyId);
    return noRows;
  },
};
