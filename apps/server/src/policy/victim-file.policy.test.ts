import { randomUUID } from 'node:crypto';
import type { InformationKind, Role, Side } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { actor } from '../testing/factories.js';
import type { Actor } from './actor.js';
import { type FilterFacts, matchesRowFilter } from './row-filter.js';
import type { TablePolicy } from './table-policy.js';
import { victimFilePolicy } from './victim-file.policy.js';

/** Her file on the victim side (docs/domain.md, information-flow rules 1, 2 and 4), table by table. */

const vss = randomUUID();
const otherVss = randomUUID();
const pp = randomUUID();
const combined = randomUUID();
const police = randomUUID();
const herId = randomUUID();
const TODAY = '2026-03-01';

const who = (roles: Role[], side: Side, agencyId: string | null): Actor =>
  actor({ roles, side, agencyId, today: TODAY });
const vssManager = who(['vss_case_manager'], 'victim', vss);
const partnerContact = who(['partner_contact_worker'], 'victim', vss);
const childProtection = who(['child_protection_lead'], 'victim', vss);
const otherVssManager = who(['vss_case_manager'], 'victim', otherVss);
const ppManager = who(['pp_case_manager'], 'perpetrator', pp);
const combinedPp = who(['pp_case_manager'], 'perpetrator', combined);
const combinedVss = who(['vss_case_manager'], 'victim', combined);
const liaison = who(['agency_liaison'], 'neutral', police);
const vssAdmin = who(['agency_admin'], 'victim', vss);
const ownAgencyLiaison = who(['agency_liaison'], 'neutral', vss);

const grant = (
  agencyId: string,
  side: Side,
  kind: InformationKind,
  validFrom: string | null = null,
  validTo: string | null = null,
): FilterFacts => ({
  grants: [{ subjectPersonId: herId, agencyId, side, kind, validFrom, validTo }],
});

/** Each table of her file, with its person and agency columns and the kind a grant must give. */
const FILE_TABLES: ReadonlyArray<[string, TablePolicy, string, string, InformationKind]> = [
  ['vss_episode', victimFilePolicy.supportEpisodes, 'person_id', 'agency_id', 'victim_core'],
  ['consent', victimFilePolicy.consents, 'person_id', 'owner_agency_id', 'victim_core'],
  ['contact_preference', victimFilePolicy.contactPreferences, 'person_id', 'owner_agency_id', 'victim_core'],
  [
    'partner_contact',
    victimFilePolicy.partnerContacts,
    'partner_person_id',
    'owner_agency_id',
    'victim_core',
  ],
  ['disclosure', victimFilePolicy.disclosures, 'person_id', 'owner_agency_id', 'victim_disclosures'],
];

describe.each(FILE_TABLES)('%s: who reads it', (_table, policy, personColumn, agencyColumn, kind) => {
  const row = (ownerAgencyId = vss) => ({ [personColumn]: herId, [agencyColumn]: ownerAgencyId });
  it.each<[string, Actor, Record<string, string>, FilterFacts | undefined, boolean]>([
    ['her case manager', vssManager, row(), undefined, true],
    ['the partner-contact worker of her service', partnerContact, row(), undefined, true],
    ['the child-protection lead of her service', childProtection, row(), undefined, true],
    ['another service', otherVssManager, row(), undefined, false],
    [
      'another service holding the grant the table asks for',
      otherVssManager,
      row(),
      grant(otherVss, 'victim', kind),
      true,
    ],
    [
      'another service whose grant is not yet in force',
      otherVssManager,
      row(),
      grant(otherVss, 'victim', kind, '2026-03-02'),
      false,
    ],
    [
      'another service whose grant has ended',
      otherVssManager,
      row(),
      grant(otherVss, 'victim', kind, null, '2026-02-28'),
      false,
    ],
    [
      'another service with only a contact grant',
      otherVssManager,
      row(),
      grant(otherVss, 'victim', 'victim_contact'),
      false,
    ],
    ['police holding the grant on the neutral side', liaison, row(), grant(police, 'neutral', kind), true],
    ['police with a grant for another side', liaison, row(), grant(police, 'victim', kind), false],
    ['police without a grant', liaison, row(), undefined, false],
    ['a PP case manager', ppManager, row(), undefined, false],
    [
      'a PP case manager even with a (forbidden) grant',
      ppManager,
      row(),
      grant(pp, 'perpetrator', kind),
      false,
    ],
    ['the PP side of her own organisation', combinedPp, row(combined), undefined, false],
    ['the VSS side of her own organisation', combinedVss, row(combined), undefined, true],
    ['a neutral liaison of the owning agency is not the owner', ownAgencyLiaison, row(), undefined, false],
    [
      'the agency admin of her service, even with a grant',
      vssAdmin,
      row(),
      grant(vss, 'victim', kind),
      false,
    ],
  ])('%s', (_name, subject, target, facts, expected) => {
    expect(matchesRowFilter(policy.read(subject), target, facts)).toBe(expected);
  });
});

describe.each(FILE_TABLES)('%s: who writes it', (_table, policy, personColumn, agencyColumn, kind) => {
  const row = (ownerAgencyId = vss) => ({ [personColumn]: herId, [agencyColumn]: ownerAgencyId });
  it.each<[string, Actor, Record<string, string>, FilterFacts | undefined, boolean]>([
    ['her case manager', vssManager, row(), undefined, true],
    ['the partner-contact worker of her service', partnerContact, row(), undefined, true],
    ['the child-protection lead of her service', childProtection, row(), undefined, false],
    ['her case manager, for a row of another agency', vssManager, row(otherVss), undefined, false],
    ['another service, even holding a grant', otherVssManager, row(), grant(otherVss, 'victim', kind), false],
    ['police, even holding a grant', liaison, row(), grant(police, 'neutral', kind), false],
    ['a PP case manager', ppManager, row(pp), undefined, false],
    ['the PP side of her own organisation', combinedPp, row(combined), undefined, false],
    ['the VSS side of her own organisation', combinedVss, row(combined), undefined, true],
    ['the agency admin of her service', vssAdmin, row(), undefined, false],
  ])('%s', (_name, subject, target, facts, expected) => {
    expect(matchesRowFilter(policy.write(subject), target, facts)).toBe(expected);
  });
});

describe('safety_plan: the victim side that holds her file, nobody else, ever', () => {
  const plan = (ownerAgencyId = vss) => ({ person_id: herId, owner_agency_id: ownerAgencyId });
  it.each<[string, Actor, ReturnType<typeof plan>, FilterFacts | undefined, boolean, boolean]>([
    ['her case manager', vssManager, plan(), undefined, true, true],
    ['the partner-contact worker', partnerContact, plan(), undefined, true, true],
    [
      'the child-protection lead of her service reads, does not write',
      childProtection,
      plan(),
      undefined,
      true,
      false,
    ],
    ['another service', otherVssManager, plan(), undefined, false, false],
    [
      'another service holding her victim_core grant',
      otherVssManager,
      plan(),
      grant(otherVss, 'victim', 'victim_core'),
      true,
      true,
    ],
    [
      'police, even holding her victim_core grant',
      liaison,
      plan(),
      grant(police, 'neutral', 'victim_core'),
      false,
      false,
    ],
    ['the programme', ppManager, plan(), undefined, false, false],
    ['the PP side of her own organisation', combinedPp, plan(combined), undefined, false, false],
    ['the agency admin of her service', vssAdmin, plan(), undefined, false, false],
  ])('%s: reads %s, writes %s', (_name, subject, row, facts, reads, writes) => {
    expect(matchesRowFilter(victimFilePolicy.safetyPlans.read(subject), row, facts)).toBe(reads);
    expect(matchesRowFilter(victimFilePolicy.safetyPlans.write(subject), row, facts)).toBe(writes);
  });
});

describe('shared_item: readable by its recipient only while its basis is in force', () => {
  const disclosureId = randomUUID();
  const jointCaseId = randomUUID();
  const shareConsent = randomUUID();
  const caseConsent = randomUUID();
  const agreementId = randomUUID();
  const item = (recipientAgencyId = pp, recipientSide: Side = 'perpetrator') => ({
    id: randomUUID(),
    disclosure_id: disclosureId,
    joint_case_id: jointCaseId,
    recipient_agency_id: recipientAgencyId,
    recipient_side: recipientSide,
    consent_id: shareConsent,
    agreement_id: agreementId,
  });
  const basis = (
    changes: {
      shareRevokedOn?: string | null;
      shareGivenOn?: string;
      caseRevokedOn?: string | null;
      caseStatus?: string;
      agreementTo?: string | null;
      agreementFrom?: string;
    } = {},
  ): FilterFacts => ({
    consents: [
      {
        id: shareConsent,
        givenOn: changes.shareGivenOn ?? '2026-01-01',
        revokedOn: changes.shareRevokedOn ?? null,
      },
      { id: caseConsent, givenOn: '2026-01-01', revokedOn: changes.caseRevokedOn ?? null },
    ],
    agreements: [
      {
        id: agreementId,
        validFrom: changes.agreementFrom ?? '2026-01-01',
        validTo: changes.agreementTo ?? null,
      },
    ],
    rows: {
      disclosure: [{ id: disclosureId, person_id: herId, owner_agency_id: vss }],
      joint_case: [{ id: jointCaseId, status: changes.caseStatus ?? 'open', consent_id: caseConsent }],
    },
  });

  it.each<[string, Actor, ReturnType<typeof item>, FilterFacts, boolean]>([
    ['the programme it was shared with', ppManager, item(), basis(), true],
    [
      'the programme, once she revoked the consent it rests on',
      ppManager,
      item(),
      basis({ shareRevokedOn: '2026-02-20' }),
      false,
    ],
    [
      'the programme, on a consent dated in the future',
      ppManager,
      item(),
      basis({ shareGivenOn: '2026-03-02' }),
      false,
    ],
    [
      'the programme, once the case-level agreement ended',
      ppManager,
      item(),
      basis({ agreementTo: '2026-02-28' }),
      false,
    ],
    [
      'the programme, before the agreement is in force',
      ppManager,
      item(),
      basis({ agreementFrom: '2026-03-02' }),
      false,
    ],
    [
      'the programme, once she revoked her consent to the joint case',
      ppManager,
      item(),
      basis({ caseRevokedOn: '2026-02-20' }),
      false,
    ],
    ['the programme, once the joint case closed', ppManager, item(), basis({ caseStatus: 'closed' }), false],
    ['another programme', who(['pp_case_manager'], 'perpetrator', randomUUID()), item(), basis(), false],
    [
      'the VSS side of the recipient organisation (the barrier)',
      combinedVss,
      item(combined, 'perpetrator'),
      basis(),
      false,
    ],
    ['police, party to the case, when it went to the programme', liaison, item(), basis(), false],
    ['police, when it was shared with them', liaison, item(police, 'neutral'), basis(), true],
    [
      'police, after she revoked that consent',
      liaison,
      item(police, 'neutral'),
      basis({ shareRevokedOn: '2026-02-20' }),
      false,
    ],
    ['the agency admin of the recipient', who(['agency_admin'], 'perpetrator', pp), item(), basis(), false],
    ['her service, which made the share', vssManager, item(), basis(), true],
    [
      'her service, after the revocation (the record of the share stays)',
      vssManager,
      item(),
      basis({ shareRevokedOn: '2026-02-20' }),
      true,
    ],
    ['another service', otherVssManager, item(), basis(), false],
  ])('%s', (_name, subject, row, facts, expected) => {
    expect(matchesRowFilter(victimFilePolicy.sharedItems.read(subject), row, facts)).toBe(expected);
  });

  it.each<[string, Actor, boolean]>([
    ['her service', vssManager, true],
    ['the programme it was shared with', ppManager, false],
    ['police', liaison, false],
  ])('the link back to her disclosure: %s → %s', (_name, subject, expected) => {
    const field = victimFilePolicy.sharedItems.fields?.disclosure_id;
    expect(field).toBeDefined();
    expect(matchesRowFilter(field!(subject), item(), basis())).toBe(expected);
  });

  it.each<[string, Actor, boolean]>([
    ['her case manager', vssManager, true],
    ['the partner-contact worker (her case manager decides)', partnerContact, false],
    ['another service’s case manager', otherVssManager, false],
    ['the programme', ppManager, false],
  ])('who records a share: %s → %s', (_name, subject, expected) => {
    expect(matchesRowFilter(victimFilePolicy.sharedItems.write(subject), item(), basis())).toBe(expected);
  });
});

describe('victimFilePolicy decisions for one file', () => {
  const her = (ownerAgencyId = vss) => ({ kind: 'partner', ownerAgencyId });
  const none = new Set<InformationKind>();
  const core = new Set<InformationKind>(['victim_core']);
  const contactOnly = new Set<InformationKind>(['victim_contact']);

  it.each<[string, Actor, ReturnType<typeof her>, ReadonlySet<InformationKind>, boolean, boolean, boolean]>([
    ['her case manager', vssManager, her(), none, true, true, true],
    ['the partner-contact worker', partnerContact, her(), none, true, true, false],
    ['the child-protection lead of her service', childProtection, her(), none, true, false, false],
    ['another service', otherVssManager, her(), none, false, false, false],
    [
      'another service holding her victim_core grant sees, does not record',
      otherVssManager,
      her(),
      core,
      true,
      false,
      false,
    ],
    ['police holding her victim_core grant', liaison, her(), core, true, false, false],
    ['police with only her contact details', liaison, her(), contactOnly, false, false, false],
    ['the programme, even holding a grant', ppManager, her(pp), core, false, false, false],
    ['the PP side of her own organisation', combinedPp, her(combined), none, false, false, false],
    ['the VSS side of her own organisation', combinedVss, her(combined), none, true, true, true],
    ['the agency admin of her service', vssAdmin, her(), core, false, false, false],
  ])('%s: sees %s, records %s, shares %s', (_name, subject, record, held, sees, works, shares) => {
    expect(victimFilePolicy.seesFile(subject, record, held)).toBe(sees);
    expect(victimFilePolicy.canWorkOn(subject, record)).toBe(works);
    expect(victimFilePolicy.canShareFrom(subject, record)).toBe(shares);
  });

  it('is never a file of anyone but a partner', () => {
    expect(victimFilePolicy.seesFile(vssManager, { kind: 'perpetrator', ownerAgencyId: vss }, none)).toBe(
      false,
    );
    expect(victimFilePolicy.canWorkOn(vssManager, { kind: 'child', ownerAgencyId: vss })).toBe(false);
  });

  it.each<[string, Actor, ReturnType<typeof her>, ReadonlySet<InformationKind>, boolean, boolean]>([
    ['her case manager', vssManager, her(), none, true, true],
    ['the child-protection lead of her service reads them', childProtection, her(), none, true, false],
    ['another service holding her victim_core grant', otherVssManager, her(), core, true, true],
    ['police, even holding her victim_core grant', liaison, her(), core, false, false],
    ['the programme', ppManager, her(), core, false, false],
  ])('her safety plans, %s: reads %s, edits %s', (_name, subject, record, held, reads, edits) => {
    expect(victimFilePolicy.seesSafetyPlans(subject, record, held)).toBe(reads);
    expect(victimFilePolicy.canEditSafetyPlans(subject, record, held)).toBe(edits);
  });

  it.each<[string, Actor, ReturnType<typeof her>, ReadonlySet<InformationKind>, Record<string, boolean>]>([
    [
      'her case manager may do everything',
      vssManager,
      her(),
      none,
      { openSupport: true, recordConsent: true, share: true, editSafetyPlans: true, openJointCase: true },
    ],
    [
      'the partner-contact worker records, does not share or open a joint case',
      partnerContact,
      her(),
      none,
      { openSupport: true, logContact: true, share: false, editSafetyPlans: true, openJointCase: false },
    ],
    [
      'a service holding her grant supports her and edits her plans, records nothing on her file',
      otherVssManager,
      her(),
      core,
      {
        openSupport: true,
        recordConsent: false,
        revokeConsent: false,
        recordDisclosure: false,
        share: false,
        editSafetyPlans: true,
      },
    ],
    [
      'police holding her grant may only read',
      liaison,
      her(),
      core,
      {
        openSupport: false,
        recordConsent: false,
        setContactPreferences: false,
        share: false,
        editSafetyPlans: false,
        openJointCase: false,
      },
    ],
  ])('abilities: %s', (_name, subject, record, held, expected) => {
    expect(victimFilePolicy.abilities(subject, record, held, [])).toMatchObject(expected);
  });

  const openHere = { agencyId: vss, status: 'open' };
  it.each<[string, Actor, ReadonlySet<InformationKind>, { agencyId: string; status: string }[], boolean]>([
    ['her case manager, an open episode of her service', vssManager, none, [openHere], true],
    ['the partner-contact worker of her service', partnerContact, none, [openHere], true],
    ['her case manager, only a closed one', vssManager, none, [{ agencyId: vss, status: 'closed' }], false],
    ['another service, her episode at her service', otherVssManager, core, [openHere], false],
    [
      'another service, its own episode with her',
      otherVssManager,
      core,
      [{ agencyId: otherVss, status: 'open' }],
      true,
    ],
    ['the child-protection lead of her service', childProtection, none, [openHere], false],
    ['police holding her grant', liaison, core, [openHere], false],
  ])('closes her support: %s → %s', (_name, subject, held, episodes, expected) => {
    expect(victimFilePolicy.abilities(subject, her(), held, episodes).closeSupport).toBe(expected);
    // The same decision as the support episode's write policy, row by row.
    const writes = episodes.some(
      (episode) =>
        episode.status === 'open' &&
        matchesRowFilter(
          victimFilePolicy.supportEpisodes.write(subject),
          { person_id: herId, agency_id: episode.agencyId },
          {},
        ),
    );
    expect(writes).toBe(expected);
  });

  it.each<[string, Actor, ReadonlySet<InformationKind>, boolean]>([
    ['her case manager', vssManager, none, true],
    ['the partner-contact worker of her service', partnerContact, none, true],
    ['the child-protection lead of her service (her record is its agency’s)', childProtection, none, true],
    ['another service holding her victim_core grant', otherVssManager, core, false],
    ['police holding her contact details', liaison, contactOnly, false],
    ['a neutral worker of her own service’s agency', ownAgencyLiaison, none, false],
    ['the agency admin of her service', vssAdmin, none, false],
  ])('edits her contact details: %s → %s', (_name, subject, held, expected) => {
    expect(victimFilePolicy.abilities(subject, her(), held, []).editContactDetails).toBe(expected);
  });
});

describe('victimFilePolicy roles', () => {
  it.each<[string, Actor, boolean, boolean]>([
    ['VSS case manager', vssManager, true, true],
    ['partner-contact worker', partnerContact, true, false],
    ['child-protection lead', childProtection, false, false],
    ['VSS side of the combined organisation', combinedVss, true, true],
    ['PP case manager', ppManager, false, false],
    ['PP side of the combined organisation', combinedPp, false, false],
    ['police liaison', liaison, false, false],
    ['VSS agency admin', vssAdmin, false, false],
  ])('%s: works on her file %s, shares her disclosures %s', (_name, subject, work, share) => {
    expect(victimFilePolicy.canWork(subject)).toBe(work);
    expect(victimFilePolicy.canShare(subject)).toBe(share);
  });
});
