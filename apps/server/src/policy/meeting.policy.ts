import { sql } from 'kysely';
import { type Actor, hasAnyRole } from './actor.js';
import { ownedBy, subjectColumn, subjectVia, worksOnCases } from './case-roles.js';
import { caseRelation, ofJointCase } from './joint-case.policy.js';
import { allOf, anyOf, columnEquals, granted, noRows, ofActorAgency, type RowFilter, related, when } from './row-filter.js';
import type { TablePolicy } from './table-policy.js';

/**
 * Phase 2 meetings and the joint action plan belong to the two sides that run the joint case:
 * the programme's perpetrator side and her services' victim side. Other agencies of the case
 * see the actions assigned to them, never the minutes. Actions marked "victim side only" (her
 * own safety measures) never reach the perpetrator side.
 */
const ofMeeting = (filter: RowFilter): RowFilter => related('meeting_id', 'case_meeting', ofJointCase(filter));

/** A meeting's person, for the audit: her, through the meeting's joint case. */
const meetingSubject = (table: string) =>
  sql<string | null>`(SELECT jc.partner_person_id FROM case_meeting m JOIN joint_case jc ON jc.id = m.joint_case_id
    WHERE m.id = ${sql.ref(`${table}.meeting_id`)})`;

const partOfMeeting: TablePolicy = {
  holds: 'client',
  subject: meetingSubject,
  read: (actor: Actor): RowFilter => when(worksOnCases(actor), ofMeeting(caseRelation.caseStaff(actor))),
  write: (actor: Actor): RowFilter => when(worksOnCases(actor), ofMeeting(allOf(caseRelation.caseStaff(actor), caseRelation.namedOn(actor)))),
};

function actionReaders(actor: Actor): RowFilter {
  if (!worksOnCases(actor)) return noRows;
  return allOf(
    actor.side === 'perpetrator' ? columnEquals('victim_side_only', false) : { kind: 'all' },
    anyOf(
      ofJointCase(caseRelation.caseStaff(actor)),
      when(actor.side !== 'perpetrator', allOf(ofActorAgency('responsible_agency_id', actor), ofJointCase(caseRelation.party(actor)))),
    ),
  );
}

export const meetingPolicy = {
  meetings: {
    holds: 'client',
    subject: subjectVia('joint_case_id', 'joint_case', 'partner_person_id'),
    read: (actor: Actor): RowFilter => when(worksOnCases(actor), ofJointCase(caseRelation.caseStaff(actor))),
    // The case managers and the partner-contact worker named on the case run its meetings.
    write: (actor: Actor): RowFilter => when(worksOnCases(actor), ofJointCase(allOf(caseRelation.caseStaff(actor), caseRelation.namedOn(actor)))),
  } satisfies TablePolicy,

  agendaItems: partOfMeeting,
  qualitativeNotes: partOfMeeting,
};

export const actionPolicy = {
  actions: {
    holds: 'client',
    subject: subjectVia('joint_case_id', 'joint_case', 'partner_person_id'),
    read: actionReaders,
    write: (actor: Actor): RowFilter =>
      when(
        actionPolicy.canWork(actor),
        allOf(actionReaders(actor), actor.side === 'victim' ? { kind: 'all' } : columnEquals('victim_side_only', false)),
      ),
  } satisfies TablePolicy,

  /** Case workers of the sides and child protection write the action plan; liaisons read their rows. */
  canWork(actor: Actor): boolean {
    return worksOnCases(actor) && hasAnyRole(actor, ['pp_case_manager', 'vss_case_manager', 'partner_contact_worker', 'child_protection_lead']);
  },
};

/**
 * How each child was assessed (the principles followed). The programme works with him as a
 * father and does not receive it; other agencies only as far as the case-level agreement gives
 * them the children.
 */
export const childAssessmentPolicy = {
  records: {
    holds: 'client',
    subject: subjectColumn('child_person_id'),
    read: (actor: Actor): RowFilter => anyOf(ownedBy(actor), when(actor.side !== 'perpetrator' && worksOnCases(actor), granted('child_person_id', 'children', actor))),
    write: (actor: Actor): RowFilter =>
      when(
        worksOnCases(actor) && actor.side !== 'perpetrator' && hasAnyRole(actor, ['vss_case_manager', 'child_protection_lead', 'partner_contact_worker']),
        allOf(ownedBy(actor), anyOf(granted('child_person_id', 'children', actor), ofJointCase(caseRelation.herService(actor)))),
      ),
  } satisfies TablePolicy,
};
