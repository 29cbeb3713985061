import { type Actor, hasRole } from './actor.js';
import { worksOnCases } from './case-roles.js';
import { anyOf, columnEquals, granted, noRows, type RowFilter } from './row-filter.js';

/**
 * His programme episode (status, attendance, release, the partners he named): the
 * programme's perpetrator side owns it; the victim side and other agencies see it through
 * grants from his release and the joint case.
 */
export const ppEpisodePolicy = {
  visibleRows(actor: Actor, table = 'pp_episode'): RowFilter {
    if (!worksOnCases(actor) || !actor.agencyId) return noRows;
    return anyOf(
      actor.side === 'perpetrator' ? columnEquals(`${table}.agency_id`, actor.agencyId) : noRows,
      granted(`${table}.person_id`, 'programme', actor),
    );
  },

  canRefer(actor: Actor): boolean {
    return worksOnCases(actor) && actor.side === 'perpetrator' && hasRole(actor, 'pp_case_manager');
  },

  canManage(actor: Actor, episode: { agencyId: string }): boolean {
    return this.canRefer(actor) && actor.agencyId === episode.agencyId;
  },

  /** The perpetrator side sees a partner he named as a label only, never the link to her record. */
  canSeePartnerRecordLink(actor: Actor): boolean {
    return actor.side !== 'perpetrator';
  },
};
