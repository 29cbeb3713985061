import { randomUUID } from 'node:crypto';
import type { InformationKind, Role, Side } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { actor } from '../testing/factories.js';
import type { Actor } from './actor.js';
import { type FilterFacts, matchesRowFilter } from './row-filter.js';
import { victimFilePolicy } from './victim-file.policy.js';

const vss = randomUUID();
const otherVss = randomUUID();
const combined = randomUUID();
const police = randomUUID();
const herId = randomUUID();

const who = (roles: Role[], side: Side, agencyId: string | null): Actor => actor({ roles, side, agencyId });
const vssManager = who(['vss_case_manager'], 'victim', vss);
const partnerContact = who(['partner_contact_worker'], 'victim', vss);
const childProtection = who(['child_protection_lead'], 'victim', vss);
const otherVssManager = who(['vss_case_manager'], 'victim', otherVss);
const ppManager = who(['pp_case_manager'], 'perpetrator', randomUUID());
const combinedPp = who(['pp_case_manager'], 'perpetrator', combined);
const combinedVss = who(['vss_case_manager'], 'victim', combined);
const liaison = who(['agency_liaison'], 'neutral', police);
const vssAdmin = who(['agency_admin'], 'victim', vss);

const columns = { agency: 'consent.owner_agency_id', person: 'consent.person_id' };
const row = (ownerAgencyId = vss) => ({
  'consent.owner_agency_id': ownerAgencyId,
  'consent.person_id': herId,
});
const grant = (agencyId: string, side: Side, kind: InformationKind): FilterFacts => ({
  grants: [{ subjectPersonId: herId, agencyId, side, kind }],
});

describe('victimFilePolicy.visibleRows (her file: consents, preferences, partner contacts)', () => {
  it.each<[string, Actor, ReturnType<typeof row>, FilterFacts | undefined, boolean]>([
    ['her case manager', vssManager, row(), undefined, true],
    ['the partner-contact worker of her service', partnerContact, row(), undefined, true],
    ['the child-protection lead of her service', childProtection, row(), undefined, true],
    ['another service', otherVssManager, row(), undefined, false],
    [
      'another service with a victim_core grant',
      otherVssManager,
      row(),
      grant(otherVss, 'victim', 'victim_core'),
      true,
    ],
    [
      'another service with only a contact grant',
      otherVssManager,
      row(),
      grant(otherVss, 'victim', 'victim_contact'),
      false,
    ],
    [
      'police with a victim_core grant on the neutral side',
      liaison,
      row(),
      grant(police, 'neutral', 'victim_core'),
      true,
    ],
    ['police without', liaison, row(), undefined, false],
    ['a PP case manager', ppManager, row(), undefined, false],
    [
      'a PP case manager even with a (forbidden) grant',
      ppManager,
      row(),
      grant(ppManager.agencyId!, 'perpetrator', 'victim_core'),
      false,
    ],
    ['the PP side of her own organisation', combinedPp, row(combined), undefined, false],
    ['the VSS side of her own organisation', combinedVss, row(combined), undefined, true],
    [
      'a neutral liaison of the owning agency is not the owner',
      who(['agency_liaison'], 'neutral', vss),
      row(),
      undefined,
      false,
    ],
    ['the agency admin of her service', vssAdmin, row(), grant(vss, 'victim', 'victim_core'), false],
  ])('%s', (_name, subject, target, facts, expected) => {
    expect(matchesRowFilter(victimFilePolicy.visibleRows(subject, columns), target, facts)).toBe(expected);
  });

  it('asks for victim_disclosures when told to: a victim_core grant does not open her disclosures', () => {
    const filter = victimFilePolicy.visibleRows(otherVssManager, columns, 'victim_disclosures');
    expect(matchesRowFilter(filter, row(), grant(otherVss, 'victim', 'victim_core'))).toBe(false);
    expect(matchesRowFilter(filter, row(), grant(otherVss, 'victim', 'victim_disclosures'))).toBe(true);
    // The owner reads her disclosures without any grant.
    expect(
      matchesRowFilter(victimFilePolicy.visibleRows(vssManager, columns, 'victim_disclosures'), row()),
    ).toBe(true);
  });
});

describe('victimFilePolicy commands', () => {
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
