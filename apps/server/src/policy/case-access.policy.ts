import {
  AGENCY_KIND_SIDES,
  type AgencyKind,
  type ConsentScope,
  type InformationKind,
  type Side,
  VICTIM_KINDS,
} from '@tandem/shared';

/**
 * Who receives what about the people of one programme episode (DOMAIN.md §4).
 *
 * A pure function from the facts of an episode — his release, the partners he named, the
 * joint cases with their case-level agreements and her consents — to access grants:
 * (person, agency, side, kind). The data layer stores the result in access_grant and every
 * person-level query checks it, so a revoked consent or an expired agreement removes
 * access in the same transaction that records it.
 */

export interface Grant {
  subjectPersonId: string;
  agencyId: string;
  side: Side;
  kind: InformationKind;
  basis: GrantBasis;
}

export type GrantBasis =
  | { kind: 'release'; episodeId: string; partnerReferralId: string }
  | { kind: 'joint_case'; jointCaseId: string; agreementId: string; consentId?: string };

export interface EpisodeFacts {
  episodeId: string;
  himId: string;
  ppAgencyId: string;
  /** What his signed release lets flow to the victim side; null when not signed. */
  releaseScope: readonly InformationKind[] | null;
  referrals: ReadonlyArray<{ id: string; partnerId: string; partnerContactAgencyId: string }>;
  jointCases: ReadonlyArray<{
    id: string;
    status: 'open' | 'closed';
    partnerId: string;
    vssAgencyId: string;
    childIds: readonly string[];
    agreement: {
      id: string;
      validFrom: string;
      validTo: string | null;
      parties: ReadonlyArray<{
        agencyId: string;
        agencyKind: AgencyKind;
        receives: readonly InformationKind[];
      }>;
    };
    /** Her consents in force: scope and the agency they name (null = the programme of this case). */
    consents: ReadonlyArray<{ id: string; scope: ConsentScope; recipientAgencyId: string | null }>;
  }>;
  /** YYYY-MM-DD: agreements are judged on this day. */
  today: string;
}

/** His safety-relevant information (DOMAIN.md §4 rule 3). */
const HIS_SAFETY_KINDS: readonly InformationKind[] = [
  'programme',
  'safety_concerns',
  'risk',
  'recidivism',
  'questionnaires',
];

const isVictimKind = (kind: InformationKind) => (VICTIM_KINDS as readonly InformationKind[]).includes(kind);

export function grantsForEpisode(facts: EpisodeFacts): Grant[] {
  const grants: Grant[] = [];
  const release = new Set(facts.releaseScope ?? []);
  const add = (
    subjectPersonId: string,
    agencyId: string,
    side: Side,
    kind: InformationKind,
    basis: GrantBasis,
  ) => {
    // The barrier itself: nothing of hers, ever, to the perpetrator side.
    if (side === 'perpetrator' && isVictimKind(kind)) return;
    grants.push({ subjectPersonId, agencyId, side, kind, basis });
  };

  // Partner contact: the service that contacts her learns what his release covers, so it can
  // tell her about his attendance and status (DOMAIN.md §2 step 4).
  for (const referral of facts.referrals) {
    const basis: GrantBasis = { kind: 'release', episodeId: facts.episodeId, partnerReferralId: referral.id };
    for (const kind of HIS_SAFETY_KINDS) {
      if (release.has(kind)) add(facts.himId, referral.partnerContactAgencyId, 'victim', kind, basis);
    }
  }

  for (const jointCase of facts.jointCases) {
    if (jointCase.status !== 'open') continue;
    const { agreement } = jointCase;
    if (facts.today < agreement.validFrom || (agreement.validTo !== null && facts.today > agreement.validTo))
      continue;
    const jointConsent = jointCase.consents.find((consent) => consent.scope === 'joint_case');
    if (!jointConsent) continue;
    const basis: GrantBasis = {
      kind: 'joint_case',
      jointCaseId: jointCase.id,
      agreementId: agreement.id,
      consentId: jointConsent.id,
    };

    // Her support service sees his safety-relevant information and her own file.
    for (const kind of HIS_SAFETY_KINDS) {
      if (release.has(kind)) add(facts.himId, jointCase.vssAgencyId, 'victim', kind, basis);
    }
    for (const kind of VICTIM_KINDS) add(jointCase.partnerId, jointCase.vssAgencyId, 'victim', kind, basis);
    for (const childId of jointCase.childIds) {
      add(childId, jointCase.vssAgencyId, 'victim', 'children', basis);
      add(childId, jointCase.vssAgencyId, 'victim', 'victim_contact', basis);
      // The programme works with him as a father: it knows the children, not where they are.
      add(childId, facts.ppAgencyId, 'perpetrator', 'children', basis);
    }

    // Further agencies get what the agreement lets them receive; what is hers needs her
    // consent naming that agency as well.
    for (const party of agreement.parties) {
      if (party.agencyId === facts.ppAgencyId || party.agencyId === jointCase.vssAgencyId) continue;
      const sides = AGENCY_KIND_SIDES[party.agencyKind].filter((side) => side !== 'perpetrator');
      const consentFor = (scope: ConsentScope) =>
        jointCase.consents.find(
          (consent) => consent.scope === scope && consent.recipientAgencyId === party.agencyId,
        );
      for (const side of sides) {
        for (const kind of party.receives) {
          if (HIS_SAFETY_KINDS.includes(kind) && release.has(kind))
            add(facts.himId, party.agencyId, side, kind, basis);
          if (kind === 'children') {
            for (const childId of jointCase.childIds) add(childId, party.agencyId, side, 'children', basis);
          }
          if (kind === 'victim_contact') {
            const consent = consentFor('share_contact_details');
            if (consent)
              add(jointCase.partnerId, party.agencyId, side, 'victim_contact', {
                ...basis,
                consentId: consent.id,
              });
          }
        }
      }
    }
  }
  return dedupe(grants);
}

function dedupe(grants: Grant[]): Grant[] {
  const seen = new Map<string, Grant>();
  for (const grant of grants) {
    const key = `${grant.subjectPersonId}|${grant.agencyId}|${grant.side}|${grant.kind}`;
    if (!seen.has(key)) seen.set(key, grant);
  }
  return [...seen.values()];
}
