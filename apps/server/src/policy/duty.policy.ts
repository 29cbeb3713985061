import { type Actor, hasAnyRole } from './actor.js';
import { subjectColumn, worksOnCases } from './case-roles.js';
import { anyOf, granted, noRows, ofActorAgency, type RowFilter, when } from './row-filter.js';
import type { TablePolicy } from './table-policy.js';

/** Duties to inform her live on the victim side: they are about reaching her safely. */
function herSide(actor: Actor): RowFilter {
  if (!worksOnCases(actor) || actor.side !== 'victim') return noRows;
  return anyOf(ofActorAgency('owner_agency_id', actor), granted('partner_person_id', 'victim_core', actor));
}

export const dutyPolicy = {
  table: {
    holds: 'client',
    subject: subjectColumn('partner_person_id'),
    read: herSide,
    write: (actor: Actor): RowFilter => when(dutyPolicy.canResolve(actor), herSide(actor)),
  } satisfies TablePolicy,

  canResolve(actor: Actor): boolean {
    return (
      worksOnCases(actor) &&
      actor.side === 'victim' &&
      hasAnyRole(actor, ['partner_contact_worker', 'vss_case_manager'])
    );
  },

  /** What the actor may do with one duty it sees: resolve it while it is open. */
  abilities(actor: Actor, duty: { state: string }) {
    return { resolve: dutyPolicy.canResolve(actor) && duty.state === 'open' };
  },
};
