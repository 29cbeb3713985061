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

const who = (roles: Role[], side: Side, agencyId: string | null, networkIds = [network]): Actor =>
  actor({ roles, side, agencyId, networkIds });
const coordinator = who(['network_coordinator'], 'neutral', agencyB);
const caseManager = who(['pp_case_manager'], 'perpetrator', agencyA);
const outsider = who(['vss_case_manager'], 'victim', randomUUID());

const agreement = (networkId: string | null = network) => ({
  'agreement.id': agreementId,
  'agreement.network_id': networkId,
});
const party = (agencyId: string): FilterFacts => ({ agreementParties: [{ agreementId, agencyId }] });

describe('agreementPolicy.visibleRows', () => {
  it.each<[string, Actor, ReturnType<typeof agreement>, FilterFacts | undefined, boolean]>([
    ['a party agency reads it', caseManager, agreement(), party(agencyA), true],
    [
      'a party agency reads a case-level agreement (no network)',
      caseManager,
      agreement(null),
      party(agencyA),
      true,
    ],
    ['a non-party agency in the same network does not', outsider, agreement(), party(agencyA), false],
    [
      'the coordinator reads every agreement of their network',
      coordinator,
      agreement(),
      party(agencyA),
      true,
    ],
    [
      'the coordinator does not read another network’s',
      coordinator,
      agreement(otherNetwork),
      party(agencyA),
      false,
    ],
    [
      'the coordinator does not read a case-level agreement their agency is not party to',
      coordinator,
      agreement(null),
      party(agencyA),
      false,
    ],
    ['a case manager is not a coordinator for the network', caseManager, agreement(), party(agencyB), false],
    ['nobody without an agency', who(['system_admin'], 'neutral', null), agreement(), party(agencyA), false],
  ])('%s', (_name, subject, row, facts, expected) => {
    expect(matchesRowFilter(agreementPolicy.visibleRows(subject), row, facts)).toBe(expected);
  });
});

describe('agreementPolicy commands', () => {
  it.each<[string, Actor, string, boolean]>([
    ['the coordinator, own network', coordinator, network, true],
    ['the coordinator, another network', coordinator, otherNetwork, false],
    ['a case manager', caseManager, network, false],
    ['an agency admin', who(['agency_admin'], 'victim', agencyA), network, false],
    ['a system admin (not a coordinator)', who(['system_admin'], 'neutral', null), network, false],
  ])(
    'records organisation agreements and Phase 1 meetings: %s → %s',
    (_name, subject, networkId, expected) => {
      expect(agreementPolicy.canRecordForNetwork(subject, networkId)).toBe(expected);
    },
  );

  it('shows Phase 1 meetings of the actor’s own networks only', () => {
    const filter = agreementPolicy.phase1VisibleRows(caseManager);
    expect(matchesRowFilter(filter, { 'phase1_meeting.network_id': network })).toBe(true);
    expect(matchesRowFilter(filter, { 'phase1_meeting.network_id': otherNetwork })).toBe(false);
    expect(
      matchesRowFilter(agreementPolicy.phase1VisibleRows(who(['vss_case_manager'], 'victim', agencyA, [])), {
        'phase1_meeting.network_id': network,
      }),
    ).toBe(false);
  });
});
