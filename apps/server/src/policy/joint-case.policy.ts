import type { InformationKind, JointCaseAbilities } from '@tandem/shared';
import { type Actor, hasAnyRole } from './actor.js';
import type { CaseReader } from './case-reader.js';
import { subjectColumn, worksOnCases } from './case-roles.js';
import {
  agreementParty,
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
    return when(
      worksOnCases(actor) && actor.side !== 'perpetrator',
      agreementParty('agreement_id', actor.agencyId),
    );
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
    return anyOf(
      columnEquals('pp_case_manager_id', actor.userId),
      columnEquals('vss_case_manager_id', actor.userId),
    );
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
    read: (actor: Actor): RowFilter =>
      anyOf(caseRelation.hisProgramme(actor), caseRelation.herService(actor), caseRelation.party(actor)),
    fields: {
      // The links to her records never reach the perpetrator side: it keeps a case number.
      partner_person_id: (actor: Actor): RowFilter => when(actor.side !== 'perpetrator', { kind: 'all' }),
      vss_episode_id: (actor: Actor): RowFilter => when(actor.side !== 'perpetrator', { kind: 'all' }),
      consent_id: (actor: Actor): RowFilter => caseRelation.herService(actor),
      // Why it closed without the closing assessment: for the two sides that ran it.
      closing_reason_enc: (actor: Actor): RowFilter => caseRelation.caseStaff(actor),
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

  /** Its two case managers close the joint case (docs/domain.md, "End and follow-up"). */
  canClose(actor: Actor, reader: CaseReader): boolean {
    return worksOnCases(actor) && reader.caseManager;
  },

  /** The two sides that run the case add and remove its children (as the table's write policy says). */
  canChangeChildren(actor: Actor, reader: CaseReader): boolean {
    return worksOnCases(actor) && (reader.hisProgramme || reader.herService);
  },

  /**
   * Children are assessed by her side and child protection, never by the programme, which works
   * with him as a father (the write policy of child_assessment_record says the same in SQL).
   */
  canAssessChildren(actor: Actor): boolean {
    return (
      worksOnCases(actor) &&
      actor.side !== 'perpetrator' &&
      hasAnyRole(actor, ['vss_case_manager', 'child_protection_lead', 'partner_contact_worker'])
    );
  },

  /**
   * What the actor may do with one joint case (sent with the case page; the server decides again).
   * Its meetings and action plan are the meeting policy's (meetingPolicy.caseAbilities).
   */
  abilities(
    actor: Actor,
    reader: CaseReader,
    status: 'open' | 'closed',
  ): Omit<JointCaseAbilities, 'callMeeting' | 'addAction'> {
    const open = status === 'open';
    const changesChildren = open && jointCasePolicy.canChangeChildren(actor, reader);
    return {
      close: open && jointCasePolicy.canClose(actor, reader),
      recordEvent: open && jointCasePolicy.canRecordEvents(actor),
      recordInformalContact: open && jointCasePolicy.canRecordEvents(actor),
      addChild: changesChildren,
      removeChild: changesChildren,
      recordChildAssessment: open && jointCasePolicy.canAssessChildren(actor),
      identifyDigitalViolence: open && jointCasePolicy.seesHerIdentification(actor, reader),
    };
  },

  /**
   * Her digital-violence identification is hers (README, "Digital violence"): her service's
   * victim side only; nobody else learns that one exists (its rows follow instrumentPolicy).
   */
  seesHerIdentification(actor: Actor, reader: CaseReader): boolean {
    return worksOnCases(actor) && actor.side === 'victim' && reader.herService;
  },

  /**
   * The kinds of information the case page shows this reader (`myAccess`): what its grants give
   * it about him and her, his programme's own information for his programme, her file for her
   * service, and the coordination of the case for everyone who reads it.
   */
  sectionsFor(reader: CaseReader): InformationKind[] {
    const kinds = new Set<InformationKind>([...reader.aboutHim, ...reader.aboutHer]);
    if (reader.hisProgramme) for (const kind of HIS_PROGRAMME_KINDS) kinds.add(kind);
    if (reader.herService) for (const kind of HER_FILE_KINDS) kinds.add(kind);
    kinds.add('case_coordination');
    return [...kinds];
  },

  /** A share reads "her" only where the reader may know it came from her: never on the perpetrator side. */
  attributionOfShare(actor: Actor, sourceProtected: boolean): 'her' | 'another_source' {
    return sourceProtected || actor.side === 'perpetrator' ? 'another_source' : 'her';
  },
};

const HIS_PROGRAMME_KINDS: readonly InformationKind[] = [
  'programme',
  'safety_concerns',
  'risk',
  'recidivism',
  'questionnaires',
];
const HER_FILE_KINDS: readonly InformationKind[] = ['victim_core', 'victim_disclosures'];
