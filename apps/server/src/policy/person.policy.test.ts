import { randomUUID } from 'node:crypto';
import type { InformationKind, PersonKind, Role, Side } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { actor } from '../testing/factories.js';
import type { Actor } from './actor.js';
import { type PersonFacts, personPolicy } from './person.policy.js';
import { matchesRowFilter } from './row-filter.js';

const pp = randomUUID();
const vss = randomUUID();
const combined = randomUUID();
const police = randomUUID();

const who = (roles: Role[], side: Side, agencyId: string | null): Actor => actor({ roles, side, agencyId });

const ppManager = who(['pp_case_manager'], 'perpetrator', pp);
const vssManager = who(['vss_case_manager'], 'victim', vss);
const partnerContact = who(['partner_contact_worker'], 'victim', vss);
const otherVssManager = who(['vss_case_manager'], 'victim', randomUUID());
const combinedPp = who(['pp_case_manager'], 'perpetrator', combined);
const combinedVss = who(['vss_case_manager'], 'victim', combined);
const liaison = who(['agency_liaison'], 'neutral', police);
const childProtection = who(['child_protection_lead'], 'victim', vss);

const her = (ownerAgencyId = vss): PersonFacts => ({ kind: 'partner', ownerAgencyId, ownerSide: 'victim' });
const child = (ownerAgencyId = vss, ownerSide: Side = 'victim'): PersonFacts => ({
  kind: 'child',
  ownerAgencyId,
  ownerSide,
});
const him = (ownerAgencyId = pp): PersonFacts => ({
  kind: 'perpetrator',
  ownerAgencyId,
  ownerSide: 'perpetrator',
});

describe('personPolicy.canSeeContact: her location and contact details, the children’s school', () => {
  it.each<[string, Actor, PersonFacts, boolean, boolean]>([
    ['her VSS case manager (owner)', vssManager, her(), false, true],
    ['the partner-contact worker of her service (owner)', partnerContact, her(), false, true],
    ['the child-protection lead of her service (owner)', childProtection, her(), false, true],
    ['a VSS case manager of another agency', otherVssManager, her(), false, false],
    ['a VSS case manager of another agency with a contact grant', otherVssManager, her(), true, true],
    ['the PP case manager', ppManager, her(), false, false],
    ['the PP case manager, even holding a contact grant', ppManager, her(), true, false],
    ['the PP side of her own organisation', combinedPp, her(combined), false, false],
    ['the PP side of her own organisation, even with a grant', combinedPp, her(combined), true, false],
    ['the VSS side of the combined organisation (owner)', combinedVss, her(combined), false, true],
    ['police liaison without a grant', liaison, her(), false, false],
    ['police liaison with her consented contact grant', liaison, her(), true, true],
    ['the PP case manager, for a child the VSS recorded', ppManager, child(), true, false],
    [
      'the PP case manager, for a child the PP itself recorded',
      ppManager,
      child(pp, 'perpetrator'),
      false,
      false,
    ],
    [
      'the PP side of the combined organisation, child of its VSS side',
      combinedPp,
      child(combined),
      true,
      false,
    ],
    ['the VSS case manager, for the child it recorded', vssManager, child(), false, true],
    ['the PP case manager, for him (owner)', ppManager, him(), false, true],
    ['the VSS case manager, for him (not the owner)', vssManager, him(), true, false],
    ['the VSS side of the combined organisation, for him', combinedVss, him(combined), true, false],
    [
      'another PP agency, for him',
      who(['pp_case_manager'], 'perpetrator', randomUUID()),
      him(),
      false,
      false,
    ],
  ])('%s', (_name, subject, person, hasGrant, expected) => {
    expect(personPolicy.canSeeContact(subject, person, hasGrant)).toBe(expected);
  });

  it.each<[string, Role, Side, string | null]>([
    ['agency admin of her service', 'agency_admin', 'victim', vss],
    ['agency admin of the programme', 'agency_admin', 'perpetrator', pp],
    ['agency admin of the combined organisation', 'agency_admin', 'neutral', combined],
    ['network coordinator', 'network_coordinator', 'neutral', police],
    ['trainer of her service', 'trainer', 'victim', vss],
    ['analyst', 'analyst', 'neutral', police],
    ['system admin', 'system_admin', 'neutral', null],
  ])('administrative role sees nothing, even as owner with a grant: %s', (_name, role, side, agencyId) => {
    const admin = who([role], side, agencyId);
    for (const person of [her(), her(combined), child(), him(), him(combined)]) {
      expect(personPolicy.canSeeContact(admin, { ...person, ownerAgencyId: agencyId ?? vss }, true)).toBe(
        false,
      );
    }
  });
});

describe('personPolicy.visibleRows', () => {
  const row = (kind: PersonKind, ownerAgencyId: string, ownerSide: Side, id: string = randomUUID()) => ({
    id,
    kind,
    owner_agency_id: ownerAgencyId,
    owner_side: ownerSide,
  });
  const grant = (subjectPersonId: string, agencyId: string, side: Side, kind: InformationKind) => ({
    grants: [{ subjectPersonId, agencyId, side, kind }],
  });
  const herId = randomUUID();
  const himId = randomUUID();
  const childId = randomUUID();

  it.each<[string, Actor, ReturnType<typeof row>, ReturnType<typeof grant> | undefined, boolean]>([
    ['her service sees her record', vssManager, row('partner', vss, 'victim'), undefined, true],
    ['the programme does not see her record', ppManager, row('partner', vss, 'victim'), undefined, false],
    [
      'the PP side of the same organisation does not',
      combinedPp,
      row('partner', combined, 'victim'),
      undefined,
      false,
    ],
    [
      'the VSS side of the combined organisation does',
      combinedVss,
      row('partner', combined, 'victim'),
      undefined,
      true,
    ],
    [
      'another service sees her with a victim_core grant',
      otherVssManager,
      row('partner', vss, 'victim', herId),
      grant(herId, otherVssManager.agencyId!, 'victim', 'victim_core'),
      true,
    ],
    [
      'a grant for another side of the agency does not count',
      combinedPp,
      row('partner', vss, 'victim', herId),
      grant(herId, combined, 'victim', 'victim_core'),
      false,
    ],
    [
      'a programme grant does not open her record',
      otherVssManager,
      row('partner', vss, 'victim', herId),
      grant(herId, otherVssManager.agencyId!, 'victim', 'programme'),
      false,
    ],
    ['the programme sees him', ppManager, row('perpetrator', pp, 'perpetrator'), undefined, true],
    [
      'her service sees him through a programme grant',
      vssManager,
      row('perpetrator', pp, 'perpetrator', himId),
      grant(himId, vss, 'victim', 'programme'),
      true,
    ],
    [
      'her service without a grant does not see him',
      vssManager,
      row('perpetrator', pp, 'perpetrator'),
      undefined,
      false,
    ],
    [
      'the programme sees a child through a children grant',
      ppManager,
      row('child', vss, 'victim', childId),
      grant(childId, pp, 'perpetrator', 'children'),
      true,
    ],
    [
      'the programme without a grant does not see the child',
      ppManager,
      row('child', vss, 'victim'),
      undefined,
      false,
    ],
    [
      'an agency admin sees no one, even with a grant to their agency',
      who(['agency_admin'], 'victim', vss),
      row('partner', vss, 'victim', herId),
      grant(herId, vss, 'victim', 'victim_core'),
      false,
    ],
  ])('%s', (_name, subject, target, facts, expected) => {
    expect(matchesRowFilter(personPolicy.visibleRows(subject), target, facts)).toBe(expected);
  });
});

describe('personPolicy.canEditContact and canRecordChild', () => {
  it.each<[string, Actor, PersonFacts, boolean]>([
    ['her service edits her contact', vssManager, her(), true],
    ['the partner-contact worker edits her contact', partnerContact, her(), true],
    ['the programme cannot', ppManager, her(), false],
    ['the PP side of her own organisation cannot', combinedPp, her(combined), false],
    ['another service cannot', otherVssManager, her(), false],
    ['the programme edits his contact', ppManager, him(), true],
    ['her service cannot edit his', vssManager, him(), false],
    ['the programme cannot set a school on a child it recorded', ppManager, child(pp, 'perpetrator'), false],
    ['an admin of her service cannot', who(['agency_admin'], 'victim', vss), her(), false],
  ])('%s', (_name, subject, person, expected) => {
    expect(personPolicy.canEditContact(subject, person)).toBe(expected);
  });

  it.each<[string, Actor, boolean]>([
    ['PP case manager', ppManager, true],
    ['VSS case manager', vssManager, true],
    ['child-protection lead', childProtection, true],
    ['partner-contact worker', partnerContact, false],
    ['liaison', liaison, false],
    ['agency admin', who(['agency_admin'], 'victim', vss), false],
  ])('records a child: %s → %s', (_name, subject, expected) => {
    expect(personPolicy.canRecordChild(subject)).toBe(expected);
  });
});
