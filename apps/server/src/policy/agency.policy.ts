import type { Actor } from './actor.js';
import { hasRole } from './actor.js';
import { allRows, type RowFilter } from './row-filter.js';

/**
 * Agencies form the service directory (DOMAIN.md §5): every signed-in user may read it.
 * Only the system admin creates agencies, changes them and places them in networks.
 */
export const agencyPolicy = {
  visibleRows(_actor: Actor): RowFilter {
    return allRows;
  },
  canCreate(actor: Actor): boolean {
    return hasRole(actor, 'system_admin');
  },
  canUpdate(actor: Actor): boolean {
    return hasRole(actor, 'system_admin');
  },
};
