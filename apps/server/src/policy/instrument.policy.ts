import type { InformationKind, ItemAnswer, Side, VisibleAnswer as VisibleAnswerSchema } from '@tandem/shared';
import type { z } from 'zod';
import { type Actor, hasAnyRole } from './actor.js';
import { worksOnCases } from './case-roles.js';

/**
 * Checklists and questionnaires of a joint case. Each side fills in its own; both sides see
 * both side by side (that comparison is the point of the joint risk assessment), but what she
 * said reaches the perpetrator side only as the sharing rules allow: never her notes, never
 * attributed to her, and item by item only with her consent to share risk information.
 */

export type ReaderView = 'full' | 'protected';
type VisibleAnswer = z.infer<typeof VisibleAnswerSchema>;

export interface ResponseFacts {
  ownerSide: Side;
  ownerAgencyId: string;
}

export const instrumentPolicy = {
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

  /** The kind of information a response is, from the side that gave it. */
  kindOf(ownerSide: Side, instrumentKind: string): InformationKind {
    if (ownerSide === 'victim') return 'victim_disclosures';
    return instrumentKind === 'questionnaire' ? 'questionnaires' : 'risk';
  },

  /**
   * How a reader sees a response: in full if their own agency and side gave it, or if they are
   * her own support service (his information flows to her side by default). Everyone else —
   * the programme reading her side's answers, any other agency of the case, whatever its side —
   * reads it protected: values only, her items unattributed and only with her consent, no notes.
   */
  readerView(actor: Actor, response: ResponseFacts, readerIsHerService: boolean): ReaderView {
    if (response.ownerAgencyId === actor.agencyId && response.ownerSide === actor.side) return 'full';
    return readerIsHerService ? 'full' : 'protected';
  },

  /** One answer as a protected reader sees it. */
  protectAnswer(answer: ItemAnswer, herConsentToShareRisk: boolean): VisibleAnswer {
    const fromHer = answer.source === 'her';
    if (fromHer && !herConsentToShareRisk) return { value: null, withheld: true };
    return {
      value: answer.value,
      ...(answer.source && { source: fromHer ? 'another_source' : answer.source }),
      ...(answer.sourceAgencyId && !fromHer && { sourceAgencyId: answer.sourceAgencyId }),
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
