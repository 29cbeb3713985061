import { type Actor, hasAnyRole } from './actor.js';
import { worksOnCases } from './case-roles.js';
import { anyOf, columnEquals, granted, noRows, type RowFilter } from './row-filter.js';

/**
 * The joint case: its header (number, status, who works on it) is visible to the programme's
 * perpetrator side, her support service's victim side, the partner-contact service, and the
 * agencies party to its case-level agreement. What is inside is decided per kind by grants.
 */
export const jointCasePolicy = {
  visibleRows(actor: Actor, table = 'joint_case'): RowFilter {
    if (!worksOnCases(actor) || !actor.agencyId) return noRows;
    return anyOf(
      actor.side === 'perpetrator' ? columnEquals(`${table}.pp_agency_id`, actor.agencyId) : noRows,
      actor.side === 'victim' ? columnEquals(`${table}.vss_agency_id`, actor.agencyId) : noRows,
      actor.side === 'victim' ? granted(`${table}.partner_person_id`, 'victim_core', actor) : noRows,
      actor.side !== 'perpetrator'
        ? { kind: 'agreementParty', agreementColumn: `${table}.agreement_id`, agencyId: actor.agencyId }
        : noRows,
    );
  },

  /** Her case manager opens the joint case: her consent, which it rests on, is on her side. */
  canCreate(actor: Actor): boolean {
    return worksOnCases(actor) && actor.side === 'victim' && hasAnyRole(actor, ['vss_case_manager']);
  },

  canClose(actor: Actor, jointCase: { ppCaseManagerId: string; vssCaseManagerId: string }): boolean {
    return actor.userId === jointCase.ppCaseManagerId || actor.userId === jointCase.vssCaseManagerId;
  },

  /** Case managers of either side record critical events and informal contacts; so do liaisons. */
  canRecordEvents(actor: Actor): boolean {
    return worksOnCases(actor);
  },
};
