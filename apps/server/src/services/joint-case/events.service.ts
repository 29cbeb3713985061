import type { CriticalEventRecord, InformalContactCreate } from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import { AppError, invalidInput } from '../../domain/errors.js';
import { jointCasePolicy } from '../../policy/joint-case.policy.js';
import { raiseDuties } from '../consequences/duties.js';
import { proposeMeetingsAtHighRisk } from '../consequences/escalation.js';
import { markReassessmentDue } from '../consequences/reassessment.js';
import { systemContextOf } from '../consequences/system-context.js';
import { guardHerDetails } from '../meetings/her-details-guard.js';
import { herConsentInForce } from '../victim-file/consents.service.js';

/**
 * A critical event on his episode (docs/domain.md, "Critical events"): recorded at once by
 * whoever learns of it; it makes every open joint case of the episode due for reassessment now,
 * and a breach of an order or a safety concern raises a duty to inform her. Recorded by her
 * service about her, it stays on the victim side; what she reported, recorded on his side,
 * reaches the programme (unattributed) only with her consent to share risk information.
 */
export async function recordCriticalEvent(
  scope: CommandScope,
  episodeId: string,
  input: z.infer<typeof CriticalEventRecord>,
): Promise<{ id: string }> {
  const { actor, repos } = scope;
  const { aboutPartnerId, ...event } = input;
  await requireEventScope(scope, episodeId, aboutPartnerId);
  if (event.sourceAgencyId && !(await repos.directory.agencyKind(event.sourceAgencyId)))
    throw invalidInput('sourceAgencyId', 'No such agency');
  if (actor.side === 'victim' && !aboutPartnerId && event.source === 'her')
    await requireHerConsentToShare(scope, episodeId);
  const created = await repos.jointCases.insertEvent({
    episode_id: episodeId,
    partner_person_id: aboutPartnerId ?? null,
    owner_agency_id: actor.agencyId!,
    owner_side: actor.side,
    event_type: 'critical',
    kind: event.kind,
    occurred_on: event.occurredOn,
    source: event.source,
    source_agency_id: event.sourceAgencyId ?? null,
    description: event.description,
    recorded_by: actor.userId,
  });
  const system = systemContextOf(scope, 'workflow_consequence');
  await markReassessmentDue(system, episodeId);
  // At high agreed risk a critical event calls for an extraordinary meeting (MARAC practice).
  await proposeMeetingsAtHighRisk(scope, episodeId, created.id);
  if (event.kind === 'order_breach' || event.kind === 'safety_concern') {
    await raiseDuties(system, {
      episodeId,
      trigger: event.kind,
      reason: null,
      dueWorkingDays: scope.settings.dutyDueWorkingDays,
    });
  }
  return { id: created.id };
}

/**
 * An informal contact between the case managers: it belongs to the joint case, and its two sides
 * see it, the programme as written — so its text is checked against her recorded details first.
 */
export async function recordInformalContact(
  scope: CommandScope,
  jointCaseId: string,
  input: z.infer<typeof InformalContactCreate>,
): Promise<{ id: string }> {
  const { actor, repos } = scope;
  const jointCase = await repos.jointCases.find(jointCaseId);
  if (!jointCase || !jointCasePolicy.canRecordEvents(actor))
    throw scope.db.refuse('case_event.informal_contact', 'joint_case', jointCaseId);
  await guardHerDetails(
    scope,
    jointCaseId,
    [
      { path: 'withWhom', text: input.withWhom },
      { path: 'summary', text: input.summary },
    ],
    input.confirmHerDetails,
  );
  const created = await repos.jointCases.insertEvent({
    episode_id: jointCase.pp_episode_id,
    joint_case_id: jointCaseId,
    partner_person_id: null,
    owner_agency_id: actor.agencyId!,
    owner_side: actor.side,
    event_type: 'informal_contact',
    occurred_on: input.occurredOn,
    withWhom: input.withWhom,
    description: input.summary,
    recorded_by: actor.userId,
  });
  return { id: created.id };
}

/**
 * Who may record on this episode: whoever sees it, or one of its joint cases; about her, only
 * her service — the one that sees the referral naming her (the link is hidden from anyone else).
 */
async function requireEventScope(scope: CommandScope, episodeId: string, aboutPartnerId: string | undefined) {
  const { repos } = scope;
  const inReach =
    jointCasePolicy.canRecordEvents(scope.actor) &&
    ((await repos.programme.find(episodeId)) !== undefined ||
      (await repos.jointCases.casesOfEpisode(episodeId)).length > 0) &&
    (!aboutPartnerId ||
      ((await repos.programme.referralOf(episodeId, aboutPartnerId)) !== undefined &&
        (await repos.people.find(aboutPartnerId))?.kind === 'partner'));
  if (!inReach) throw scope.db.refuse('case_event.critical', 'pp_episode', episodeId);
}

async function requireHerConsentToShare(scope: CommandScope, episodeId: string) {
  const partners = await scope.repos.programme.partnerReferrals(episodeId);
  for (const partner of partners) {
    // The link to her record reads as NULL for anyone who is not her service.
    if (
      partner.partner_person_id &&
      (await herConsentInForce(scope, partner.partner_person_id, 'share_risk_information', null))
    )
      return;
  }
  throw new AppError(
    409,
    'no_consent',
    'What she reported stays on the victim side unless she consents to share risk information',
    [
      {
        path: 'source',
        message:
          'Record it about her (kept on the victim side), or record her consent to share risk information first',
      },
    ],
  );
}
