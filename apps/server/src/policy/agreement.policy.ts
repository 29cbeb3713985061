import { type Actor, hasRole } from './actor.js';
import { anyOf, columnIn, noRows, type RowFilter } from './row-filter.js';

/**
 * Multi-agency agreements and Phase 1 meetings. The network coordinator records
 * organisation-level agreements and Phase 1 meetings for their networks; every agency that
 * is party to an agreement may read it.
 */
export const agreementPolicy = {
  visibleRows(actor: Actor): RowFilter {
    if (!actor.agencyId) return noRows;
    return anyOf(
      hasRole(actor, 'network_coordinator') ? columnIn('agreement.network_id', actor.networkIds) : noRows,
      { kind: 'agreementParty', agreementColumn: 'agreement.id', agencyId: actor.agencyId },
    );
  },

  canRecordForNetwork(actor: Actor, networkId: string): boolean {
    return hasRole(actor, 'network_coordinator') && actor.networkIds.includes(networkId);
  },

  phase1VisibleRows(actor: Actor): RowFilter {
    return columnIn('phase1_meeting.network_id', actor.networkIds);
  },
};
