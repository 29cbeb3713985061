import { type Actor, hasRole } from './actor.js';
import { subjectColumn, subjectVia, worksOnCases } from './case-roles.js';
import { allOf, anyOf, columnEquals, ofActorAgency, type RowFilter, validOn, when } from './row-filter.js';
import type { TablePolicy } from './table-policy.js';
import { victimFilePolicy } from './victim-file.policy.js';

/**
 * Sharing her information without her consent where someone is at risk of serious harm
 * (docs/domain.md, information-flow rule 4). Three readers, each seeing only what their part
 * needs:
 * - her own service's victim side: everything, for it recorded it and must tell her;
 * - the recipient agency's case staff on the side it was shared with: the content, only once a
 *   second case manager authorised it and only until the window closes (the basis of the share is
 *   the emergency, not a standing consent);
 * - her service's agency admin: the process (basis, who, when, whether she was told) to review,
 *   never the content, the reason or any note.
 */

/** A share, as the decisions about it need it. */
export interface SeriousHarmFacts {
  ownerAgencyId: string;
  recordedBy: string;
  status: 'proposed' | 'authorised' | 'declined';
}

/** Her own service's victim-side case staff. */
const herService = (actor: Actor): RowFilter =>
  when(worksOnCases(actor) && actor.side === 'victim', ofActorAgency('owner_agency_id', actor));

/** The recipient's case staff on the side it was shared with, while it is authorised and in its window. */
const recipient = (actor: Actor): RowFilter =>
  when(
    worksOnCases(actor),
    allOf(
      ofActorAgency('recipient_agency_id', actor),
      columnEquals('recipient_side', actor.side),
      columnEquals('status', 'authorised'),
      validOn('decided_on', 'valid_to', actor.today),
    ),
  );

/** The agency admin of her service (reviews the process; administrators hold no case role). */
const herServiceAdmin = (actor: Actor): RowFilter =>
  when(hasRole(actor, 'agency_admin'), ofActorAgency('owner_agency_id', actor));

export const seriousHarmPolicy = {
  shares: {
    holds: 'client',
    subject: subjectColumn('person_id'),
    read: (actor: Actor): RowFilter => anyOf(herService(actor), recipient(actor), herServiceAdmin(actor)),
    fields: {
      // Why, and what was said about telling her, stay with her service.
      reason_enc: herService,
      decision_note_enc: herService,
      postponed_reason_enc: herService,
      // What was shared: her service and the recipient, never the reviewing admin.
      content_enc: (actor: Actor): RowFilter => anyOf(herService(actor), recipient(actor)),
    },
    // Recorded, decided and told by her victim-side workers at her service; nobody else writes it.
    write: (actor: Actor): RowFilter =>
      when(victimFilePolicy.canWork(actor), ofActorAgency('owner_agency_id', actor)),
  } satisfies TablePolicy,

  reviews: {
    holds: 'client',
    subject: subjectVia('share_id', 'serious_harm_share', 'person_id'),
    read: (actor: Actor): RowFilter => anyOf(herService(actor), herServiceAdmin(actor)),
    write: herServiceAdmin,
  } satisfies TablePolicy,

  /** Recording a share without her consent: her case manager at her service (as for any share). */
  canPropose: victimFilePolicy.canShareFrom,

  /** Four eyes: a case manager of her service other than the one who recorded it, while it awaits a decision. */
  canDecide(actor: Actor, share: SeriousHarmFacts): boolean {
    return (
      victimFilePolicy.canShare(actor) &&
      actor.agencyId === share.ownerAgencyId &&
      actor.userId !== share.recordedBy &&
      share.status === 'proposed'
    );
  },

  /** Telling her of an authorised share: whoever of her service's victim side reaches her. */
  canRecordTelling(actor: Actor, share: SeriousHarmFacts): boolean {
    return (
      victimFilePolicy.canWork(actor) &&
      actor.agencyId === share.ownerAgencyId &&
      share.status === 'authorised'
    );
  },

  canReview(actor: Actor, share: Pick<SeriousHarmFacts, 'ownerAgencyId'>): boolean {
    return hasRole(actor, 'agency_admin') && actor.agencyId === share.ownerAgencyId;
  },

  /** Whether the admin area shows the review list at all. */
  reviewsShares(actor: Actor): boolean {
    return hasRole(actor, 'agency_admin') && actor.agencyId !== null;
  },

  /** Whether the actor's agency and side may receive such shares (the received page). */
  receives(actor: Actor): boolean {
    return worksOnCases(actor);
  },

  abilities(actor: Actor, share: SeriousHarmFacts) {
    return {
      decide: seriousHarmPolicy.canDecide(actor, share),
      recordTelling: seriousHarmPolicy.canRecordTelling(actor, share),
    };
  },
};
