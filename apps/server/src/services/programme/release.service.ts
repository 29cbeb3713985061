import { AGENCY_KIND_SIDES, type PpEpisodeView, type ReleaseCreate } from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import { PeopleRepository } from '../../data/repositories/people.repository.js';
import { invalidInput } from '../../domain/errors.js';
import { recomputeGrants } from '../consequences/access-grants.js';
import { systemContextOf } from '../consequences/system-context.js';
import { episodeView, manageableEpisode } from './episode-view.js';

/**
 * His signed release and the partners he named (docs/domain.md, "Referral and intake"). Each
 * partner's record is created for the victim-side service that will contact her, and never
 * comes back: the programme keeps a relationship and a number. Naming her to another agency
 * needs an organisation-level agreement in force between them.
 */
export async function recordRelease(
  scope: CommandScope,
  id: string,
  release: z.infer<typeof ReleaseCreate>,
): Promise<PpEpisodeView> {
  const { repos } = scope;
  const episode = await manageableEpisode(scope, id, 'pp_episode.release');
  if (release.noPartnersReason && release.partners.length > 0)
    throw invalidInput(
      'noPartnersReason',
      'He names partners in this release: leave the reason for naming none empty',
    );
  await repos.programme.saveRelease(id, {
    signedOn: release.signedOn,
    scope: release.scope,
    noPartnersReason: release.noPartnersReason ?? null,
  });
  let ordinal = await repos.programme.referralCount(id);
  for (const [position, partner] of release.partners.entries()) {
    const path = `partners.${position}.partnerContactAgencyId`;
    const kind = await repos.directory.activeAgencyKind(partner.partnerContactAgencyId);
    if (!kind) throw invalidInput(path, 'No such agency');
    if (!AGENCY_KIND_SIDES[kind].includes('victim'))
      throw invalidInput(path, 'Partner contact is offered by a victim-side service');
    if (
      partner.partnerContactAgencyId !== episode.agency_id &&
      !(await repos.directory.organisationAgreementInForce(episode.agency_id, partner.partnerContactAgencyId))
    ) {
      throw invalidInput(
        path,
        'There is no agreement in force between your agency and this service: her details cannot be sent there',
      );
    }
    // Her record belongs to the victim-side service from its first moment: the programme
    // writes it for that service and can never read it back (the policy refuses it the row).
    const partnerId = await PeopleRepository.insertFor(
      scope.system('workflow_consequence'),
      scope.cipher,
      {
        kind: 'partner',
        ownerAgencyId: partner.partnerContactAgencyId,
        ownerSide: 'victim',
        firstName: partner.firstName,
        lastName: partner.lastName,
        contact: partner.contact,
      },
      scope.actor.userId,
    );
    scope.audit.record({
      action: 'person.create',
      outcome: 'success',
      resourceType: 'person',
      resourceId: partnerId,
      subjectPersonId: partnerId,
      details: { kind: 'partner', forAgencyId: partner.partnerContactAgencyId },
    });
    ordinal += 1;
    await repos.programme.insertReferral(
      {
        episode_id: id,
        partner_person_id: partnerId,
        ordinal,
        relationship: partner.relationship,
        partner_contact_agency_id: partner.partnerContactAgencyId,
      },
      { release: { episodeId: id, signedOn: release.signedOn } },
    );
  }
  await recomputeGrants(systemContextOf(scope, 'grant_computation'), id);
  return episodeView(scope, id);
}
