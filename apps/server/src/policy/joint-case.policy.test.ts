import { randomUUID } from 'node:crypto';
import type { Role, Side } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { actor } from '../testing/factories.js';
import type { Actor } from './actor.js';
import { jointCasePolicy } from './joint-case.policy.js';
import { type FilterFacts, matchesRowFilter } from './row-filter.js';

const pp = randomUUID();
const vss = randomUUID();
const police = randomUUID();
const combined = randomUUID();
const herId = randomUUID();
const agreementId = randomUUID();

const who = (roles: Role[], side: Side, agencyId: string | null): Actor => actor({ roles, side, agencyId });
const ppManager = who(['pp_case_manager'], 'perpetrator', pp);
const vssManager = who(['vss_case_manager'], 'victim', vss);
const partnerContact = who(['partner_contact_worker'], 'victim', vss);
const liaison = who(['agency_liaison'], 'neutral', police);
const combinedPp = who(['pp_case_manager'], 'perpetrator', combined);
const combinedVss = who(['vss_case_manager'], 'victim', combined);

const jointCase = (ppAgency = pp, vssAgency = vss) => ({
  'joint_case.pp_agency_id': ppAgency,
  'joint_case.vss_agency_id': vssAgency,
  'joint_case.partner_person_id': herId,
  'joint_case.agreement_id': agreementId,
});
const party = (agencyId: string): FilterFacts => ({ agreementParties: [{ agreementId, agencyId }] });

describe('jointCasePolicy.visibleRows (the case header)', () => {
  it.each<[string, Actor, ReturnType<typeof jointCase>, FilterFacts | undefined, boolean]>([
    ['the programme’s perpetrator side', ppManager, jointCase(), undefined, true],
    ['her service’s victim side', vssManager, jointCase(), undefined, true],
    ['the partner-contact worker of her service', partnerContact, jointCase(), undefined, true],
    [
      'a partner-contact service elsewhere with her victim_core grant',
      who(['partner_contact_worker'], 'victim', combined),
      jointCase(),
      { grants: [{ subjectPersonId: herId, agencyId: combined, side: 'victim', kind: 'victim_core' }] },
      true,
    ],
    ['police party to the case agreement', liaison, jointCase(), party(police), true],
    ['police not party to it', liaison, jointCase(), party(randomUUID()), false],
    [
      'police party to some other agreement',
      liaison,
      jointCase(),
      { agreementParties: [{ agreementId: randomUUID(), agencyId: police }] },
      false,
    ],
    [
      'another programme',
      who(['pp_case_manager'], 'perpetrator', randomUUID()),
      jointCase(),
      undefined,
      false,
    ],
    [
      'the programme, even as a party to the agreement, only via its own agency',
      who(['pp_case_manager'], 'perpetrator', police),
      jointCase(),
      party(police),
      false,
    ],
    [
      'the PP side of the combined organisation, case of its own PP',
      combinedPp,
      jointCase(combined, combined),
      undefined,
      true,
    ],
    [
      'the PP side of the combined organisation, case where it is only her service',
      combinedPp,
      jointCase(pp, combined),
      party(combined),
      false,
    ],
    [
      'the VSS side of the combined organisation, case where it is only the programme',
      combinedVss,
      jointCase(combined, vss),
      undefined,
      false,
    ],
    [
      'an agency admin of the programme',
      who(['agency_admin'], 'perpetrator', pp),
      jointCase(),
      party(pp),
      false,
    ],
    [
      'a network coordinator',
      who(['network_coordinator'], 'neutral', police),
      jointCase(),
      party(police),
      false,
    ],
  ])('%s', (_name, subject, row, facts, expected) => {
    expect(matchesRowFilter(jointCasePolicy.visibleRows(subject), row, facts)).toBe(expected);
  });
});

describe('jointCasePolicy commands', () => {
  it.each<[string, Actor, boolean]>([
    ['her case manager', vssManager, true],
    ['the VSS side of the combined organisation', combinedVss, true],
    ['the partner-contact worker', partnerContact, false],
    ['the PP case manager', ppManager, false],
    ['police liaison', liaison, false],
    ['a VSS agency admin', who(['agency_admin'], 'victim', vss), false],
  ])('opens a joint case: %s → %s', (_name, subject, expected) => {
    expect(jointCasePolicy.canCreate(subject)).toBe(expected);
  });

  it('is closed by either named case manager and nobody else', () => {
    const named = { ppCaseManagerId: ppManager.userId, vssCaseManagerId: vssManager.userId };
    expect(jointCasePolicy.canClose(ppManager, named)).toBe(true);
    expect(jointCasePolicy.canClose(vssManager, named)).toBe(true);
    expect(jointCasePolicy.canClose(partnerContact, named)).toBe(false);
    expect(jointCasePolicy.canClose(who(['pp_case_manager'], 'perpetrator', pp), named)).toBe(false);
  });

  it.each<[string, Actor, boolean]>([
    ['PP case manager', ppManager, true],
    ['VSS case manager', vssManager, true],
    ['police liaison', liaison, true],
    ['agency admin', who(['agency_admin'], 'victim', vss), false],
    ['trainer', who(['trainer'], 'victim', vss), false],
  ])('records critical events and informal contacts: %s → %s', (_name, subject, expected) => {
    expect(jointCasePolicy.canRecordEvents(subject)).toBe(expected);
  });
});
