import type { Actor } from './actor.js';
import { hasRole } from './actor.js';
import { allRows, type RowFilter } from './row-filter.js';

/** Networks: names and meeting rhythm are not personal data; only the system admin shapes them. */
export const networkPolicy = {
  visibleRows(_actor: Actor): RowFilter {
    return allRows;
  },
  canCreate(actor: Actor): boolean {
    return hasRole(actor, 'system_admin');
  },
};
