import { type Actor, hasAnyRole } from './actor.js';
import { subjectColumn, worksOnCases } from './case-roles.js';
import {
  agreementParty,
  allOf,
  anyOf,
  columnEquals,
  granted,
  noRows,
  ofActorAgency,
  type RowFilter,
  related,
  when,
} from './row-filter.js';
import type { TablePolicy } from './table-policy.js';

/**
 * Who a reader is to a joint case, as filters over joint_case rows. Every table that belongs to
 * a joint case decides through these, so "her service" and "his programme" are written once.
 */
export const caseRelation = {
  /** The programme that runs his episode: its perpetrator side. */
  hisProgramme(actor: Actor): RowFilter {
    return when(worksOnCases(actor) && actor.side === 'perpetrator', ofActorAgency('pp_agency_id', actor));
  },
  /** Her support service: the case's VSS, or a victim-side service holding her file by a grant. */
  herService(actor: Actor): RowFilter {
    if (!worksOnCases(actor) || actor.side !== 'victim') return noRows;
    return anyOf(ofActorAgency('vss_agency_id', actor), granted('partner_person_id', 'victim_core', actor));
  },
  /** A further agency named in the case-level agreement (never on the perpetrator side). */
  party(actor: Actor): RowFilter {
    return when(worksOnCases(actor) && actor.side !== 'perpetrator', agreementParty('agreement_id', actor.agencyId));
  },
  /** The two sides that run the case together (meetings, action plan). */
  caseStaff(actor: Actor): RowFilter {
    return anyOf(this.hisProgramme(actor), this.herService(actor));
  },
  /** The case managers (and the partner-contact worker) named on the case. */
  namedOn(actor: Actor): RowFilter {
    return anyOf(
      columnEquals('pp_case_manager_id', actor.userId),
      columnEquals('vss_case_manager_id', actor.userId),
      columnEquals('partner_contact_worker_id', actor.userId),
    );
  },
  caseManager(actor: Actor): RowFilter {
    return anyOf(columnEquals('pp_case_manager_id', actor.userId), columnEquals('vss_case_manager_id', actor.userId));
  },
};

/** A row of another table that belongs to a joint case the actor relates to in this way. */
export const ofJointCase = (filter: RowFilter, column = 'joint_case_id'): RowFilter =>
  related(column, 'joint_case', filter);

/**
 * The joint case: its header (number, status, who works on it) is visible to the programme's
 * perpetrator side, her support service's victim side and the agencies party to its case-level
 * agreement. What is inside is decided per table and kind by grants.
 */
export const jointCasePolicy = {
  table: {
    holds: 'client',
    subject: subjectColumn('partner_person_id'),
    read: (actor: Actor): RowFilter => anyOf(caseRelation.hisProgramme(actor), caseRelation.herService(actor), caseRelation.party(actor)),
    fields: {
      // The links to her records never reach the perpetrator side: it keeps a case number.
      partner_person_id: (actor: Actor): RowFilter => when(actor.side !== 'perpetrator', { kind: 'all' }),
      vss_episode_id: (actor: Actor): RowFilter => when(actor.side !== 'perpetrator', { kind: 'all' }),
      consent_id: (actor: Actor): RowFilter => caseRelation.herService(actor),
    },
    write: (actor: Actor): RowFilter =>
      anyOf(
        // Her case manager opens it (her consent, which it rests on, is on her side) ...
        when(jointCasePolicy.canCreate(actor), ofActorAgency('vss_agency_id', actor)),
        // ... and the case managers named on it run it.
        when(worksOnCases(actor), caseRelation.caseManager(actor)),
      ),
  } satisfies TablePolicy,

  children: {
    holds: 'client',
    subject: subjectColumn('child_person_id'),
    read: (actor: Actor): RowFilter => ofJointCase(jointCasePolicy.table.read(actor)),
    write: (actor: Actor): RowFilter => ofJointCase(caseRelation.caseStaff(actor)),
  } satisfies TablePolicy,

  /** Her case manager opens the joint case. */
  canCreate(actor: Actor): boolean {
    return worksOnCases(actor) && actor.side === 'victim' && hasAnyRole(actor, ['vss_case_manager']);
  },

  /** Case managers of either side record critical events and informal contacts; so do liaisons. */
  canRecordEvents(actor: Actor): boolean {
    return worksOnCases(actor);
  },
};
