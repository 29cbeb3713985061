import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { actor } from '../testing/factories.js';
import type { Actor } from './actor.js';
import { agencyPolicy, networkPolicy, systemOnly } from './agency.policy.js';
import { matchesRowFilter } from './row-filter.js';
import type { TablePolicy } from './table-policy.js';

const sysadmin = actor({ roles: ['system_admin'], side: 'neutral', agencyId: null });
const agencyAdmin = actor({ roles: ['agency_admin'], side: 'victim' });
const coordinator = actor({ roles: ['network_coordinator'], side: 'neutral' });
const caseManager = actor({ roles: ['vss_case_manager'], side: 'victim' });

const agency = { id: randomUUID(), kind: 'police', active: true };
const network = { id: randomUUID(), name: 'N' };
const membership = { network_id: network.id, agency_id: agency.id };

describe('the service directory: networks, agencies, memberships', () => {
  const tables: Array<[string, TablePolicy, Record<string, unknown>]> = [
    ['agency', agencyPolicy.agencies, agency],
    ['network', agencyPolicy.networks, network],
    ['network_membership', agencyPolicy.memberships, membership],
  ];
  const who: Array<[string, Actor, { read: boolean; write: boolean }]> = [
    ['the system admin', sysadmin, { read: true, write: true }],
    ['an agency admin', agencyAdmin, { read: true, write: false }],
    ['the network coordinator', coordinator, { read: true, write: false }],
    ['a case manager', caseManager, { read: true, write: false }],
  ];
  it.each(
    tables.flatMap(([table, policy, row]) =>
      who.map(([name, subject, expected]) => [table, name, policy, row, subject, expected] as const),
    ),
  )('%s: %s reads %s', (_table, _name, policy, row, subject, expected) => {
    expect(matchesRowFilter(policy.read(subject), row)).toBe(expected.read);
    expect(matchesRowFilter(policy.write(subject), row)).toBe(expected.write);
  });

  it.each([
    ['system admin', sysadmin, true],
    ['agency admin', agencyAdmin, false],
    ['network coordinator', coordinator, false],
    ['case manager', caseManager, false],
  ])('%s may create and change agencies and networks: %s', (_name, subject, expected) => {
    expect(agencyPolicy.canCreate(subject)).toBe(expected);
    expect(agencyPolicy.canUpdate(subject)).toBe(expected);
    expect(networkPolicy.canCreate(subject)).toBe(expected);
  });

  it('the coordinator of a network writes its settings, not those of another network', () => {
    const ownCoordinator = actor({
      roles: ['network_coordinator'],
      side: 'neutral',
      networkIds: [network.id],
    });
    expect(matchesRowFilter(agencyPolicy.networks.write(ownCoordinator), network)).toBe(true);
    expect(matchesRowFilter(agencyPolicy.networks.write(ownCoordinator), { id: randomUUID() })).toBe(false);
    expect(networkPolicy.canChangeSettings(ownCoordinator, network.id)).toBe(true);
    expect(networkPolicy.canChangeSettings(ownCoordinator, randomUUID())).toBe(false);
    expect(networkPolicy.canChangeSettings(sysadmin, network.id)).toBe(true);
    const ownAgencyAdmin = actor({ roles: ['agency_admin'], side: 'victim', networkIds: [network.id] });
    expect(networkPolicy.canChangeSettings(ownAgencyAdmin, network.id)).toBe(false);
    expect(matchesRowFilter(agencyPolicy.networks.write(ownAgencyAdmin), network)).toBe(false);
  });

  it.each([
    ['the system admin', sysadmin],
    ['an agency admin', agencyAdmin],
  ])(
    'sessions, recovery codes and rate limits are the system handle’s only: not even %s',
    (_name, subject) => {
      expect(matchesRowFilter(systemOnly.read(subject), { id: 'x', user_id: subject.userId })).toBe(false);
      expect(matchesRowFilter(systemOnly.write(subject), { id: 'x', user_id: subject.userId })).toBe(false);
    },
  );
});

describe('directory entries: everyone reads the listed ones, the agency’s own admin writes its own', () => {
  const ownAgency = randomUUID();
  const listed = { agency_id: ownAgency, listed: true };
  const unlisted = { agency_id: ownAgency, listed: false };
  const otherListed = { agency_id: randomUUID(), listed: true };
  const ownAdmin = actor({ roles: ['agency_admin'], side: 'victim', agencyId: ownAgency });
  const otherAdmin = actor({ roles: ['agency_admin'], side: 'victim' });
  const ownCaseManager = actor({ roles: ['vss_case_manager'], side: 'victim', agencyId: ownAgency });
  const ppManager = actor({ roles: ['pp_case_manager'], side: 'perpetrator' });
  const liaison = actor({ roles: ['agency_liaison'], side: 'neutral' });
  const analyst = actor({ roles: ['analyst'], side: 'neutral' });
  const policy = agencyPolicy.directoryEntries;
  const who: Array<
    [string, Actor, { listed: boolean; unlisted: boolean; writesOwn: boolean; writesOther: boolean }]
  > = [
    ['the system admin', sysadmin, { listed: true, unlisted: true, writesOwn: true, writesOther: true }],
    ['its own agency admin', ownAdmin, { listed: true, unlisted: true, writesOwn: true, writesOther: false }],
    [
      'another agency’s admin',
      otherAdmin,
      { listed: true, unlisted: false, writesOwn: false, writesOther: false },
    ],
    [
      'a case manager of the agency',
      ownCaseManager,
      { listed: true, unlisted: false, writesOwn: false, writesOther: false },
    ],
    [
      'a perpetrator-side case manager',
      ppManager,
      { listed: true, unlisted: false, writesOwn: false, writesOther: false },
    ],
    [
      'the network coordinator',
      coordinator,
      { listed: true, unlisted: false, writesOwn: false, writesOther: false },
    ],
    ['a police liaison', liaison, { listed: true, unlisted: false, writesOwn: false, writesOther: false }],
    ['an analyst', analyst, { listed: true, unlisted: false, writesOwn: false, writesOther: false }],
  ];
  it.each(who)('%s', (_name, subject, expected) => {
    expect(matchesRowFilter(policy.read(subject), listed)).toBe(expected.listed);
    expect(matchesRowFilter(policy.read(subject), otherListed)).toBe(true);
    expect(matchesRowFilter(policy.read(subject), unlisted)).toBe(expected.unlisted);
    expect(matchesRowFilter(policy.write(subject), listed)).toBe(expected.writesOwn);
    expect(matchesRowFilter(policy.write(subject), otherListed)).toBe(expected.writesOther);
    expect(agencyPolicy.canEditDirectoryEntry(subject, ownAgency)).toBe(expected.writesOwn);
  });

  it('an agency admin without an agency writes no entry', () => {
    const adrift = actor({ roles: ['agency_admin'], side: 'neutral', agencyId: null });
    expect(matchesRowFilter(policy.write(adrift), listed)).toBe(false);
    expect(matchesRowFilter(policy.read(adrift), unlisted)).toBe(false);
  });
});
