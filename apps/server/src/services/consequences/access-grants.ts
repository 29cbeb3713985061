import type { AgencyKind, ConsentScope, InformationKind } from '@tandem/shared';
import { sql } from 'kysely';
import { type EpisodeFacts, grantsForEpisode } from '../../policy/case-access.policy.js';
import type { SystemContext } from './system-context.js';

/**
 * Keeps access_grant equal to what the policy says the facts of an episode allow. Called in
 * the same transaction as every change of those facts (release, named partners, joint case,
 * agreement, consent), so access never lags behind a revocation. Dates need no recomputation:
 * each grant carries the dates it is in force.
 */
export async function recomputeGrants(system: SystemContext, episodeId: string): Promise<void> {
  // Two commands recomputing one episode at once take turns on its row: the second reads the
  // facts (and the grants) the first committed, so its delete-then-insert neither doubles the
  // grants nor writes them from facts that a concurrent revocation has already changed.
  const locked = await system.db
    .selectFrom('pp_episode')
    .select('id')
    .where('id', '=', episodeId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  if (!locked) return;
  const facts = await loadFacts(system, episodeId);
  if (!facts) return;
  const wanted = grantsForEpisode(facts);
  await system.db.deleteFrom('access_grant').where('source_episode_id', '=', episodeId).execute();
  if (wanted.length > 0) {
    await system.db
      .insertInto('access_grant')
      .values(
        wanted.map((grant) => ({
          subject_person_id: grant.subjectPersonId,
          agency_id: grant.agencyId,
          side: grant.side,
          kind: grant.kind,
          source_episode_id: episodeId,
          basis: JSON.stringify(grant.basis),
          valid_from: grant.validFrom,
          valid_to: grant.validTo,
        })),
      )
      .execute();
  }
  system.audit.record({
    action: 'access.recompute',
    outcome: 'success',
    resourceType: 'pp_episode',
    resourceId: episodeId,
    details: { grants: wanted.length },
  });
}

/** Episodes whose grants depend on her consents (she may be named in several). */
export async function recomputeGrantsForPartner(
  system: SystemContext,
  partnerPersonId: string,
): Promise<void> {
  const rows = await system.db
    .selectFrom('joint_case')
    .select('pp_episode_id')
    .where('partner_person_id', '=', partnerPersonId)
    .union(
      system.db
        .selectFrom('partner_referral')
        .select('episode_id as pp_episode_id')
        .where('partner_person_id', '=', partnerPersonId),
    )
    .execute();
  await recomputeEach(
    system,
    rows.map((row) => row.pp_episode_id),
  );
}

/** Episodes whose joint cases rest on this agreement (its dates or parties changed). */
export async function recomputeGrantsForAgreement(system: SystemContext, agreementId: string): Promise<void> {
  const rows = await system.db
    .selectFrom('joint_case')
    .select('pp_episode_id')
    .distinct()
    .where('agreement_id', '=', agreementId)
    .execute();
  await recomputeEach(
    system,
    rows.map((row) => row.pp_episode_id),
  );
}

/** In one order everywhere, so two commands locking several episodes cannot deadlock. */
async function recomputeEach(system: SystemContext, episodeIds: readonly string[]) {
  for (const id of [...new Set(episodeIds)].sort()) await recomputeGrants(system, id);
}

async function loadFacts(system: SystemContext, episodeId: string): Promise<EpisodeFacts | null> {
  const db = system.db;
  const episode = await db
    .selectFrom('pp_episode')
    .leftJoin('release_of_information as r', 'r.episode_id', 'pp_episode.id')
    .select(['pp_episode.id', 'pp_episode.person_id', 'pp_episode.agency_id', 'r.scope'])
    .where('pp_episode.id', '=', episodeId)
    .executeTakeFirst();
  if (!episode) return null;
  const referrals = await db
    .selectFrom('partner_referral')
    .select(['id', 'partner_person_id', 'partner_contact_agency_id'])
    .where('episode_id', '=', episodeId)
    .execute();
  const cases = await db
    .selectFrom('joint_case as jc')
    .innerJoin('agreement as a', 'a.id', 'jc.agreement_id')
    .select([
      'jc.id',
      'jc.status',
      'jc.partner_person_id',
      'jc.vss_agency_id',
      'a.id as agreement_id',
      'a.valid_from',
      'a.valid_to',
    ])
    .select(
      sql<
        string[] | null
      >`(SELECT array_agg(c.child_person_id) FROM joint_case_child c WHERE c.joint_case_id = jc.id)`.as(
        'child_ids',
      ),
    )
    .where('jc.pp_episode_id', '=', episodeId)
    .execute();
  const jointCases: EpisodeFacts['jointCases'][number][] = [];
  for (const jointCase of cases) {
    const parties = await db
      .selectFrom('agreement_party as p')
      .innerJoin('agency', 'agency.id', 'p.agency_id')
      .select(['p.agency_id', 'agency.kind', 'p.receives'])
      .where('p.agreement_id', '=', jointCase.agreement_id)
      .execute();
    // Every consent not revoked, whatever its date: a consent dated tomorrow gives grants from tomorrow.
    const consents = await db
      .selectFrom('consent')
      .select(['id', 'scope', 'recipient_agency_id', 'given_on'])
      .where('person_id', '=', jointCase.partner_person_id)
      .where('revoked_on', 'is', null)
      .execute();
    jointCases.push({
      id: jointCase.id,
      status: jointCase.status as 'open' | 'closed',
      partnerId: jointCase.partner_person_id,
      vssAgencyId: jointCase.vss_agency_id,
      childIds: jointCase.child_ids ?? [],
      agreement: {
        id: jointCase.agreement_id,
        validFrom: jointCase.valid_from,
        validTo: jointCase.valid_to,
        parties: parties.map((party) => ({
          agencyId: party.agency_id,
          agencyKind: party.kind as AgencyKind,
          receives: party.receives as InformationKind[],
        })),
      },
      consents: consents.map((consent) => ({
        id: consent.id,
        scope: consent.scope as ConsentScope,
        recipientAgencyId: consent.recipient_agency_id,
        givenOn: consent.given_on,
      })),
    });
  }
  return {
    episodeId,
    himId: episode.person_id,
    ppAgencyId: episode.agency_id,
    releaseScope: (episode.scope as InformationKind[] | null) ?? null,
    referrals: referrals.map((referral) => ({
      id: referral.id,
      partnerId: referral.partner_person_id,
      partnerContactAgencyId: referral.partner_contact_agency_id,
    })),
    jointCases,
  };
}
