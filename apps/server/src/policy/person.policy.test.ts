import { randomUUID } from 'node:crypto';
import type { InformationKind, PersonKind, Role, Side } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { actor } from '../testing/factories.js';
import type { Actor } from './actor.js';
import { personPolicy } from './person.policy.js';
import { type FilterFacts, matchesRowFilter } from './row-filter.js';

/** People (docs/domain.md, information-flow rule 1): who sees him, her and the children, and their details. */

const pp: string = randomUUID();
const vss: string = randomUUID();
const combined: string = randomUUID();
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

type PersonRow = {
  id: string;
  kind: PersonKind;
  owner_agency_id: string;
  owner_side: Side;
  contact_enc: string | null;
};
const person = (
  kind: PersonKind,
  ownerAgencyId: string,
  ownerSide: Side,
  contact: string | null = 'ciphertext',
): PersonRow => ({
  id: randomUUID(),
  kind,
  owner_agency_id: ownerAgencyId,
  owner_side: ownerSide,
  contact_enc: contact,
});
const her = (ownerAgencyId = vss) => person('partner', ownerAgencyId, 'victim');
const child = (ownerAgencyId = vss, ownerSide: Side = 'victim', contact: string | null = 'ciphertext') =>
  person('child', ownerAgencyId, ownerSide, contact);
const him = (ownerAgencyId = pp) => person('perpetrator', ownerAgencyId, 'perpetrator');

/** A grant about the row's person, in force today unless it ended. */
const grant =
  (kind: InformationKind, to: Actor, validTo: string | null = null) =>
  (row: PersonRow): FilterFacts => ({
    grants: [
      { subjectPersonId: row.id, agencyId: to.agencyId!, side: to.side, kind, validFrom: null, validTo },
    ],
  });
type Grant = ReturnType<typeof grant> | undefined;

describe('person: who sees whom', () => {
  it.each<[string, Actor, PersonRow, Grant, boolean]>([
    ['her service sees her record', vssManager, her(), undefined, true],
    ['the programme does not see her record', ppManager, her(), undefined, false],
    ['the PP side of the same organisation does not', combinedPp, her(combined), undefined, false],
    ['the VSS side of the combined organisation does', combinedVss, her(combined), undefined, true],
    [
      'another service sees her with a victim_core grant',
      otherVssManager,
      her(),
      grant('victim_core', otherVssManager),
      true,
    ],
    [
      '… not once it has ended',
      otherVssManager,
      her(),
      grant('victim_core', otherVssManager, '2026-02-28'),
      false,
    ],
    ['police see her with a victim_contact grant', liaison, her(), grant('victim_contact', liaison), true],
    [
      'a grant for another side of the agency does not count',
      combinedPp,
      her(vss),
      grant('victim_core', combinedVss),
      false,
    ],
    [
      'a programme grant does not open her record',
      otherVssManager,
      her(),
      grant('programme', otherVssManager),
      false,
    ],
    ['the programme sees him', ppManager, him(), undefined, true],
    [
      'her service sees him through a programme grant',
      vssManager,
      him(),
      grant('programme', vssManager),
      true,
    ],
    ['her service without a grant does not see him', vssManager, him(), undefined, false],
    [
      'the programme sees a child through a children grant',
      ppManager,
      child(),
      grant('children', ppManager),
      true,
    ],
    ['the programme without a grant does not see the child', ppManager, child(), undefined, false],
    ['a children grant does not open her record', ppManager, her(), grant('children', ppManager), false],
    [
      'an agency admin sees no one, even with a grant',
      who(['agency_admin'], 'victim', vss),
      her(),
      grant('victim_core', who(['agency_admin'], 'victim', vss)),
      false,
    ],
  ])('%s', (_name, subject, row, facts, expected) => {
    expect(matchesRowFilter(personPolicy.table.read(subject), row, facts?.(row))).toBe(expected);
  });
});

describe('person.contact_enc: her location and contact details, the children’s school', () => {
  it.each<[string, Actor, PersonRow, Grant, boolean]>([
    ['her VSS case manager (owner)', vssManager, her(), undefined, true],
    ['the partner-contact worker of her service (owner)', partnerContact, her(), undefined, true],
    ['the child-protection lead of her service (owner)', childProtection, her(), undefined, true],
    ['a VSS case manager of another agency', otherVssManager, her(), undefined, false],
    ['… with a contact grant', otherVssManager, her(), grant('victim_contact', otherVssManager), true],
    [
      '… with a contact grant that has ended',
      otherVssManager,
      her(),
      grant('victim_contact', otherVssManager, '2026-02-28'),
      false,
    ],
    ['the PP case manager', ppManager, her(), undefined, false],
    [
      'the PP case manager, even holding a contact grant',
      ppManager,
      her(),
      grant('victim_contact', ppManager),
      false,
    ],
    [
      'the PP side of her own organisation, even with a grant',
      combinedPp,
      her(combined),
      grant('victim_contact', combinedPp),
      false,
    ],
    ['the VSS side of the combined organisation (owner)', combinedVss, her(combined), undefined, true],
    ['police liaison without a grant', liaison, her(), undefined, false],
    [
      'police liaison with her consented contact grant',
      liaison,
      her(),
      grant('victim_contact', liaison),
      true,
    ],
    [
      'the PP case manager, for a child the VSS recorded',
      ppManager,
      child(),
      grant('victim_contact', ppManager),
      false,
    ],
    [
      'the PP side of the combined organisation, child of its VSS side',
      combinedPp,
      child(combined),
      undefined,
      false,
    ],
    ['the VSS case manager, for the child it recorded', vssManager, child(), undefined, true],
    ['the PP case manager, for him (owner)', ppManager, him(), undefined, true],
    [
      'the VSS case manager, for him (not the owner)',
      vssManager,
      him(),
      grant('victim_contact', vssManager),
      false,
    ],
    [
      'another PP agency, for him',
      who(['pp_case_manager'], 'perpetrator', randomUUID()),
      him(),
      undefined,
      false,
    ],
  ])('%s', (_name, subject, row, facts, expected) => {
    expect(matchesRowFilter(personPolicy.table.fields.contact_enc(subject), row, facts?.(row))).toBe(
      expected,
    );
  });

  it.each<[string, Role, Side, string | null]>([
    ['agency admin of her service', 'agency_admin', 'victim', vss],
    ['agency admin of the programme', 'agency_admin', 'perpetrator', pp],
    ['network coordinator', 'network_coordinator', 'neutral', police],
    ['trainer of her service', 'trainer', 'victim', vss],
    ['analyst', 'analyst', 'neutral', police],
    ['system admin', 'system_admin', 'neutral', null],
  ])('an administrative role sees nothing, even as owner with a grant: %s', (_name, role, side, agencyId) => {
    const admin = who([role], side, agencyId);
    for (const row of [her(agencyId ?? vss), child(agencyId ?? vss), him(agencyId ?? pp)]) {
      const facts = agencyId ? grant('victim_contact', admin)(row) : undefined;
      expect(matchesRowFilter(personPolicy.table.read(admin), row, facts)).toBe(false);
      expect(matchesRowFilter(personPolicy.table.fields.contact_enc(admin), row, facts)).toBe(false);
    }
  });
});

describe('person.mother_id and father_id: a child’s links to the parents stay with its owner', () => {
  it.each<[string, Actor, PersonRow, boolean]>([
    ['the service that recorded the child', vssManager, child(), true],
    ['the programme, for a child her service recorded', ppManager, child(), false],
    ['the programme, for a child it recorded', ppManager, child(pp, 'perpetrator'), true],
    ['the police', liaison, child(), false],
  ])('%s', (_name, subject, row, expected) => {
    expect(matchesRowFilter(personPolicy.table.fields.mother_id(subject), row)).toBe(expected);
    expect(matchesRowFilter(personPolicy.table.fields.father_id(subject), row)).toBe(expected);
  });
});

describe('person: who writes', () => {
  it.each<[string, Actor, PersonRow, boolean]>([
    ['her service writes her record and her contact', vssManager, her(), true],
    ['the partner-contact worker too', partnerContact, her(), true],
    ['the programme cannot', ppManager, her(vss), false],
    ['the PP side of her own organisation cannot', combinedPp, her(combined), false],
    [
      '… not even a record it would own (a CHECK refuses it too)',
      combinedPp,
      person('partner', combined, 'perpetrator'),
      false,
    ],
    ['another service cannot', otherVssManager, her(), false],
    ['the programme writes him', ppManager, him(), true],
    ['her service cannot write him', vssManager, him(), false],
    [
      'the programme records a child it knows of, with no contact details',
      ppManager,
      child(pp, 'perpetrator', null),
      true,
    ],
    [
      '… never with any (the school is where the child is)',
      ppManager,
      child(pp, 'perpetrator', 'ciphertext'),
      false,
    ],
    ['her service records a child with the school', vssManager, child(vss, 'victim', 'ciphertext'), true],
    ['an admin of her service cannot', who(['agency_admin'], 'victim', vss), her(), false],
  ])('%s', (_name, subject, row, expected) => {
    expect(matchesRowFilter(personPolicy.table.write(subject), row)).toBe(expected);
  });

  it.each<[string, Actor, PersonRow, boolean]>([
    ['her service edits her contact details', vssManager, her(), true],
    ['the child-protection lead of her service too', childProtection, her(), true],
    ['another service cannot', otherVssManager, her(), false],
    ['the programme cannot', ppManager, her(vss), false],
    ['the PP side of her own organisation cannot', combinedPp, her(combined), false],
    ['the police cannot', liaison, her(), false],
    ['the programme edits his', ppManager, him(), true],
    [
      'never a child’s it knows of (the school is where the child is)',
      ppManager,
      child(pp, 'perpetrator', null),
      false,
    ],
    ['her service edits the school of a child it recorded', vssManager, child(), true],
    ['an admin of her service cannot', who(['agency_admin'], 'victim', vss), her(), false],
  ])('edits the contact details: %s → %s', (_name, subject, row, expected) => {
    const record = { kind: row.kind, ownerAgencyId: row.owner_agency_id, ownerSide: row.owner_side };
    expect(personPolicy.canEditContact(subject, record)).toBe(expected);
    // The write policy's decision on the row once it carries contact details.
    expect(matchesRowFilter(personPolicy.table.write(subject), { ...row, contact_enc: 'ciphertext' })).toBe(
      expected,
    );
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
