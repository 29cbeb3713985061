import type { InformationKind } from '@tandem/shared';
import { type Actor, hasAnyRole } from './actor.js';
import { worksOnCases } from './case-roles.js';
import { anyOf, columnEquals, granted, noRows, type RowFilter } from './row-filter.js';

/**
 * Her file on the victim side: support episodes, consents, contact preferences, the partner
 * contact log, her disclosures. Never visible to the perpetrator side (DOMAIN.md §4 rules 1-2).
 */
export const victimFilePolicy = {
  visibleRows(
    actor: Actor,
    columns: { agency: string; person: string },
    kind: InformationKind = 'victim_core',
  ): RowFilter {
    if (!worksOnCases(actor) || !actor.agencyId || actor.side === 'perpetrator') return noRows;
    return anyOf(
      actor.side === 'victim' ? columnEquals(columns.agency, actor.agencyId) : noRows,
      granted(columns.person, kind, actor),
    );
  },

  /** Support, consent, contact preferences and partner contact are the victim side's work. */
  canWork(actor: Actor): boolean {
    return (
      worksOnCases(actor) &&
      actor.side === 'victim' &&
      hasAnyRole(actor, ['vss_case_manager', 'partner_contact_worker'])
    );
  },

  /** Only her case manager decides that something she disclosed may be shared (with her consent). */
  canShare(actor: Actor): boolean {
    return worksOnCases(actor) && actor.side === 'victim' && hasAnyRole(actor, ['vss_case_manager']);
  },
};
