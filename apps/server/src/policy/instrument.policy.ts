import {
  ANSWER_SOURCES,
  type AnswerSource,
  type Answers,
  type InformationKind,
  type ItemAnswer,
  RECIDIVISM_SOURCES,
  type RecidivismComparison,
  type Side,
  type VisibleAnswer as VisibleAnswerSchema,
} from '@tandem/shared';
import type { z } from 'zod';
import { type Actor, hasAnyRole } from './actor.js';
import type { CaseReader } from './case-reader.js';
import { ownedBy, subjectColumn, subjectVia, worksOnCases } from './case-roles.js';
import { caseRelation, jointCasePolicy, ofJointCase } from './joint-case.policy.js';
import {
  allOf,
  allRows,
  anyOf,
  columnEquals,
  columnIn,
  granted,
  noRows,
  type RowFilter,
  related,
  when,
} from './row-filter.js';
import type { TablePolicy } from './table-policy.js';

/**
 * Checklists and questionnaires of a joint case, the agreed risk level and recidivism by source.
 * Each side fills in its own; both sides see both side by side (that comparison is the point of
 * the joint risk assessment), but what she said reaches the programme only as the sharing rules
 * allow: never her notes, never attributed to her, item values only with her consent to share
 * risk information — and nothing the programme sees tells it which answers came from her.
 */

type VisibleAnswer = z.infer<typeof VisibleAnswerSchema>;
type RecidivismSource = (typeof RECIDIVISM_SOURCES)[number];

/** A grant about him, through the case's episode (rows that name the joint case). */
const onHimViaCase = (actor: Actor, kind: InformationKind): RowFilter =>
  ofJointCase(
    allOf(
      caseRelation.party(actor),
      related('pp_episode_id', 'pp_episode', granted('person_id', kind, actor)),
    ),
  );

/** Her consent to share risk information with the reader's agency, as a grant about her. */
const herRiskSharedViaCase = (actor: Actor): RowFilter =>
  ofJointCase(granted('partner_person_id', 'shared_risk', actor));

/** Who reads a response besides the one who recorded it. */
function responseReaders(actor: Actor): RowFilter {
  if (!worksOnCases(actor)) return noRows;
  const hisProgramme = ofJointCase(caseRelation.hisProgramme(actor));
  return anyOf(
    ofJointCase(caseRelation.herService(actor)),
    allOf(
      columnEquals('instrument_kind', 'risk_checklist'),
      anyOf(hisProgramme, onHimViaCase(actor, 'risk')),
    ),
    // His questionnaires (about him: the man the case's episode is about, never her).
    allOf(
      columnEquals('instrument_kind', 'questionnaire'),
      columnIn('owner_side', ['perpetrator', 'neutral']),
      related('subject_person_id', 'person', columnEquals('kind', 'perpetrator')),
      anyOf(hisProgramme, onHimViaCase(actor, 'questionnaires')),
    ),
    // His risk factors (his-risk-factors.v1.json): his programme's own record; her service reads
    // every response of the case (above). Other agencies learn what they raised, not his answers.
    allOf(columnEquals('instrument_kind', 'risk_factors'), hisProgramme),
    // Her questionnaires are hers: off her service, only with her consent naming the reader.
    allOf(
      columnEquals('instrument_kind', 'questionnaire'),
      columnEquals('owner_side', 'victim'),
      herRiskSharedViaCase(actor),
    ),
  );
}

/** Who reads a recidivism episode besides the one who recorded it. */
function recidivismReaders(actor: Actor): RowFilter {
  if (!worksOnCases(actor)) return noRows;
  return anyOf(
    ofJointCase(caseRelation.herService(actor)),
    allOf(
      columnIn('source', ['him', 'agency']),
      anyOf(ofJointCase(caseRelation.hisProgramme(actor)), onHimViaCase(actor, 'recidivism')),
    ),
    // What she reported reaches others only with her consent (unattributed; see recidivism view).
    allOf(columnEquals('source', 'her'), herRiskSharedViaCase(actor)),
  );
}

/** An agency of the case records what it reported itself (source: that agency), whatever else it reads. */
function ownReport(actor: Actor): RowFilter {
  if (!worksOnCases(actor) || actor.agencyId === null) return noRows;
  return allOf(
    columnEquals('source', 'agency'),
    columnEquals('source_agency_id', actor.agencyId),
    ofJointCase(jointCasePolicy.table.read(actor)),
  );
}

/** Agreed levels, and the lower ones proposed: the case's staff read them, its case managers write them. */
const agreedLevelTable = {
  holds: 'client',
  subject: subjectVia('joint_case_id', 'joint_case', 'partner_person_id'),
  read: (actor: Actor): RowFilter =>
    when(worksOnCases(actor), anyOf(ofJointCase(caseRelation.caseStaff(actor)), onHimViaCase(actor, 'risk'))),
  write: (actor: Actor): RowFilter => when(worksOnCases(actor), ofJointCase(caseRelation.caseManager(actor))),
} satisfies TablePolicy;

export const instrumentPolicy = {
  responses: {
    holds: 'client',
    subject: subjectColumn('subject_person_id'),
    read: (actor: Actor): RowFilter => anyOf(ownedBy(actor), responseReaders(actor)),
    fields: {
      judgement_reason_enc: (actor: Actor): RowFilter =>
        anyOf(ownedBy(actor), ofJointCase(caseRelation.herService(actor))),
    },
    // Writes follow the reads: nobody records what they could not read had someone else recorded it.
    write: (actor: Actor): RowFilter =>
      when(instrumentPolicy.canRecord(actor), allOf(ownedBy(actor), responseReaders(actor))),
  } satisfies TablePolicy,

  agreedLevels: agreedLevelTable,

  /** A lower level proposed by one case manager, awaiting the other's: read and written as the agreed levels are. */
  agreedLevelProposals: agreedLevelTable,

  /**
   * Consultations of the case's other agencies when the two sides diverge: what they said is
   * joint text, read and recorded as the agreed level is (the case's staff, and the agencies its
   * agreement gives risk information about him).
   */
  consultations: agreedLevelTable,

  recidivism: {
    holds: 'client',
    subject: subjectVia('joint_case_id', 'joint_case', 'partner_person_id'),
    read: (actor: Actor): RowFilter => anyOf(ownedBy(actor), recidivismReaders(actor)),
    fields: {
      // Descriptions: her service reads all; the programme its own side's; other agencies none of hers.
      description_enc: (actor: Actor): RowFilter =>
        anyOf(
          ownedBy(actor),
          ofJointCase(caseRelation.herService(actor)),
          when(actor.side === 'perpetrator', columnEquals('owner_side', 'perpetrator')),
          when(actor.side !== 'perpetrator', columnIn('owner_side', ['perpetrator', 'neutral'])),
        ),
    },
    write: (actor: Actor): RowFilter =>
      when(
        instrumentPolicy.canRecord(actor),
        allOf(ownedBy(actor), anyOf(recidivismReaders(actor), ownReport(actor))),
      ),
  } satisfies TablePolicy,

  versions: {
    holds: 'organisation',
    read: () => allRows,
    write: () => noRows,
  } satisfies TablePolicy,

  /** Who records instruments for a joint case: its case managers and the agencies working on it. */
  canRecord(actor: Actor): boolean {
    return (
      worksOnCases(actor) &&
      hasAnyRole(actor, [
        'pp_case_manager',
        'vss_case_manager',
        'child_protection_lead',
        'agency_liaison',
        'partner_contact_worker',
      ])
    );
  },

  /**
   * What she said is recorded by the victim side (or an agency of neither side), never by the
   * programme: no answer it records names her as its source, nor any recidivism episode
   * (docs/domain.md, information-flow rule 2: the programme never confronts him with what she said).
   */
  recordsWhatSheSaid(actor: Actor): boolean {
    return actor.side !== 'perpetrator';
  },

  /** The sources an answer the actor records may name. */
  answerSources(actor: Actor): AnswerSource[] {
    if (!instrumentPolicy.canRecord(actor)) return [];
    return ANSWER_SOURCES.filter((source) => source !== 'her' || instrumentPolicy.recordsWhatSheSaid(actor));
  },

  /**
   * Whose checklist the actor records (its rows carry the actor's side): the programme's or her
   * service's side; an agency of neither side records its own, shown on neither side's card.
   */
  checklistFor(actor: Actor, reader: CaseReader): 'perpetrator' | 'victim' | null {
    if (!instrumentPolicy.recordsChecklist(actor, reader) || actor.side === 'neutral') return null;
    return actor.side;
  },

  recordsChecklist(actor: Actor, reader: CaseReader): boolean {
    return (
      instrumentPolicy.canRecord(actor) &&
      (reader.hisProgramme || reader.herService || reader.aboutHim.has('risk'))
    );
  },

  /** His risk factors are read by his programme and her service (the case's two sides). */
  readsRiskFactors(reader: Pick<CaseReader, 'hisProgramme' | 'herService'>): boolean {
    return reader.hisProgramme || reader.herService;
  },

  /** His programme answers his risk factors (the write policy decides each row again). */
  recordsRiskFactors(actor: Actor, reader: Pick<CaseReader, 'hisProgramme'>): boolean {
    return instrumentPolicy.canRecord(actor) && actor.side === 'perpetrator' && reader.hisProgramme;
  },

  /**
   * The IMPACT questionnaire the actor gives (docs/domain.md, "IMPACT questionnaires"): his
   * programme gives his, her service gives hers (the write policy lets nobody else record hers).
   */
  /** Her digital-violence identification: her service's victim side only (jointCasePolicy). */
  seesHerIdentification: (actor: Actor, reader: CaseReader): boolean =>
    jointCasePolicy.seesHerIdentification(actor, reader),

  questionnaireFor(actor: Actor, reader: CaseReader): 'him' | 'her' | null {
    if (!instrumentPolicy.canRecord(actor)) return null;
    if (actor.side === 'perpetrator' && reader.hisProgramme) return 'him';
    if (actor.side === 'victim' && reader.herService) return 'her';
    return null;
  },

  /**
   * Recording recidivism, for a reader of the case's recidivism (his programme, her service, or
   * an agency holding it about him; instrumentCase has refused anyone else): about him and from
   * an agency, as the write policy allows them such a reader; what she reported only off the
   * perpetrator side and where her consent reaches the reader. An agency that is neither his
   * programme nor her service reports as itself (its own report: `ownReport`).
   */
  recidivismAbilities(actor: Actor, reader: CaseReader): RecidivismComparison['can'] {
    if (!instrumentPolicy.canRecord(actor) || actor.agencyId === null)
      return { sources: [], reportsAsAgency: false };
    const aboutHim = reader.hisProgramme || reader.herService || reader.aboutHim.has('recidivism');
    const allowed: Record<RecidivismSource, boolean> = {
      him: aboutHim,
      her: instrumentPolicy.recordsWhatSheSaid(actor) && reader.herRiskShared,
      agency: true,
    };
    return {
      sources: RECIDIVISM_SOURCES.filter((source) => allowed[source]),
      reportsAsAgency: !reader.hisProgramme && !reader.herService,
    };
  },

  /** The kind of information a response is, from the side that gave it. */
  kindOf(ownerSide: Side, instrumentKind: string): InformationKind {
    if (ownerSide === 'victim') return 'victim_disclosures';
    return instrumentKind === 'questionnaire' ? 'questionnaires' : 'risk';
  },

  /**
   * How a reader sees one answer of a response it did not give. Her service reads everything in
   * full. Everyone else reads values only, never notes. His programme's answers carry their
   * sources (the programme never records what she said). Any other response — her service's, an
   * agency's — reaches them only with her consent to share risk information, and then as values
   * with no source at all: all of its answers alike, so no label and no gap tells the reader
   * which answers came from her.
   */
  visibleAnswer(
    answer: ItemAnswer,
    response: { ownerSide: Side },
    reader: { full: boolean; herRiskShared: boolean },
  ): VisibleAnswer {
    if (reader.full) return answer;
    if (response.ownerSide === 'perpetrator') {
      return {
        value: answer.value,
        ...(answer.source && answer.source !== 'her' && { source: answer.source }),
        ...(answer.sourceAgencyId && { sourceAgencyId: answer.sourceAgencyId }),
      };
    }
    return reader.herRiskShared ? { value: answer.value } : { value: null, withheld: true };
  },

  /** Her service and whoever recorded a response read it in full: notes, sources, the judgement reason. */
  readsInFull(
    actor: Actor,
    reader: Pick<CaseReader, 'herService'>,
    response: { ownerAgencyId: string; ownerSide: string },
  ): boolean {
    if (!worksOnCases(actor)) return false;
    return (
      reader.herService || (actor.agencyId === response.ownerAgencyId && actor.side === response.ownerSide)
    );
  },

  /** A response not of his programme reaches a reader off her service only with her consent to share risk. */
  withholds(response: { ownerSide: string }, reader: { full: boolean; herRiskShared: boolean }): boolean {
    return !reader.full && response.ownerSide !== 'perpetrator' && !reader.herRiskShared;
  },

  /**
   * All the answers of one response as a reader sees them (visibleAnswer, item by item). A
   * withheld response reads "withheld" on every item of its instrument, answered or not, so
   * neither a label nor a gap tells which items she spoke to (docs/domain.md, rule 6).
   */
  visibleAnswers(
    answers: Answers,
    itemIds: readonly string[],
    response: { ownerSide: Side },
    reader: { full: boolean; herRiskShared: boolean },
  ): Record<string, VisibleAnswer> {
    if (reader.full) return answers;
    if (instrumentPolicy.withholds(response, reader))
      return Object.fromEntries(itemIds.map((itemId) => [itemId, { value: null, withheld: true }]));
    return Object.fromEntries(
      Object.entries(answers).map(([itemId, answer]) => [
        itemId,
        instrumentPolicy.visibleAnswer(answer, response, reader),
      ]),
    );
  },

  /**
   * How a reader learns the sources of recidivism (docs/domain.md, rule 6): her service by
   * source; a reader her consent reaches with her reports and the agencies' merged into "other
   * sources"; anyone else only the rows the policy lets it read, with no count that includes hers.
   */
  recidivismSources(
    reader: Pick<CaseReader, 'herService' | 'herRiskShared'>,
  ): 'by_source' | 'merged' | 'visible_only' {
    if (reader.herService) return 'by_source';
    return reader.herRiskShared ? 'merged' : 'visible_only';
  },

  /**
   * A divergence of a level or more between the two sides' latest checklists proposes consulting
   * the other agencies of the case-level agreement (docs/domain.md, "Joint risk assessment").
   */
  proposesConsultation(difference: number | null | undefined): boolean {
    return difference !== null && difference !== undefined && Math.abs(difference) >= 1;
  },

  /** The case managers of the joint case record the level they agree on. */
  canAgreeLevel(actor: Actor, reader: Pick<CaseReader, 'caseManager'>): boolean {
    return worksOnCases(actor) && reader.caseManager;
  },

  /**
   * Raising the level (or the first agreement, or keeping it) takes effect at once; a level below
   * the one in force, from one case manager, waits for the other side's (docs/domain.md,
   * "Joint risk assessment": both sides agree; the pilots found the programme assesses lower).
   */
  needsOtherSide(currentRank: number | null, proposedRank: number): boolean {
    return currentRank !== null && proposedRank < currentRank;
  },

  /** The side of a case manager of the case (whose confirmation a proposal awaits is the other's). */
  sideOnCase(actor: Actor, jointCase: { ppCaseManagerId: string }): 'perpetrator' | 'victim' {
    return actor.userId === jointCase.ppCaseManagerId ? 'perpetrator' : 'victim';
  },

  canConfirmLowering(
    actor: Actor,
    jointCase: { ppCaseManagerId: string; vssCaseManagerId: string },
    proposal: { proposedSide: string; proposedBy: string },
  ): boolean {
    if (!worksOnCases(actor) || actor.userId === proposal.proposedBy) return false;
    const otherSide =
      proposal.proposedSide === 'perpetrator' ? jointCase.vssCaseManagerId : jointCase.ppCaseManagerId;
    return actor.userId === otherSide;
  },

  /** What the risk page offers this reader (the server decides each command again). */
  riskAbilities(
    actor: Actor,
    reader: CaseReader,
    jointCase: { ppCaseManagerId: string; vssCaseManagerId: string },
    proposal: { proposedSide: string; proposedBy: string } | null,
  ) {
    return {
      recordChecklist: instrumentPolicy.recordsChecklist(actor, reader),
      recordChecklistFor: instrumentPolicy.checklistFor(actor, reader),
      answerSources: instrumentPolicy.answerSources(actor),
      agreeLevel: instrumentPolicy.canAgreeLevel(actor, reader),
      confirmLowering: proposal !== null && instrumentPolicy.canConfirmLowering(actor, jointCase, proposal),
      recordConsultation: instrumentPolicy.canAgreeLevel(actor, reader),
    };
  },

  /** Professional judgement may raise the computed level; lowering it needs a recorded reason. */
  judgementProblem(computedRank: number, judgedRank: number, reason: string | undefined): string | null {
    if (judgedRank < 0) return 'No such level in this instrument';
    if (judgedRank < computedRank && !reason?.trim())
      return 'Lowering the computed level needs a recorded reason';
    return null;
  },
};
