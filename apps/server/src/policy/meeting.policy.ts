import type { ActionView, JointCaseAbilities, MeetingAbilities } from '@tandem/shared';
import { sql } from 'kysely';
import { type Actor, hasAnyRole } from './actor.js';
import { ownedBy, subjectColumn, subjectVia, worksOnCases } from './case-roles.js';
import { caseRelation, ofJointCase } from './joint-case.policy.js';
import {
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
 * Phase 2 meetings and the joint action plan belong to the two sides that run the joint case:
 * the programme's perpetrator side and her services' victim side (docs/domain.md, "Phase 2").
 * Other agencies of the case see the actions assigned to them, never the minutes. Actions
 * marked "victim side only" (her own safety measures) and the victim side's qualitative notes
 * never reach the perpetrator side.
 */
const ofMeeting = (filter: RowFilter): RowFilter =>
  related('meeting_id', 'case_meeting', ofJointCase(filter));

/** A meeting's person, for the audit: her, through the meeting's joint case. */
const meetingSubject = (table: string) =>
  sql<
    string | null
  >`(SELECT jc.partner_person_id FROM case_meeting m JOIN joint_case jc ON jc.id = m.joint_case_id
    WHERE m.id = ${sql.ref(`${table}.meeting_id`)})`;

/** The people named on the case who run its meetings: both case managers and the partner-contact worker. */
export interface MeetingTeam {
  ppCaseManagerId: string;
  vssCaseManagerId: string;
  partnerContactWorkerId: string | null;
}

const runsMeetings = (actor: Actor): RowFilter =>
  when(worksOnCases(actor), ofJointCase(allOf(caseRelation.caseStaff(actor), caseRelation.namedOn(actor))));

function actionReaders(actor: Actor): RowFilter {
  if (!worksOnCases(actor)) return noRows;
  return allOf(
    actor.side === 'perpetrator' ? columnEquals('victim_side_only', false) : { kind: 'all' },
    anyOf(
      ofJointCase(caseRelation.caseStaff(actor)),
      when(
        actor.side !== 'perpetrator',
        allOf(ofActorAgency('responsible_agency_id', actor), ofJointCase(caseRelation.party(actor))),
      ),
    ),
  );
}

export const meetingPolicy = {
  meetings: {
    holds: 'client',
    subject: subjectVia('joint_case_id', 'joint_case', 'partner_person_id'),
    read: (actor: Actor): RowFilter => when(worksOnCases(actor), ofJointCase(caseRelation.caseStaff(actor))),
    // The case managers and the partner-contact worker named on the case run its meetings.
    write: runsMeetings,
  } satisfies TablePolicy,

  agendaItems: {
    holds: 'client',
    subject: meetingSubject,
    read: (actor: Actor): RowFilter => when(worksOnCases(actor), ofMeeting(caseRelation.caseStaff(actor))),
    write: (actor: Actor): RowFilter =>
      when(worksOnCases(actor), ofMeeting(allOf(caseRelation.caseStaff(actor), caseRelation.namedOn(actor)))),
  } satisfies TablePolicy,

  /**
   * What a professional perceives as danger beyond the checklist. A note written on the victim
   * side is hers to keep: the perpetrator side reads only the notes its own side wrote, while
   * her service reads the programme's too. Each note is written in its author's own name and side.
   */
  qualitativeNotes: {
    holds: 'client',
    subject: meetingSubject,
    read: (actor: Actor): RowFilter =>
      when(
        worksOnCases(actor),
        allOf(
          actor.side === 'perpetrator' ? columnEquals('author_side', 'perpetrator') : { kind: 'all' },
          ofMeeting(caseRelation.caseStaff(actor)),
        ),
      ),
    write: (actor: Actor): RowFilter =>
      when(
        worksOnCases(actor),
        allOf(
          columnEquals('author_id', actor.userId),
          columnEquals('author_side', actor.side),
          ofMeeting(allOf(caseRelation.caseStaff(actor), caseRelation.namedOn(actor))),
        ),
      ),
  } satisfies TablePolicy,

  /** Named on the case (the row filters above have already decided that the actor sees it). */
  runs(actor: Actor, team: MeetingTeam): boolean {
    return (
      worksOnCases(actor) &&
      [team.ppCaseManagerId, team.vssCaseManagerId, team.partnerContactWorkerId].includes(actor.userId)
    );
  },

  /** Calling a meeting of the case (an extraordinary one): the team that runs them, while the case is open. */
  canCall(actor: Actor, team: MeetingTeam, caseStatus: string): boolean {
    return meetingPolicy.runs(actor, team) && caseStatus === 'open';
  },

  /** A meeting the system proposed is accepted or declined by the team that runs the case's meetings. */
  canDecideProposal(
    actor: Actor,
    team: MeetingTeam,
    meeting: { status: string; caseStatus: string },
  ): boolean {
    return meeting.status === 'proposed' && meetingPolicy.canCall(actor, team, meeting.caseStatus);
  },

  /** The case page's meetings and action plan (JointCaseAbilities; each command decides again). */
  caseAbilities(
    actor: Actor,
    team: MeetingTeam,
    caseStatus: string,
  ): Pick<JointCaseAbilities, 'callMeeting' | 'addAction'> {
    return {
      callMeeting: meetingPolicy.canCall(actor, team, caseStatus),
      addAction: actionPolicy.canAdd(actor, caseStatus),
    };
  },

  /** What the meeting page may offer this reader. */
  abilities(
    actor: Actor,
    meeting: { status: string; caseStatus: string; team: MeetingTeam },
  ): MeetingAbilities {
    const runs = meetingPolicy.runs(actor, meeting.team);
    const planned = meeting.status === 'planned';
    return {
      updateAgenda: runs && planned,
      addNote: runs && planned,
      close: runs && planned,
      callExtraordinary: meetingPolicy.canCall(actor, meeting.team, meeting.caseStatus),
      addAction: actionPolicy.canAdd(actor, meeting.caseStatus),
      decideProposal: meetingPolicy.canDecideProposal(actor, meeting.team, meeting),
    };
  },
};

export const actionPolicy = {
  actions: {
    holds: 'client',
    subject: subjectVia('joint_case_id', 'joint_case', 'partner_person_id'),
    read: actionReaders,
    write: (actor: Actor): RowFilter =>
      when(
        actionPolicy.canWork(actor),
        allOf(
          actionReaders(actor),
          actor.side === 'victim' ? { kind: 'all' } : columnEquals('victim_side_only', false),
        ),
      ),
  } satisfies TablePolicy,

  /** Case workers of the sides and child protection write the action plan; liaisons read their rows. */
  canWork(actor: Actor): boolean {
    return (
      worksOnCases(actor) &&
      hasAnyRole(actor, [
        'pp_case_manager',
        'vss_case_manager',
        'partner_contact_worker',
        'child_protection_lead',
      ])
    );
  },

  /**
   * Adding to the plan of an open case outside a meeting: whoever writes the plan (a party's
   * child protection its own agency's rows, as the write policy says). A closed case's plan is
   * its record.
   */
  canAdd(actor: Actor, caseStatus: string): boolean {
    return actionPolicy.canWork(actor) && caseStatus === 'open';
  },

  /** Her own safety measures are recorded, and changed, on the victim side only. */
  canWrite(actor: Actor, action: { victimSideOnly: boolean }): boolean {
    return actionPolicy.canWork(actor) && (actor.side === 'victim' || !action.victimSideOnly);
  },

  abilities(actor: Actor, action: { victimSideOnly: boolean }): ActionView['can'] {
    return { update: actionPolicy.canWrite(actor, action) };
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
    read: (actor: Actor): RowFilter =>
      anyOf(
        ownedBy(actor),
        when(
          actor.side !== 'perpetrator' && worksOnCases(actor),
          granted('child_person_id', 'children', actor),
        ),
      ),
    write: (actor: Actor): RowFilter =>
      when(
        worksOnCases(actor) &&
          actor.side !== 'perpetrator' &&
          hasAnyRole(actor, ['vss_case_manager', 'child_protection_lead', 'partner_contact_worker']),
        allOf(
          ownedBy(actor),
          anyOf(granted('child_person_id', 'children', actor), ofJointCase(caseRelation.herService(actor))),
        ),
      ),
  } satisfies TablePolicy,
};
