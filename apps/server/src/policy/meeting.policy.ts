import { type Actor, hasAnyRole } from './actor.js';
import { worksOnCases } from './case-roles.js';
import { allOf, anyOf, columnEquals, granted, noRows, type RowFilter } from './row-filter.js';

/**
 * Phase 2 meetings and the joint action plan belong to the case managers of the joint case:
 * the programme's perpetrator side and her services' victim side. Other agencies of the case
 * see the actions assigned to them, never the minutes. Actions marked "victim side only" (her
 * own safety measures) never reach the perpetrator side.
 * Expects the query to join joint_case as `jc`.
 */
function caseStaff(actor: Actor): RowFilter {
  if (!worksOnCases(actor) || !actor.agencyId) return noRows;
  return anyOf(
    actor.side === 'perpetrator' ? columnEquals('jc.pp_agency_id', actor.agencyId) : noRows,
    actor.side === 'victim' ? columnEquals('jc.vss_agency_id', actor.agencyId) : noRows,
    actor.side === 'victim' ? granted('jc.partner_person_id', 'victim_core', actor) : noRows,
  );
}

export const meetingPolicy = {
  visibleRows(actor: Actor): RowFilter {
    return caseStaff(actor);
  },

  /** The case managers and the partner-contact worker run the meeting. */
  canRun(
    actor: Actor,
    jointCase: { ppCaseManagerId: string; vssCaseManagerId: string; partnerContactWorkerId: string | null },
  ): boolean {
    return [jointCase.ppCaseManagerId, jointCase.vssCaseManagerId, jointCase.partnerContactWorkerId].includes(
      actor.userId,
    );
  },
};

export const actionPolicy = {
  visibleRows(actor: Actor): RowFilter {
    if (!worksOnCases(actor) || !actor.agencyId) return noRows;
    const notHers =
      actor.side === 'perpetrator'
        ? columnEquals('action_item.victim_side_only', false)
        : { kind: 'all' as const };
    return allOf(
      notHers,
      anyOf(
        caseStaff(actor),
        allOf(
          columnEquals('action_item.responsible_agency_id', actor.agencyId),
          actor.side === 'perpetrator' ? noRows : { kind: 'all' },
        ),
      ),
    );
  },

  /** Victim-side-only actions are created by the victim side. */
  canCreate(actor: Actor, action: { victimSideOnly: boolean }): boolean {
    if (
      !worksOnCases(actor) ||
      !hasAnyRole(actor, [
        'pp_case_manager',
        'vss_case_manager',
        'partner_contact_worker',
        'child_protection_lead',
      ])
    )
      return false;
    return !action.victimSideOnly || actor.side === 'victim';
  },
};

/** Her safety plans: the victim side that holds her file, nobody else, ever. */
export const safetyPlanPolicy = {
  canRead(actor: Actor, seesHerFile: boolean): boolean {
    return worksOnCases(actor) && actor.side === 'victim' && seesHerFile;
  },
  canWrite(actor: Actor, seesHerFile: boolean): boolean {
    return (
      this.canRead(actor, seesHerFile) && hasAnyRole(actor, ['vss_case_manager', 'partner_contact_worker'])
    );
  },
};
