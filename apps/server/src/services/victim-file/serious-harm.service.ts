import {
  AGENCY_KIND_SIDES,
  type Created,
  SERIOUS_HARM_MAX_DAYS,
  type SeriousHarmDecision,
  type SeriousHarmReview,
  type SeriousHarmReviewItem,
  type SeriousHarmShareCreate,
  type SeriousHarmShareReceived,
  type SeriousHarmSharesOfHer,
  type SeriousHarmShareView,
  type SeriousHarmTelling,
  type SeriousHarmWorkItem,
  type Side,
} from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import { addDays } from '../../domain/clock.js';
import { AppError, invalidInput } from '../../domain/errors.js';
import { inForceOn } from '../../policy/row-filter.js';
import { type SeriousHarmFacts, seriousHarmPolicy } from '../../policy/serious-harm.policy.js';
import { victimFilePolicy } from '../../policy/victim-file.policy.js';
import { refuseHerDetailsToPerpetrator } from '../meetings/her-details-guard.js';
import { visibleFile, workableFile } from './her-file.js';

type Share = NonNullable<Awaited<ReturnType<CommandScope['repos']['seriousHarm']['find']>>>;
type Answer = z.infer<typeof Created>;
const OK = { ok: true as const };

/**
 * Sharing her information without her consent where someone is at risk of serious harm
 * (docs/domain.md, information-flow rule 4). Her case manager records it with its lawful basis;
 * a second case manager of her service authorises or declines it (the senior person, four eyes);
 * the recipient reads it only once authorised and until its window closes; she is told when that
 * is safe, and her case managers' home lists it until then; her service's admin reviews the
 * process without reading the content. Who reads what is the table's policy
 * (policy/serious-harm.policy.ts).
 */
export async function proposeSeriousHarmShare(
  scope: CommandScope,
  personId: string,
  input: z.infer<typeof SeriousHarmShareCreate>,
): Promise<Answer> {
  const { actor, repos } = scope;
  const file = await workableFile(scope, personId, 'serious_harm.propose');
  if (!seriousHarmPolicy.canPropose(actor, file.her))
    throw scope.db.refuse('serious_harm.propose', 'person', personId);
  if (input.validTo < actor.today)
    throw invalidInput('validTo', 'The last day it may be read is in the past');
  const latest = addDays(actor.today, SERIOUS_HARM_MAX_DAYS);
  if (input.validTo > latest)
    throw invalidInput(
      'validTo',
      `It may be read for ${SERIOUS_HARM_MAX_DAYS} days at most (until ${latest})`,
    );

  const kind = await repos.directory.activeAgencyKind(input.recipientAgencyId);
  if (!kind) throw invalidInput('recipientAgencyId', 'Choose an active agency of the directory');
  const recipientSide = recipientSideOf(AGENCY_KIND_SIDES[kind], input.recipientSide);
  if (recipientSide === 'choose')
    throw invalidInput('recipientSide', 'That agency has two sides: choose the one that receives it');
  if (recipientSide === 'invalid') throw invalidInput('recipientSide', 'That agency has no such side');
  if (input.recipientAgencyId === file.her.ownerAgencyId && recipientSide === 'victim')
    throw invalidInput('recipientAgencyId', 'Her own service already holds her file');

  const jointCase = input.jointCaseId
    ? await repos.disclosures.shareBasis(input.jointCaseId, personId)
    : null;
  if (input.jointCaseId && jointCase?.status !== 'open')
    throw invalidInput('jointCaseId', 'Choose one of her open joint cases');
  if (recipientSide === 'perpetrator') {
    // The programme receives it only as the programme of her case, and never her details.
    if (!jointCase || jointCase.pp_agency_id !== input.recipientAgencyId)
      throw invalidInput(
        'recipientAgencyId',
        'A programme receives it only as the programme of her joint case: name that joint case',
      );
    const readByTheProgramme = [
      { path: 'content', text: input.content },
      { path: 'legalReference', text: input.legalReference },
    ];
    await refuseHerDetailsToPerpetrator(scope, personId, readByTheProgramme, {
      type: 'person',
      id: personId,
    });
  }

  const id = await repos.seriousHarm.insertShare({
    person_id: personId,
    owner_agency_id: file.her.ownerAgencyId,
    joint_case_id: input.jointCaseId ?? null,
    recipient_agency_id: input.recipientAgencyId,
    recipient_side: recipientSide,
    at_risk: input.atRisk,
    lawful_basis: input.lawfulBasis,
    legal_reference: input.legalReference,
    reason: input.reason,
    content: input.content,
    valid_to: input.validTo,
    recorded_on: actor.today,
  });
  return { id };
}

/** The side that receives it: the one chosen, else the agency's neutral side, else its only side. */
function recipientSideOf(sides: readonly Side[], chosen: Side | undefined): Side | 'choose' | 'invalid' {
  if (chosen) return sides.includes(chosen) ? chosen : 'invalid';
  if (sides.includes('neutral')) return 'neutral';
  return sides.length === 1 ? (sides[0] as Side) : 'choose';
}

const factsOf = (share: Share): SeriousHarmFacts => ({
  ownerAgencyId: share.owner_agency_id,
  recordedBy: share.recorded_by,
  status: share.status as SeriousHarmFacts['status'],
});

/** The share, if the actor's service holds it (her service); else the one refusal. */
async function shareOfHerService(scope: CommandScope, id: string, action: string): Promise<Share> {
  const share = await scope.repos.seriousHarm.find(id);
  if (!share || !victimFilePolicy.canWork(scope.actor) || share.owner_agency_id !== scope.actor.agencyId)
    throw scope.db.refuse(action, 'serious_harm_share', id);
  return share;
}

export async function decideSeriousHarmShare(
  scope: CommandScope,
  id: string,
  input: z.infer<typeof SeriousHarmDecision>,
): Promise<typeof OK> {
  const action = `serious_harm.${input.decision}`;
  const share = await shareOfHerService(scope, id, action);
  // Only her case managers decide; to anyone else of her service it is as if there were nothing.
  if (!victimFilePolicy.canShare(scope.actor)) throw scope.db.refuse(action, 'serious_harm_share', id);
  if (!seriousHarmPolicy.canDecide(scope.actor, factsOf(share))) {
    const ownShare = share.recorded_by === scope.actor.userId;
    scope.audit.record({
      action,
      outcome: 'denied',
      resourceType: 'serious_harm_share',
      resourceId: id,
      subjectPersonId: share.person_id,
      details: { reason: ownShare ? 'four_eyes' : 'not_awaiting_decision' },
    });
    throw ownShare
      ? new AppError(
          409,
          'four_eyes',
          'A second case manager of her service must decide on a share you recorded',
          [{ path: 'decision', message: 'Ask a colleague to authorise or decline it' }],
        )
      : new AppError(409, 'already_decided', 'This share has already been decided', [
          { path: 'decision', message: 'It is no longer awaiting a decision' },
        ]);
  }
  const decided = await scope.repos.seriousHarm.decide(id, {
    status: input.decision === 'authorise' ? 'authorised' : 'declined',
    on: scope.actor.today,
    ...(input.note && { note: input.note }),
  });
  if (!decided) throw new AppError(409, 'already_decided', 'This share has already been decided');
  return OK;
}

export async function recordSeriousHarmTelling(
  scope: CommandScope,
  id: string,
  input: z.infer<typeof SeriousHarmTelling>,
): Promise<typeof OK> {
  const { actor } = scope;
  const share = await shareOfHerService(scope, id, 'serious_harm.telling');
  if (!seriousHarmPolicy.canRecordTelling(actor, factsOf(share)))
    throw new AppError(409, 'not_authorised', 'Only an authorised share is told to her', [
      { path: 'outcome', message: 'It was not authorised' },
    ]);
  if (input.outcome === 'told') {
    if (input.toldOn > actor.today)
      throw invalidInput('toldOn', 'The day she was told cannot be in the future');
    if (share.decided_on && input.toldOn < String(share.decided_on))
      throw invalidInput('toldOn', 'She cannot have been told before it was authorised');
  } else if (input.reviewOn < actor.today) {
    throw invalidInput('reviewOn', 'Set a day, from today on, to reconsider telling her');
  }
  const telling =
    input.outcome === 'told'
      ? { told: input.toldOn }
      : { postponedReason: input.reason, reviewOn: input.reviewOn };
  if (!(await scope.repos.seriousHarm.recordTelling(id, telling)))
    throw new AppError(409, 'not_authorised', 'Only an authorised share is told to her');
  return OK;
}

const dateOf = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

function reviewOf(share: Share) {
  return share.review_outcome
    ? {
        outcome: share.review_outcome as 'appropriate' | 'concerns',
        note: share.review_note,
        reviewedBy: share.reviewed_by_name,
        reviewedOn: String(share.reviewed_on),
      }
    : null;
}

function viewOf(scope: CommandScope, share: Share): z.input<typeof SeriousHarmShareView> {
  return {
    id: share.id,
    personId: share.person_id,
    jointCaseId: share.joint_case_id,
    recipientAgencyId: share.recipient_agency_id,
    recipientAgencyName: share.recipient_agency_name,
    recipientSide: share.recipient_side as Side,
    atRisk: share.at_risk as SeriousHarmShareView['atRisk'],
    lawfulBasis: share.lawful_basis as SeriousHarmShareView['lawfulBasis'],
    legalReference: share.legal_reference,
    reason: share.reason ?? '',
    content: share.content ?? '',
    validTo: String(share.valid_to),
    status: share.status as SeriousHarmShareView['status'],
    recordedBy: share.recorded_by_name,
    recordedOn: String(share.recorded_on),
    decidedBy: share.decided_by_name,
    decidedOn: dateOf(share.decided_on),
    decisionNote: share.decision_note,
    readableByRecipient:
      share.status === 'authorised' &&
      inForceOn(scope.actor.today, dateOf(share.decided_on), String(share.valid_to)),
    telling: {
      status: share.telling_status as SeriousHarmShareView['telling']['status'],
      toldOn: dateOf(share.told_on),
      postponedReason: share.postponed_reason,
      reviewOn: dateOf(share.telling_review_on),
    },
    review: reviewOf(share),
    can: seriousHarmPolicy.abilities(scope.actor, factsOf(share)),
  };
}

/** Her file's serious-harm shares: her service reads them in full; any other reader of her file, none. */
export async function seriousHarmSharesOfHer(
  scope: CommandScope,
  personId: string,
): Promise<z.input<typeof SeriousHarmSharesOfHer>> {
  const file = await visibleFile(scope, personId, 'serious_harm.list');
  const shares = await scope.repos.seriousHarm.ofPerson(personId);
  return {
    shares: shares
      .filter((share) => share.owner_agency_id === scope.actor.agencyId)
      .map((share) => viewOf(scope, share)),
    can: { propose: seriousHarmPolicy.canPropose(scope.actor, file.her) },
  };
}

/** What was shared with the actor's agency and side for someone's safety, while it may be read. */
export async function receivedSeriousHarmShares(
  scope: CommandScope,
): Promise<z.input<typeof SeriousHarmShareReceived>[]> {
  const { actor } = scope;
  if (!seriousHarmPolicy.receives(actor) || !actor.agencyId) return [];
  const shares = await scope.repos.seriousHarm.receivedBy(actor.agencyId);
  // The policy leaves only authorised shares in their window to the recipient; her own service
  // (a recipient of nothing of hers) also reads its own rows, which are not "received".
  return shares
    .filter(
      (share) =>
        share.recipient_side === actor.side && share.status === 'authorised' && share.content !== null,
    )
    .map((share) => ({
      id: share.id,
      fromAgencyName: share.owner_agency_name,
      jointCaseId: share.joint_case_id,
      atRisk: share.at_risk as SeriousHarmShareReceived['atRisk'],
      lawfulBasis: share.lawful_basis as SeriousHarmShareReceived['lawfulBasis'],
      legalReference: share.legal_reference,
      content: share.content as string,
      authorisedOn: String(share.decided_on),
      validTo: String(share.valid_to),
    }));
}

/** Her service's shares for its agency admin's review: the process, never the content. */
export async function seriousHarmReviewList(
  scope: CommandScope,
): Promise<z.input<typeof SeriousHarmReviewItem>[]> {
  const { actor } = scope;
  if (!seriousHarmPolicy.reviewsShares(actor) || !actor.agencyId)
    throw scope.db.refuse('serious_harm.review_list', 'agency', actor.agencyId ?? undefined);
  const shares = await scope.repos.seriousHarm.ofService(actor.agencyId);
  return shares.map((share) => ({
    id: share.id,
    personId: share.person_id,
    recordedOn: String(share.recorded_on),
    recipientAgencyName: share.recipient_agency_name,
    recipientSide: share.recipient_side as Side,
    atRisk: share.at_risk as SeriousHarmReviewItem['atRisk'],
    lawfulBasis: share.lawful_basis as SeriousHarmReviewItem['lawfulBasis'],
    legalReference: share.legal_reference,
    status: share.status as SeriousHarmReviewItem['status'],
    recordedBy: share.recorded_by_name,
    decidedBy: share.decided_by_name,
    decidedOn: dateOf(share.decided_on),
    validTo: String(share.valid_to),
    tellingStatus: share.telling_status as SeriousHarmReviewItem['tellingStatus'],
    tellingReviewOn: dateOf(share.telling_review_on),
    review: reviewOf(share),
    can: { review: seriousHarmPolicy.canReview(actor, { ownerAgencyId: share.owner_agency_id }) },
  }));
}

export async function reviewSeriousHarmShare(
  scope: CommandScope,
  id: string,
  input: z.infer<typeof SeriousHarmReview>,
): Promise<typeof OK> {
  const share = await scope.repos.seriousHarm.find(id);
  if (!share || !seriousHarmPolicy.canReview(scope.actor, { ownerAgencyId: share.owner_agency_id }))
    throw scope.db.refuse('serious_harm.review', 'serious_harm_share', id);
  await scope.repos.seriousHarm.upsertReview({
    shareId: id,
    ownerAgencyId: share.owner_agency_id,
    outcome: input.outcome,
    note: input.note,
    reviewedOn: scope.actor.today,
  });
  return OK;
}

/**
 * For her case managers' home: a colleague's share awaiting their decision, and authorised
 * shares she has not been told of (or whose postponement is due to be reconsidered).
 */
export async function seriousHarmWorkItems(scope: CommandScope): Promise<SeriousHarmWorkItem[] | null> {
  const { actor } = scope;
  if (!victimFilePolicy.canShare(actor) || !actor.agencyId) return null;
  const rows = await scope.repos.seriousHarm.tasksAt(actor.agencyId, actor.today);
  return rows.flatMap((row): SeriousHarmWorkItem[] => {
    const task = row.status === 'proposed' ? 'decide' : 'tell';
    if (task === 'decide' && row.recorded_by === actor.userId) return [];
    return [
      {
        shareId: row.id,
        personId: row.person_id,
        partnerName: `${row.first_name} ${row.last_name}`,
        task,
        recordedOn: String(row.recorded_on),
        reviewOn: dateOf(row.telling_review_on),
      },
    ];
  });
}
