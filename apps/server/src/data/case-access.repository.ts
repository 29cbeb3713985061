import type { AgencyKind, ConsentScope, InformationKind, Side } from '@tandem/shared';
import { type Kysely, sql } from 'kysely';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { Database } from '../db/schema.js';
import type { Actor } from '../policy/actor.js';
import { type EpisodeFacts, grantsForEpisode } from '../policy/index.js';

export const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * Keeps access_grant equal to what the policy says the facts of an episode allow. Called by
 * the repositories in the same transaction as every change of those facts (release, named
 * partners, joint case, agreement, consent), so access never lags behind a revocation.
 */
export class CaseAccess {
  constructor(
    private readonly trx: Kysely<Database>,
    private readonly audit: AuditRecorder,
  ) {}

  async recompute(episodeId: string): Promise<void> {
    const facts = await this.loadFacts(episodeId);
    if (!facts) return;
    const wanted = grantsForEpisode(facts);
    await this.trx.deleteFrom('access_grant').where('source_episode_id', '=', episodeId).execute();
    if (wanted.length > 0) {
      await this.trx
        .insertInto('access_grant')
        .values(
          wanted.map((grant) => ({
            subject_person_id: grant.subjectPersonId,
            agency_id: grant.agencyId,
            side: grant.side,
            kind: grant.kind,
            source_episode_id: episodeId,
            basis: JSON.stringify(grant.basis),
          })),
        )
        .execute();
    }
    this.audit.record({
      action: 'access.recompute',
      outcome: 'success',
      resourceType: 'pp_episode',
      resourceId: episodeId,
      details: { grants: wanted.length },
    });
  }

  /** Episodes whose grants depend on a person's consents (she may be linked to several). */
  async recomputeForPartner(partnerPersonId: string): Promise<void> {
    const rows = await this.trx
      .selectFrom('joint_case')
      .select('pp_episode_id')
      .where('partner_person_id', '=', partnerPersonId)
      .union(
        this.trx
          .selectFrom('partner_referral')
          .select('episode_id as pp_episode_id')
          .where('partner_person_id', '=', partnerPersonId),
      )
      .execute();
    for (const row of rows) await this.recompute(row.pp_episode_id);
  }

  /** Does the actor's agency and side hold this kind of grant for each of these people? */
  async heldBy(actor: Actor, personIds: readonly string[], kind: InformationKind): Promise<Set<string>> {
    if (!actor.agencyId || personIds.length === 0) return new Set();
    const rows = await this.trx
      .selectFrom('access_grant')
      .select('subject_person_id')
      .where('agency_id', '=', actor.agencyId)
      .where('side', '=', actor.side)
      .where('kind', '=', kind)
      .where('subject_person_id', 'in', [...personIds])
      .execute();
    return new Set(rows.map((row) => row.subject_person_id));
  }

  /** Every kind the actor holds about a person, for "what may I see" on a case page. */
  async kindsHeld(actor: Actor, personId: string): Promise<Set<InformationKind>> {
    if (!actor.agencyId) return new Set();
    const rows = await this.trx
      .selectFrom('access_grant')
      .select('kind')
      .where('agency_id', '=', actor.agencyId)
      .where('side', '=', actor.side)
      .where('subject_person_id', '=', personId)
      .execute();
    return new Set(rows.map((row) => row.kind as InformationKind));
  }

  private async loadFacts(episodeId: string): Promise<EpisodeFacts | null> {
    const episode = await this.trx
      .selectFrom('pp_episode')
      .leftJoin('release_of_information as r', 'r.episode_id', 'pp_episode.id')
      .select(['pp_episode.id', 'pp_episode.person_id', 'pp_episode.agency_id', 'r.scope'])
      .where('pp_episode.id', '=', episodeId)
      .executeTakeFirst();
    if (!episode) return null;
    const referrals = await this.trx
      .selectFrom('partner_referral')
      .select(['id', 'partner_person_id', 'partner_contact_agency_id'])
      .where('episode_id', '=', episodeId)
      .execute();
    const cases = await this.trx
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
      const parties = await this.trx
        .selectFrom('agreement_party as p')
        .innerJoin('agency', 'agency.id', 'p.agency_id')
        .select(['p.agency_id', 'agency.kind', 'p.receives'])
        .where('p.agreement_id', '=', jointCase.agreement_id)
        .execute();
      const consents = await this.trx
        .selectFrom('consent')
        .select(['id', 'scope', 'recipient_agency_id'])
        .where('person_id', '=', jointCase.partner_person_id)
        .where('revoked_on', 'is', null)
        .where('given_on', '<=', todayIso())
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
      today: todayIso(),
    };
  }
}

export type { Side };
