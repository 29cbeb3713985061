import type { Actor } from './actor.js';
import { ownedBy, worksOnCases } from './case-roles.js';
import { allOf, anyOf, columnEquals, granted, noRows, type RowFilter } from './row-filter.js';

/**
 * Critical events and informal contacts. What his side or another agency records about him
 * reaches whoever may see his safety information; what the victim side records about her
 * stays there (it is her disclosure) until shared on purpose.
 * Expects the query to join pp_episode as `e`.
 */
export const caseEventPolicy = {
  visibleRows(actor: Actor): RowFilter {
    if (!worksOnCases(actor) || !actor.agencyId) return noRows;
    const aboutHim = columnEquals('case_event.partner_person_id', null);
    return anyOf(
      ownedBy(actor, 'case_event.owner_agency_id', 'case_event.owner_side'),
      allOf(aboutHim, actor.side === 'perpetrator' ? columnEquals('e.agency_id', actor.agencyId) : noRows),
      allOf(aboutHim, granted('e.person_id', 'safety_concerns', actor)),
      // Her disclosures never reach the perpetrator side, whatever a grant says.
      actor.side === 'perpetrator'
        ? noRows
        : granted('case_event.partner_person_id', 'victim_disclosures', actor),
    );
  },

  /** The perpetrator side is never told that something came from her. */
  sourceFor(actor: Actor, source: string | null): string | null {
    return actor.side === 'perpetrator' && source === 'her' ? 'another_source' : source;
  },
};
