import { randomUUID } from 'node:crypto';
import type { Role, Side } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { actor } from '../testing/factories.js';
import type { Actor } from './actor.js';
import { agreementPolicy } from './agreement.policy.js';
import { type FilterFacts, matchesRowFilter } from './row-filter.js';

const network = randomUUID();
const otherNetwork = randomUUID();
const agencyA = randomUUID();
const agencyB = randomUUID();
const agreementId = randomUUID();
const jointCaseId = randomUUID();

const who = (roles: Role[], side: Side, agencyId: string | null, networkIds = [network]): Actor =>
  actor({ roles, side, agencyId, networkIds });
const coordinator = who(['network_coordinator'], 'neutral', agencyB);
const caseManager = who(['pp_case_manager'], 'perpetrator', agencyA);
const herCaseManager = who(['vss_case_manager'], 'victim', agencyB);
const outsider = who(['vss_case_manager'], 'victim', randomUUID());
const sysadmin = who(['system_admin'], 'neutral', null, []);

type AgreementRow = {
  id: string;
  level: 'organisation' | 'case';
  network_id: string | null;
  joint_case_id: string | null;
  created_by: string;
};
const organisation = (networkId = network): AgreementRow => ({
  id: agreementId,
  level: 'organisation',
  network_id: networkId,
  joint_case_id: null,
  created_by: coordinator.userId,
});
const caseLevel = (createdBy = herCaseManager.userId): AgreementRow => ({
  id: agreementId,
  level: 'case',
  network_id: null,
  joint_case_id: jointCaseId,
  created_by: createdBy,
});
/** The agreement's parties, and the joint case it was made with (her case manager named on it). */
const facts = (...parties: string[]): FilterFacts => ({
  agreementParties: parties.map((agencyId) => ({ agreementId, agencyId })),
  rows: {
    agreement: [organisation()],
    joint_case: [
      { id: jointCaseId, pp_case_manager_id: randomUUID(), vss_case_manager_id: herCaseManager.userId },
    ],
  },
});

describe('agreementPolicy.agreements (read, write)', () => {
  it.each<[string, Actor, AgreementRow, FilterFacts, { read: boolean; write: boolean }]>([
    [
      'a party agency reads it, and does not change it',
      caseManager,
      organisation(),
      facts(agencyA),
      { read: true, write: false },
    ],
    [
      'a party agency reads a case-level agreement',
      caseManager,
      caseLevel(),
      facts(agencyA),
      { read: true, write: false },
    ],
    [
      'a non-party agency in the same network does not',
      outsider,
      organisation(),
      facts(agencyA),
      { read: false, write: false },
    ],
    [
      'the coordinator reads and keeps every organisation agreement of their network',
      coordinator,
      organisation(),
      facts(agencyA),
      { read: true, write: true },
    ],
    [
      'the coordinator does not reach another network’s',
      coordinator,
      organisation(otherNetwork),
      facts(agencyA),
      { read: false, write: false },
    ],
    [
      'the coordinator does not reach a case-level agreement their agency is not party to',
      coordinator,
      caseLevel(),
      facts(agencyA),
      { read: false, write: false },
    ],
    [
      'a case manager is not a coordinator for the network',
      caseManager,
      organisation(),
      facts(agencyB),
      { read: false, write: false },
    ],
    [
      'her case manager keeps the case-level agreement of her joint case',
      herCaseManager,
      caseLevel(randomUUID()),
      facts(agencyA),
      { read: false, write: true },
    ],
    ['… and the one she drew up', herCaseManager, caseLevel(), facts(), { read: false, write: true }],
    [
      '… but never an organisation agreement',
      herCaseManager,
      organisation(),
      facts(agencyB),
      { read: true, write: false },
    ],
    ['nobody without an agency', sysadmin, organisation(), facts(agencyA), { read: false, write: false }],
  ])('%s', (_name, subject, row, rowFacts, expected) => {
    expect(matchesRowFilter(agreementPolicy.agreements.read(subject), row, rowFacts)).toBe(expected.read);
    expect(matchesRowFilter(agreementPolicy.agreements.write(subject), row, rowFacts)).toBe(expected.write);
  });
});

describe('agreementPolicy.parties follow their agreement', () => {
  const party = { agreement_id: agreementId, agency_id: agencyA };
  it.each<[string, Actor, FilterFacts, { read: boolean; write: boolean }]>([
    ['the coordinator of the network', coordinator, facts(agencyA), { read: true, write: true }],
    ['a party agency reads the parties', caseManager, facts(agencyA), { read: true, write: false }],
    ['an agency outside the agreement sees none', outsider, facts(agencyA), { read: false, write: false }],
    [
      'a coordinator of another network neither',
      who(['network_coordinator'], 'neutral', agencyB, [otherNetwork]),
      facts(agencyA),
      { read: false, write: false },
    ],
  ])('%s', (_name, subject, rowFacts, expected) => {
    expect(matchesRowFilter(agreementPolicy.parties.read(subject), party, rowFacts)).toBe(expected.read);
    expect(matchesRowFilter(agreementPolicy.parties.write(subject), party, rowFacts)).toBe(expected.write);
  });
});

describe('agreementPolicy.phase1Meetings', () => {
  const meeting = (networkId: string) => ({ id: randomUUID(), network_id: networkId });
  it.each<[string, Actor, string, { read: boolean; write: boolean }]>([
    [
      'the coordinator records and reads those of their network',
      coordinator,
      network,
      { read: true, write: true },
    ],
    [
      'the coordinator does not reach another network’s',
      coordinator,
      otherNetwork,
      { read: false, write: false },
    ],
    ['everyone in the network reads them', caseManager, network, { read: true, write: false }],
    [
      'an agency outside the network does not',
      who(['vss_case_manager'], 'victim', agencyA, []),
      network,
      { read: false, write: false },
    ],
    [
      'nor does the system admin, who belongs to no network',
      sysadmin,
      network,
      { read: false, write: false },
    ],
  ])('%s', (_name, subject, networkId, expected) => {
    const row = meeting(networkId);
    expect(matchesRowFilter(agreementPolicy.phase1Meetings.read(subject), row)).toBe(expected.read);
    expect(matchesRowFilter(agreementPolicy.phase1Meetings.write(subject), row)).toBe(expected.write);
  });
});

describe('agreementPolicy.canRecordForNetwork', () => {
  it.each<[string, Actor, string, boolean]>([
    ['the coordinator, own network', coordinator, network, true],
    ['the coordinator, another network', coordinator, otherNetwork, false],
    ['a case manager', caseManager, network, false],
    ['an agency admin', who(['agency_admin'], 'victim', agencyA), network, false],
    ['a system admin (not a coordinator)', sysadmin, network, false],
  ])(
    'records organisation agreements and Phase 1 meetings: %s → %s',
    (_name, subject, networkId, expected) => {
      expect(agreementPolicy.canRecordForNetwork(subject, networkId)).toBe(expected);
    },
  );
});
