import type { InformationKind, JointCaseCreate, JointCaseView, PpStatus, Role } from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import { consentInForce } from '../../domain/consent.js';
import { AppError, conflict, forbidden, invalidInput } from '../../domain/errors.js';
import { hasEnded } from '../../domain/programme.js';
import { jointCasePolicy } from '../../policy/joint-case.policy.js';
import { recomputeGrants } from '../consequences/access-grants.js';
import { ensureNextMeeting } from '../consequences/meeting-schedule.js';
import { systemContextOf } from '../consequences/system-context.js';
import { jointCaseView } from './case-view.js';

type Input = z.infer<typeof JointCaseCreate>;

/**
 * Opens the joint case (docs/domain.md, "Joint case"): his episode, her support and the
 * children, linked under a case-level agreement and her informed consent. Her case manager
 * opens it: her consent, which it rests on, is on her side. Everything is read through the
 * scoped handle — her service reaches his episode only through the referral that named her.
 */
export async function openJointCase(scope: CommandScope, input: Input): Promise<JointCaseView> {
  const { actor, repos } = scope;
  if (!jointCasePolicy.canCreate(actor)) {
    scope.db.refuse('joint_case.create', 'joint_case');
    throw forbidden('Her case manager opens the joint case');
  }
  const support = await repos.victimFile.supportEpisode(input.vssEpisodeId);
  if (!support || support.status !== 'open')
    throw invalidInput('vssEpisodeId', 'No such open support episode in your reach');
  const herId = support.person_id;

  const [episode, referral] = await Promise.all([
    repos.programme.find(input.ppEpisodeId),
    repos.programme.referralOf(input.ppEpisodeId, herId),
  ]);
  if (!episode || !referral) throw invalidInput('ppEpisodeId', 'She was not named in this programme episode');
  if (hasEnded(episode.status as PpStatus))
    throw invalidInput('ppEpisodeId', 'His programme episode has ended');

  const consent = await repos.victimFile.consent(input.consentId);
  if (
    !consent ||
    consent.personId !== herId ||
    consent.scope !== 'joint_case' ||
    !consentInForce(consent, actor.today)
  ) {
    throw new AppError(
      409,
      'no_consent',
      'A joint case needs her informed consent (scope "joint case") in force',
      [{ path: 'consentId', message: 'Record her consent to the joint case first' }],
    );
  }
  if (await repos.jointCases.findByPair(episode.id, herId)) {
    throw conflict('ppEpisodeId', 'There is already a joint case for this programme episode and her');
  }
  await checkStaff(scope, input, { ppAgencyId: episode.agency_id, vssAgencyId: support.agency_id });
  if (input.agreement.validTo < input.agreement.validFrom)
    throw invalidInput('agreement.validTo', 'The end date is before the start date');
  for (const [index, childId] of input.childIds.entries()) {
    if ((await repos.people.find(childId))?.kind !== 'child')
      throw invalidInput(`childIds.${index}`, 'No such child in your reach');
  }
  const parties = await partiesOf(scope, input, {
    ppAgencyId: episode.agency_id,
    vssAgencyId: support.agency_id,
  });

  const agreement = await repos.jointCases.insertAgreement({
    level: 'case',
    title: input.agreement.title,
    valid_from: input.agreement.validFrom,
    valid_to: input.agreement.validTo,
    created_by: actor.userId,
  });
  await repos.jointCases.insertAgreementParties(
    parties.map((party) => ({
      agreement_id: agreement.id,
      agency_id: party.agencyId,
      signatory_name: party.agencyId === support.agency_id ? 'VSS case manager' : 'Case manager',
      signed_on: input.agreement.validFrom,
      receives: party.receives,
    })),
  );
  const created = await repos.jointCases.insert(
    {
      case_number: await repos.jointCases.nextCaseNumber(actor.today.slice(0, 4)),
      pp_episode_id: episode.id,
      vss_episode_id: support.id,
      partner_person_id: herId,
      pp_agency_id: episode.agency_id,
      vss_agency_id: support.agency_id,
      consent_id: consent.id,
      agreement_id: agreement.id,
      pp_case_manager_id: input.ppCaseManagerId,
      vss_case_manager_id: input.vssCaseManagerId,
      partner_contact_worker_id: input.partnerContactWorkerId ?? null,
    },
    { agreementId: agreement.id, consentId: consent.id },
  );
  await repos.jointCases.linkAgreement(agreement.id, created.id);
  if (input.childIds.length > 0) await repos.children.add(created.id, [...new Set(input.childIds)]);

  await recomputeGrants(systemContextOf(scope, 'grant_computation'), episode.id);
  await ensureNextMeeting(systemContextOf(scope, 'workflow_consequence'), created.id);
  return jointCaseView(scope, created.id);
}

/** The people named on the case: active, in the right role and, for the case managers, the right agency. */
async function checkStaff(
  scope: CommandScope,
  input: Input,
  agencies: { ppAgencyId: string; vssAgencyId: string },
) {
  const named: Array<[string, string | undefined, Role, string | null]> = [
    ['ppCaseManagerId', input.ppCaseManagerId, 'pp_case_manager', agencies.ppAgencyId],
    ['vssCaseManagerId', input.vssCaseManagerId, 'vss_case_manager', agencies.vssAgencyId],
    ['partnerContactWorkerId', input.partnerContactWorkerId, 'partner_contact_worker', null],
  ];
  // Colleagues in the actor's networks are readable (names and roles); anyone else is "no such".
  const staff = await scope.repos.jointCases.staff(named.flatMap(([, id]) => (id ? [id] : [])));
  for (const [path, userId, role, agencyId] of named) {
    if (!userId) continue;
    const user = staff.find((candidate) => candidate.id === userId);
    if (
      !user ||
      !user.active ||
      !user.roles.includes(role) ||
      (agencyId !== null && user.agency_id !== agencyId)
    ) {
      throw invalidInput(
        path,
        `Choose an active ${role.replaceAll('_', ' ')}${agencyId ? ' of the right agency' : ''}`,
      );
    }
  }
}

/** His programme and her service are parties from the start; further agencies as asked, each once. */
async function partiesOf(
  scope: CommandScope,
  input: Input,
  agencies: { ppAgencyId: string; vssAgencyId: string },
) {
  const parties = new Map<string, InformationKind[]>([
    [agencies.ppAgencyId, []],
    [agencies.vssAgencyId, []],
  ]);
  for (const [index, party] of input.agreement.otherParties.entries()) {
    if (!(await scope.repos.directory.activeAgencyKind(party.agencyId)))
      throw invalidInput(`agreement.otherParties.${index}.agencyId`, 'No such agency');
    if (!parties.has(party.agencyId)) parties.set(party.agencyId, [...new Set(party.receives)]);
  }
  return [...parties].map(([agencyId, receives]) => ({ agencyId, receives }));
}
