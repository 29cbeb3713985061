import { randomUUID } from 'node:crypto';
import {
  AGENCY_KINDS,
  AGREEMENT_RECEIVABLE_KINDS,
  type AgencyKind,
  CONSENT_SCOPES,
  type ConsentScope,
  INFORMATION_KINDS,
  type InformationKind,
  VICTIM_KINDS,
} from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { type EpisodeFacts, type Grant, grantsForEpisode } from './case-access.policy.js';
import { inForceOn } from './row-filter.js';

const HIS_KINDS: InformationKind[] = ['programme', 'safety_concerns', 'risk', 'recidivism', 'questionnaires'];

const ids = {
  episode: randomUUID(),
  him: randomUUID(),
  her: randomUUID(),
  child: randomUUID(),
  pp: randomUUID(),
  vss: randomUUID(),
  police: randomUUID(),
  probation: randomUUID(),
  referral: randomUUID(),
  jointCase: randomUUID(),
  agreement: randomUUID(),
  jointConsent: randomUUID(),
  contactConsent: randomUUID(),
};

type JointCaseFacts = EpisodeFacts['jointCases'][number];

function facts(
  overrides: Partial<EpisodeFacts> = {},
  jointCase: Partial<JointCaseFacts> | null = {},
): EpisodeFacts {
  const base: JointCaseFacts = {
    id: ids.jointCase,
    status: 'open',
    partnerId: ids.her,
    vssAgencyId: ids.vss,
    childIds: [ids.child],
    agreement: {
      id: ids.agreement,
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      parties: [
        { agencyId: ids.pp, agencyKind: 'perpetrator_programme', receives: [] },
        { agencyId: ids.vss, agencyKind: 'victim_support', receives: [] },
        {
          agencyId: ids.police,
          agencyKind: 'police',
          receives: ['programme', 'safety_concerns', 'victim_contact', 'children'],
        },
      ],
    },
    consents: [{ id: ids.jointConsent, scope: 'joint_case', recipientAgencyId: null, givenOn: '2026-01-01' }],
  };
  return {
    episodeId: ids.episode,
    himId: ids.him,
    ppAgencyId: ids.pp,
    releaseScope: HIS_KINDS,
    referrals: [{ id: ids.referral, partnerId: ids.her, partnerContactAgencyId: ids.vss }],
    jointCases: jointCase === null ? [] : [{ ...base, ...jointCase }],
    ...overrides,
  };
}

/** "subject agency side kind" for each grant, with readable names, sorted. */
function summary(grants: readonly Grant[]): string[] {
  const name = (id: string) => Object.entries(ids).find(([, value]) => value === id)?.[0] ?? id;
  return grants
    .map((grant) => `${name(grant.subjectPersonId)} ${name(grant.agencyId)} ${grant.side} ${grant.kind}`)
    .sort();
}

const onlyFor = (grants: readonly Grant[], agencyId: string) =>
  grants.filter((grant) => grant.agencyId === agencyId);

describe('grantsForEpisode: his release', () => {
  it('lets the partner-contact service learn exactly what his release covers, on the release basis', () => {
    const grants = grantsForEpisode(facts({ releaseScope: ['programme', 'risk'] }, null));
    expect(summary(grants)).toEqual(['him vss victim programme', 'him vss victim risk']);
    expect(grants.every((grant) => grant.basis.kind === 'release')).toBe(true);
    expect(grants[0]!.basis).toEqual({
      kind: 'release',
      episodeId: ids.episode,
      partnerReferralId: ids.referral,
    });
  });

  it('gives nothing about him when he has not signed a release, joint case or not', () => {
    const grants = grantsForEpisode(facts({ releaseScope: null }));
    expect(grants.filter((grant) => grant.subjectPersonId === ids.him)).toEqual([]);
  });

  it('limits what flows to the joint case parties to the release scope too', () => {
    const grants = grantsForEpisode(facts({ releaseScope: ['programme'] }));
    const aboutHim = summary(grants.filter((grant) => grant.subjectPersonId === ids.him));
    // The police agreement says programme and safety concerns; his release only programme.
    expect(aboutHim).toEqual(['him police neutral programme', 'him vss victim programme']);
  });

  it('ignores victim kinds in his release: his signature cannot release her information', () => {
    const grants = grantsForEpisode(facts({ releaseScope: [...INFORMATION_KINDS] }, null));
    expect(summary(grants)).toEqual(HIS_KINDS.map((kind) => `him vss victim ${kind}`).sort());
  });
});

describe('grantsForEpisode: the joint case', () => {
  it('gives her support service her file, the children and his safety information; the programme only the children', () => {
    const grants = grantsForEpisode(
      facts({}, { agreement: { ...facts().jointCases[0]!.agreement, parties: [] } }),
    );
    expect(summary(grants)).toEqual(
      [
        ...HIS_KINDS.map((kind) => `him vss victim ${kind}`),
        'her vss victim victim_core',
        'her vss victim victim_contact',
        'her vss victim victim_disclosures',
        'child vss victim children',
        'child vss victim victim_contact',
        'child pp perpetrator children',
      ].sort(),
    );
  });

  it('keeps one grant per person, agency, side and kind when release and joint case both give it', () => {
    const grants = grantsForEpisode(facts());
    const keys = grants.map(
      (grant) => `${grant.subjectPersonId}|${grant.agencyId}|${grant.side}|${grant.kind}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('records the agreement and her consent as the basis of joint-case grants', () => {
    const grant = grantsForEpisode(facts()).find(
      (candidate) => candidate.subjectPersonId === ids.her && candidate.kind === 'victim_core',
    );
    expect(grant?.basis).toEqual({
      kind: 'joint_case',
      jointCaseId: ids.jointCase,
      agreementId: ids.agreement,
      consentId: ids.jointConsent,
    });
  });

  it.each([
    ['the day it starts', '2026-01-01', true],
    ['the day it ends', '2026-12-31', true],
    ['before it starts', '2025-12-31', false],
    ['after it ended', '2027-01-01', false],
  ])(
    'keeps the case-level agreement’s dates on its grants: in force %s (%s) = %s',
    (_name, today, expected) => {
      const grants = grantsForEpisode(facts());
      const fromJointCase = grants.filter((grant) => grant.basis.kind === 'joint_case');
      expect(fromJointCase.length).toBeGreaterThan(0);
      expect(fromJointCase.every((grant) => inForceOn(today, grant.validFrom, grant.validTo))).toBe(expected);
      // The release keeps working for partner contact whatever the case agreement says.
      const fromRelease = grants.filter((grant) => grant.basis.kind === 'release');
      expect(summary(fromRelease)).toEqual(HIS_KINDS.map((kind) => `him vss victim ${kind}`).sort());
      expect(fromRelease.every((grant) => inForceOn(today, grant.validFrom, grant.validTo))).toBe(true);
    },
  );

  it('opens nothing before the day her consent is dated, and exactly its grants from that day on', () => {
    const tomorrow = '2026-06-02';
    const grants = grantsForEpisode(
      facts(
        {},
        {
          consents: [
            { id: ids.jointConsent, scope: 'joint_case', recipientAgencyId: null, givenOn: tomorrow },
          ],
        },
      ),
    );
    const fromJointCase = grants.filter((grant) => grant.basis.kind === 'joint_case');
    expect(fromJointCase.filter((grant) => inForceOn('2026-06-01', grant.validFrom, grant.validTo))).toEqual(
      [],
    );
    expect(
      summary(fromJointCase.filter((grant) => inForceOn(tomorrow, grant.validFrom, grant.validTo))),
    ).toEqual(summary(grantsForEpisode(facts()).filter((grant) => grant.basis.kind === 'joint_case')));
    expect(
      fromJointCase.every((grant) => grant.validFrom === tomorrow && grant.validTo === '2026-12-31'),
    ).toBe(true);
  });

  it('dates a further agency’s grant of her contact details from the later of the two consents', () => {
    const grants = grantsForEpisode(
      facts(
        {},
        {
          consents: [
            { id: ids.jointConsent, scope: 'joint_case', recipientAgencyId: null, givenOn: '2026-02-01' },
            {
              id: ids.contactConsent,
              scope: 'share_contact_details',
              recipientAgencyId: ids.police,
              givenOn: '2026-03-15',
            },
          ],
        },
      ),
    );
    const contact = grants.find((grant) => grant.agencyId === ids.police && grant.kind === 'victim_contact');
    expect(contact).toMatchObject({ validFrom: '2026-03-15', validTo: '2026-12-31' });
    const programme = grants.find((grant) => grant.agencyId === ids.police && grant.kind === 'programme');
    expect(programme).toMatchObject({ validFrom: '2026-02-01', validTo: '2026-12-31' });
  });

  it('lets what she said about the risk reach the programme, unattributed, only with her consent', () => {
    const without = grantsForEpisode(facts());
    expect(without.filter((grant) => grant.kind === 'shared_risk')).toEqual([]);
    const withConsent = grantsForEpisode(
      facts(
        {},
        {
          consents: [
            { id: ids.jointConsent, scope: 'joint_case', recipientAgencyId: null, givenOn: '2026-01-01' },
            {
              id: ids.contactConsent,
              scope: 'share_risk_information',
              recipientAgencyId: null,
              givenOn: '2026-04-01',
            },
          ],
        },
      ),
    );
    expect(summary(withConsent.filter((grant) => grant.kind === 'shared_risk'))).toEqual([
      'her pp perpetrator shared_risk',
    ]);
    expect(withConsent.find((grant) => grant.kind === 'shared_risk')).toMatchObject({
      validFrom: '2026-04-01',
      basis: { consentId: ids.contactConsent },
    });
  });

  it('gives nothing from a closed joint case', () => {
    const grants = grantsForEpisode(facts({}, { status: 'closed' }));
    expect(grants.filter((grant) => grant.basis.kind === 'joint_case')).toEqual([]);
    expect(grants.filter((grant) => grant.subjectPersonId !== ids.him)).toEqual([]);
  });

  it('gives nothing from a joint case whose joint_case consent she revoked (absent from the facts)', () => {
    const grants = grantsForEpisode(
      facts(
        {},
        {
          consents: [
            // Other consents still in force do not carry the joint case on their own.
            {
              id: ids.contactConsent,
              scope: 'share_contact_details',
              recipientAgencyId: ids.police,
              givenOn: '2026-01-01',
            },
            { id: randomUUID(), scope: 'share_disclosures', recipientAgencyId: null, givenOn: '2026-01-01' },
          ],
        },
      ),
    );
    expect(grants.filter((grant) => grant.basis.kind === 'joint_case')).toEqual([]);
    expect(onlyFor(grants, ids.police)).toEqual([]);
    expect(onlyFor(grants, ids.pp)).toEqual([]);
  });

  it('gives a further agency her contact details only with her share_contact_details consent naming that agency', () => {
    const withoutConsent = grantsForEpisode(facts());
    expect(summary(onlyFor(withoutConsent, ids.police))).toEqual([
      'child police neutral children',
      'him police neutral programme',
      'him police neutral safety_concerns',
    ]);

    const namingAnother = grantsForEpisode(
      facts(
        {},
        {
          consents: [
            { id: ids.jointConsent, scope: 'joint_case', recipientAgencyId: null, givenOn: '2026-01-01' },
            {
              id: ids.contactConsent,
              scope: 'share_contact_details',
              recipientAgencyId: ids.probation,
              givenOn: '2026-01-01',
            },
            {
              id: randomUUID(),
              scope: 'share_contact_details',
              recipientAgencyId: null,
              givenOn: '2026-01-01',
            },
            {
              id: randomUUID(),
              scope: 'share_disclosures',
              recipientAgencyId: ids.police,
              givenOn: '2026-01-01',
            },
          ],
        },
      ),
    );
    expect(
      namingAnother.filter((grant) => grant.agencyId === ids.police && grant.subjectPersonId === ids.her),
    ).toEqual([]);

    const namingPolice = grantsForEpisode(
      facts(
        {},
        {
          consents: [
            { id: ids.jointConsent, scope: 'joint_case', recipientAgencyId: null, givenOn: '2026-01-01' },
            {
              id: ids.contactConsent,
              scope: 'share_contact_details',
              recipientAgencyId: ids.police,
              givenOn: '2026-01-01',
            },
          ],
        },
      ),
    );
    const herToPolice = namingPolice.filter(
      (grant) => grant.agencyId === ids.police && grant.subjectPersonId === ids.her,
    );
    expect(summary(herToPolice)).toEqual(['her police neutral victim_contact']);
    expect(herToPolice[0]!.basis).toEqual({
      kind: 'joint_case',
      jointCaseId: ids.jointCase,
      agreementId: ids.agreement,
      consentId: ids.contactConsent,
    });
  });

  it('needs the agreement as well as her consent: a consent naming an agency that is not a party gives nothing', () => {
    const grants = grantsForEpisode(
      facts(
        {},
        {
          consents: [
            { id: ids.jointConsent, scope: 'joint_case', recipientAgencyId: null, givenOn: '2026-01-01' },
            {
              id: ids.contactConsent,
              scope: 'share_contact_details',
              recipientAgencyId: ids.probation,
              givenOn: '2026-01-01',
            },
          ],
        },
      ),
    );
    expect(onlyFor(grants, ids.probation)).toEqual([]);
  });

  it('never lets an agreement alone send her disclosures or her file to a further agency', () => {
    const grants = grantsForEpisode(
      facts(
        {},
        {
          agreement: {
            ...facts().jointCases[0]!.agreement,
            parties: [
              { agencyId: ids.pp, agencyKind: 'perpetrator_programme', receives: [] },
              { agencyId: ids.vss, agencyKind: 'victim_support', receives: [] },
              { agencyId: ids.police, agencyKind: 'police', receives: [...AGREEMENT_RECEIVABLE_KINDS] },
            ],
          },
          consents: CONSENT_SCOPES.map((scope) => ({
            id: randomUUID(),
            scope,
            recipientAgencyId: scope === 'joint_case' ? null : ids.police,
            givenOn: '2026-01-01',
          })),
        },
      ),
    );
    const herToPolice = onlyFor(grants, ids.police).filter((grant) => grant.subjectPersonId === ids.her);
    // Her contact details and unattributed risk information: each only because her consent names the police.
    expect(summary(herToPolice)).toEqual([
      'her police neutral shared_risk',
      'her police neutral victim_contact',
    ]);
  });
});

describe('grantsForEpisode: nothing of hers ever reaches the perpetrator side', () => {
  /** Every combination the facts allow, as generously as possible: all consents, all kinds. */
  function generousFacts(thirdPartyKind: AgencyKind, receives: readonly InformationKind[]): EpisodeFacts {
    const thirdParty = randomUUID();
    const consents = CONSENT_SCOPES.flatMap((scope: ConsentScope) =>
      [null, ids.pp, ids.vss, thirdParty].map((recipientAgencyId) => ({
        id: randomUUID(),
        scope,
        recipientAgencyId,
        givenOn: '2026-01-01',
      })),
    );
    return facts(
      { releaseScope: [...INFORMATION_KINDS] },
      {
        consents,
        agreement: {
          id: ids.agreement,
          validFrom: '2026-01-01',
          validTo: null,
          parties: [
            // Even parties listing the programme itself with every kind.
            {
              agencyId: ids.pp,
              agencyKind: 'perpetrator_programme',
              receives: [...AGREEMENT_RECEIVABLE_KINDS],
            },
            { agencyId: ids.vss, agencyKind: 'victim_support', receives: [...AGREEMENT_RECEIVABLE_KINDS] },
            { agencyId: thirdParty, agencyKind: thirdPartyKind, receives },
          ],
        },
      },
    );
  }

  const victimKinds: readonly InformationKind[] = VICTIM_KINDS;
  const receivableSets: Array<[string, readonly InformationKind[]]> = [
    ['everything', AGREEMENT_RECEIVABLE_KINDS],
    ...AGREEMENT_RECEIVABLE_KINDS.map((kind): [string, InformationKind[]] => [kind, [kind]]),
  ];

  it.each(AGENCY_KINDS)('with a %s as a further party, for every kind it may receive', (agencyKind) => {
    for (const [label, receives] of receivableSets) {
      const grants = grantsForEpisode(generousFacts(agencyKind, receives));
      const toPerpetratorSide = grants.filter((grant) => grant.side === 'perpetrator');
      const victimKindsThere = toPerpetratorSide.filter((grant) => victimKinds.includes(grant.kind));
      expect(victimKindsThere, `${agencyKind} receiving ${label}`).toEqual([]);
      // Not even the children's whereabouts; about her, only unattributed risk information with her consent.
      expect(
        toPerpetratorSide.filter((grant) => grant.kind !== 'children' && grant.kind !== 'shared_risk'),
        `${agencyKind} receiving ${label}`,
      ).toEqual([]);
      expect(
        grants.filter(
          (grant) =>
            grant.subjectPersonId === ids.her && grant.side === 'perpetrator' && grant.kind !== 'shared_risk',
        ),
        `${agencyKind} receiving ${label}`,
      ).toEqual([]);
    }
  });

  it('keeps the combined organisation’s perpetrator side out when it is a further party', () => {
    const grants = grantsForEpisode(generousFacts('combined_pp_vss', AGREEMENT_RECEIVABLE_KINDS));
    const combined = grants.filter((grant) => grant.agencyId !== ids.pp && grant.agencyId !== ids.vss);
    expect(combined.length).toBeGreaterThan(0);
    expect(combined.every((grant) => grant.side === 'victim')).toBe(true);
  });

  it('gives another perpetrator programme party nothing at all', () => {
    const grants = grantsForEpisode(generousFacts('perpetrator_programme', AGREEMENT_RECEIVABLE_KINDS));
    expect(grants.filter((grant) => grant.agencyId !== ids.pp && grant.agencyId !== ids.vss)).toEqual([]);
  });

  it('holds for every information kind asked for directly, one at a time', () => {
    for (const kind of INFORMATION_KINDS) {
      const grants = grantsForEpisode(
        facts(
          { releaseScope: [kind] },
          {
            agreement: {
              ...facts().jointCases[0]!.agreement,
              parties: [
                { agencyId: ids.pp, agencyKind: 'perpetrator_programme', receives: [kind] },
                { agencyId: ids.vss, agencyKind: 'victim_support', receives: [kind] },
                { agencyId: ids.police, agencyKind: 'combined_pp_vss', receives: [kind] },
              ],
            },
            consents: [
              ...CONSENT_SCOPES.map((scope) => ({
                id: randomUUID(),
                scope,
                recipientAgencyId: ids.police,
                givenOn: '2026-01-01',
              })),
              {
                id: ids.jointConsent,
                scope: 'joint_case' as const,
                recipientAgencyId: null,
                givenOn: '2026-01-01',
              },
            ],
          },
        ),
      );
      const leaks = grants.filter(
        (grant) =>
          grant.side === 'perpetrator' &&
          (victimKinds.includes(grant.kind) ||
            (grant.subjectPersonId === ids.her && grant.kind !== 'shared_risk')),
      );
      expect(leaks, kind).toEqual([]);
    }
  });
});
