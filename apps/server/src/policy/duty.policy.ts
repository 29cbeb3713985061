import { type Actor, hasAnyRole } from './actor.js';
import { worksOnCases } from './case-roles.js';
import { anyOf, columnEquals, granted, noRows, type RowFilter } from './row-filter.js';

/** Duties to inform her live on the victim side: they are about reaching her safely. */
export const dutyPolicy = {
  visibleRows(actor: Actor): RowFilter {
    if (!worksOnCases(actor) || !actor.agencyId || actor.side !== 'victim') return noRows;
    return anyOf(
      columnEquals('duty_to_inform.owner_agency_id', actor.agencyId),
      granted('duty_to_inform.partner_person_id', 'victim_core', actor),
    );
  },

  canResolve(actor: Actor): boolean {
    return (
      worksOnCases(actor) &&
      actor.side === 'victim' &&
      hasAnyRole(actor, ['partner_contact_worker', 'vss_case_manager'])
    );
  },
};
