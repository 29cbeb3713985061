import {
  AGENCY_KIND_SIDES,
  type AgencyKind,
  type ConsentScope,
  type InformationKind,
  type Side,
  VICTIM_KINDS,
} from '@tandem/shared';
import type { Actor } from './actor.js';
import { allOf, columnEquals, noRows, ofActorAgency, type RowFilter, validOn, when } from './row-filter.js';
import type { TablePolicy } from './table-policy.js';

/**
 * Who receives what about the people of one programme episode (docs/domain.md, information-flow rules).
 *
 * A pure function from the facts of an episode — his release, the partners he named, the
 * joint cases with their case-level agreements and her consents — to access grants:
 * (person, agency, side, kind). The data layer stores the result in access_grant and every
 * person-level query checks it. Each grant carries the dates it is in force, so a consent
 * dated tomorrow opens its grants tomorrow, an agreement that ends closes them the day after,
 * and a revocation, which rewrites the grants, removes access in the transaction that records it.
 */

export interface Grant {
  subjectPersonId: string;
  agencyId: string;
  side: Side;
  kind: InformationKind;
  basis: GrantBasis;
  /** In force from this date (inclusive; null = since always) ... */
  validFrom: string | null;
  /** ... to this date (inclusive; null = open). */
  validTo: string | null;
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
    /**
     * Her consents not revoked, whatever their date: scope, the agency they name (null = the
     * programme of this case) and the day they come into force.
     */
    consents: ReadonlyArray<{
      id: string;
      scope: ConsentScope;
      recipientAgencyId: string | null;
      givenOn: string;
    }>;
  }>;
}

/** His safety-relevant information (docs/domain.md, information-flow rule 3). */
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
    validity: Validity = ALWAYS,
  ) => {
    // The barrier itself: nothing of hers, ever, to the perpetrator side.
    if (side === 'perpetrator' && isVictimKind(kind)) return;
    grants.push({ subjectPersonId, agencyId, side, kind, basis, ...validity });
  };

  // Partner contact: the service that contacts her learns what his release covers, so it can
  // tell her about his attendance and status (docs/domain.md, "Partner contact").
  for (const referral of facts.referrals) {
    const basis: GrantBasis = { kind: 'release', episodeId: facts.episodeId, partnerReferralId: referral.id };
    for (const kind of HIS_SAFETY_KINDS) {
      if (release.has(kind)) add(facts.himId, referral.partnerContactAgencyId, 'victim', kind, basis);
    }
  }

  for (const jointCase of facts.jointCases) {
    if (jointCase.status !== 'open') continue;
    const { agreement } = jointCase;
    // The earliest consent of a scope decides when it comes into force (later ones add nothing).
    const consentFor = (scope: ConsentScope, recipientAgencyId: string | null) =>
      jointCase.consents
        .filter((consent) => consent.scope === scope && consent.recipientAgencyId === recipientAgencyId)
        .sort((a, b) => a.givenOn.localeCompare(b.givenOn))[0];
    const jointConsent = consentFor('joint_case', null);
    if (!jointConsent) continue;
    const caseValidity = within(
      { validFrom: agreement.validFrom, validTo: agreement.validTo },
      jointConsent.givenOn,
    );
    if (!caseValidity) continue;
    const basis: GrantBasis = {
      kind: 'joint_case',
      jointCaseId: jointCase.id,
      agreementId: agreement.id,
      consentId: jointConsent.id,
    };
    const withConsent = (consent: { id: string; givenOn: string } | undefined) => {
      const validity = consent ? within(caseValidity, consent.givenOn) : null;
      return validity && consent ? { validity, basis: { ...basis, consentId: consent.id } } : null;
    };

    // Her support service sees his safety-relevant information and her own file.
    for (const kind of HIS_SAFETY_KINDS) {
      if (release.has(kind)) add(facts.himId, jointCase.vssAgencyId, 'victim', kind, basis, caseValidity);
    }
    for (const kind of VICTIM_KINDS)
      add(jointCase.partnerId, jointCase.vssAgencyId, 'victim', kind, basis, caseValidity);
    for (const childId of jointCase.childIds) {
      add(childId, jointCase.vssAgencyId, 'victim', 'children', basis, caseValidity);
      add(childId, jointCase.vssAgencyId, 'victim', 'victim_contact', basis, caseValidity);
      // The programme works with him as a father: it knows the children, not where they are.
      add(childId, facts.ppAgencyId, 'perpetrator', 'children', basis, caseValidity);
    }
    // What she said about the risk reaches the programme (unattributed) only with her consent.
    const riskToProgramme = withConsent(consentFor('share_risk_information', null));
    if (riskToProgramme)
      add(
        jointCase.partnerId,
        facts.ppAgencyId,
        'perpetrator',
        'shared_risk',
        riskToProgramme.basis,
        riskToProgramme.validity,
      );

    // Further agencies get what the agreement lets them receive; what is hers needs her
    // consent naming that agency as well.
    for (const party of agreement.parties) {
      if (party.agencyId === facts.ppAgencyId || party.agencyId === jointCase.vssAgencyId) continue;
      const sides = AGENCY_KIND_SIDES[party.agencyKind].filter((side) => side !== 'perpetrator');
      const contact = withConsent(consentFor('share_contact_details', party.agencyId));
      const risk = withConsent(consentFor('share_risk_information', party.agencyId));
      for (const side of sides) {
        if (risk) add(jointCase.partnerId, party.agencyId, side, 'shared_risk', risk.basis, risk.validity);
        for (const kind of party.receives) {
          if (HIS_SAFETY_KINDS.includes(kind) && release.has(kind))
            add(facts.himId, party.agencyId, side, kind, basis, caseValidity);
          if (kind === 'children') {
            for (const childId of jointCase.childIds)
              add(childId, party.agencyId, side, 'children', basis, caseValidity);
          }
          if (kind === 'victim_contact' && contact)
            add(jointCase.partnerId, party.agencyId, side, 'victim_contact', contact.basis, contact.validity);
        }
      }
    }
  }
  return dedupe(grants);
}

interface Validity {
  validFrom: string | null;
  validTo: string | null;
}
const ALWAYS: Validity = { validFrom: null, validTo: null };

/** The part of a validity from a date on; null when nothing of it is left. */
function within(validity: Validity, from: string): Validity | null {
  const validFrom = validity.validFrom === null || validity.validFrom < from ? from : validity.validFrom;
  if (validity.validTo !== null && validity.validTo < validFrom) return null;
  return { validFrom, validTo: validity.validTo };
}

/** One grant per person, agency, side and kind, unless their dates differ; a grant inside a wider one goes. */
function dedupe(grants: Grant[]): Grant[] {
  const covers = (wide: Grant, narrow: Grant) =>
    (wide.validFrom === null || (narrow.validFrom !== null && wide.validFrom <= narrow.validFrom)) &&
    (wide.validTo === null || (narrow.validTo !== null && wide.validTo >= narrow.validTo));
  const key = (grant: Grant) => `${grant.subjectPersonId}|${grant.agencyId}|${grant.side}|${grant.kind}`;
  return grants.filter(
    (grant, index) =>
      !grants.some(
        (other, otherIndex) =>
          otherIndex !== index &&
          key(other) === key(grant) &&
          covers(other, grant) &&
          (!covers(grant, other) || otherIndex < index),
      ),
  );
}

/** Grants are written only by the system (CaseAccess recomputes them); each actor reads its own. */
export const accessGrantPolicy = {
  grants: {
    holds: 'system',
    // Each actor reads its own grants, those in force today.
    read: (actor: Actor): RowFilter =>
      when(
        actor.agencyId !== null,
        allOf(
          ofActorAgency('agency_id', actor),
          columnEquals('side', actor.side),
          validOn('valid_from', 'valid_to', actor.today),
        ),
      ),
    write: () => noRows,
  } satisfies TablePolicy,
};
