import type { Actor } from './actor.js';
import { hasAnyRole, hasRole } from './actor.js';
import {
  allRows,
  anyOf,
  columnEquals,
  columnIn,
  noRows,
  ofActorAgency,
  type RowFilter,
  when,
} from './row-filter.js';
import type { TablePolicy } from './table-policy.js';

/**
 * Networks, agencies and their memberships form the service directory (docs/domain.md, "Beyond
 * single cases"): not personal data, readable by every signed-in user. Only the system admin
 * shapes them.
 */
const systemAdminWrites = (actor: Actor): RowFilter => when(hasRole(actor, 'system_admin'), allRows);

const directoryTable: TablePolicy = { holds: 'organisation', read: () => allRows, write: systemAdminWrites };

/** A network's coordinator tunes its settings (which fields, the service says: networkPolicy). */
const networkWrites = (actor: Actor): RowFilter =>
  anyOf(
    systemAdminWrites(actor),
    when(hasRole(actor, 'network_coordinator'), columnIn('id', actor.networkIds)),
  );

/** An agency's directory entry is written by its own agency admin, and by the system admin. */
const entryWrites = (actor: Actor): RowFilter =>
  anyOf(systemAdminWrites(actor), when(hasRole(actor, 'agency_admin'), ofActorAgency('agency_id', actor)));

/**
 * Directory entries (README, "Service directory"): what a service tells the professionals of the
 * region about itself — approach, target groups, languages, partner contact, its lines for
 * professionals. No client's data and no street address. Every signed-in staff member, of any
 * role and side, reads the listed ones; an unlisted entry only those who write it.
 */
const directoryEntries: TablePolicy = {
  holds: 'organisation',
  read: (actor) => anyOf(columnEquals('listed', true), entryWrites(actor)),
  write: entryWrites,
};

export const agencyPolicy = {
  agencies: directoryTable,
  networks: { ...directoryTable, write: networkWrites } satisfies TablePolicy,
  memberships: directoryTable,
  directoryEntries,

  canCreate(actor: Actor): boolean {
    return hasRole(actor, 'system_admin');
  },
  canUpdate(actor: Actor): boolean {
    return hasRole(actor, 'system_admin');
  },
  /** Writes this agency's directory entry: its own agency admin, or the system admin. */
  canEditDirectoryEntry(actor: Actor, agencyId: string): boolean {
    return hasRole(actor, 'system_admin') || (hasRole(actor, 'agency_admin') && actor.agencyId === agencyId);
  },
};

/**
 * Networks: names and meeting rhythm are not personal data; only the system admin creates them.
 * Its settings (the risk checklist its cases use) are the system admin's and its coordinator's.
 */
export const networkPolicy = {
  canCreate(actor: Actor): boolean {
    return hasRole(actor, 'system_admin');
  },
  canChangeSettings(actor: Actor, networkId: string): boolean {
    return (
      hasRole(actor, 'system_admin') ||
      (hasRole(actor, 'network_coordinator') && actor.networkIds.includes(networkId))
    );
  },
  /**
   * A network's aggregate figures (counts only, small ones suppressed): its coordinator and its
   * analysts, who read no case (docs/domain.md, rule 6: analysts see aggregates, never a person).
   */
  readsStatistics(actor: Actor, networkId: string): boolean {
    return hasAnyRole(actor, ['network_coordinator', 'analyst']) && actor.networkIds.includes(networkId);
  },
};

/** Tables only the system handle reaches (sessions, recovery codes, rate-limit counters). */
export const systemOnly: TablePolicy = { holds: 'system', read: () => noRows, write: () => noRows };
