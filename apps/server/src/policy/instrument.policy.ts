import type { InformationKind, ItemAnswer, Side, VisibleAnswer as VisibleAnswerSchema } from '@tandem/shared';
import type { z } from 'zod';
import { type Actor, hasAnyRole } from './actor.js';
import { ownedBy, subjectColumn, subjectVia, worksOnCases } from './case-roles.js';
import { caseRelation, ofJointCase } from './joint-case.policy.js';
import { allOf, allRows, anyOf, columnEquals, columnIn, granted, noRows, type RowFilter, related, when } from './row-filter.js';
import type { TablePolicy } from './table-policy.js';

/**
 * Checklists and questionnaires of a joint case, the agreed risk level and recidivism by source.
 * Each side fills in its own; both sides see both side by side (that comparison is the point of
 * the joint risk assessment), but what she said reaches the programme only as the sharing rules
 * allow: never her notes, never attributed to her, item values only with her consent to share
 * risk information — and nothing the programme sees tells it which answers came from her.
 */

type VisibleAnswer = z.infer<typeof VisibleAnswerSchema>;

/** A grant about him, through the case's episode (rows that name the joint case). */
const onHimViaCase = (actor: Actor, kind: InformationKind): RowFilter =>
  ofJointCase(allOf(caseRelation.party(actor), related('pp_episode_id', 'pp_episode', granted('person_id', kind, actor))));

/** Her consent to share risk information with the reader's agency, as a grant about her. */
const herRiskSharedViaCase = (actor: Actor): RowFilter => ofJointCase(granted('partner_person_id', 'shared_risk', actor));

/** Who reads a response besides the one who recorded it. */
function responseReaders(actor: Actor): RowFilter {
  if (!worksOnCases(actor)) return noRows;
  const hisProgramme = ofJointCase(caseRelation.hisProgramme(actor));
  return anyOf(
    ofJointCase(caseRelation.herService(actor)),
    allOf(columnEquals('instrument_kind', 'risk_checklist'), anyOf(hisProgramme, onHimViaCase(actor, 'risk'))),
    allOf(
      columnEquals('instrument_kind', 'questionnaire'),
      columnIn('owner_side', ['perpetrator', 'neutral']),
      anyOf(hisProgramme, onHimViaCase(actor, 'questionnaires')),
    ),
    // Her questionnaires are hers: off her service, only with her consent naming the reader.
    allOf(columnEquals('instrument_kind', 'questionnaire'), columnEquals('owner_side', 'victim'), herRiskSharedViaCase(actor)),
  );
}

/** Who reads a recidivism episode besides the one who recorded it. */
function recidivismReaders(actor: Actor): RowFilter {
  if (!worksOnCases(actor)) return noRows;
  return anyOf(
    ofJointCase(caseRelation.herService(actor)),
    allOf(columnIn('source', ['him', 'agency']), anyOf(ofJointCase(caseRelation.hisProgramme(actor)), onHimViaCase(actor, 'recidivism'))),
    // What she reported reaches others only with her consent (unattributed; see recidivism view).
    allOf(columnEquals('source', 'her'), herRiskSharedViaCase(actor)),
  );
}

export const instrumentPolicy = {
  responses: {
    holds: 'client',
    subject: subjectColumn('subject_person_id'),
    read: (actor: Actor): RowFilter => anyOf(ownedBy(actor), responseReaders(actor)),
    fields: {
      judgement_reason_enc: (actor: Actor): RowFilter => anyOf(ownedBy(actor), ofJointCase(caseRelation.herService(actor))),
    },
    // Writes follow the reads: nobody records what they could not read had someone else recorded it.
    write: (actor: Actor): RowFilter => when(instrumentPolicy.canRecord(actor), allOf(ownedBy(actor), responseReaders(actor))),
  } satisfies TablePolicy,

  agreedLevels: {
    holds: 'client',
    subject: subjectVia('joint_case_id', 'joint_case', 'partner_person_id'),
    read: (actor: Actor): RowFilter =>
      when(
        worksOnCases(actor),
        anyOf(ofJointCase(caseRelation.caseStaff(actor)), onHimViaCase(actor, 'risk')),
      ),
    write: (actor: Actor): RowFilter => when(worksOnCases(actor), ofJointCase(caseRelation.caseManager(actor))),
  } satisfies TablePolicy,

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
    write: (actor: Actor): RowFilter => when(instrumentPolicy.canRecord(actor), allOf(ownedBy(actor), recidivismReaders(actor))),
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
      hasAnyRole(actor, ['pp_case_manager', 'vss_case_manager', 'child_protection_lead', 'agency_liaison', 'partner_contact_worker'])
    );
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

  /** Professional judgement may raise the computed level; lowering it needs a recorded reason. */
  judgementProblem(computedRank: number, judgedRank: number, reason: string | undefined): string | null {
    if (judgedRank < 0) return 'No such level in this instrument';
    if (judgedRank < computedRank && !reason?.trim()) return 'Lowering the computed level needs a recorded reason';
    return null;
  },
};
