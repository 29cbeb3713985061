import { randomUUID } from 'node:crypto';
import type { InformationKind, Role, Side } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { actor } from '../testing/factories.js';
import type { Actor } from './actor.js';
import { ppEpisodePolicy } from './pp-episode.policy.js';
import { type FilterFacts, matchesRowFilter } from './row-filter.js';

const pp = randomUUID();
const vss = randomUUID();
const combined = randomUUID();
const police = randomUUID();
const himId = randomUUID();

const who = (roles: Role[], side: Side, agencyId: string | null): Actor => actor({ roles, side, agencyId });
const ppManager = who(['pp_case_manager'], 'perpetrator', pp);
const vssManager = who(['vss_case_manager'], 'victim', vss);
const partnerContact = who(['partner_contact_worker'], 'victim', vss);
const combinedPp = who(['pp_case_manager'], 'perpetrator', combined);
const combinedVss = who(['vss_case_manager'], 'victim', combined);
const liaison = who(['agency_liaison'], 'neutral', police);
const ppAdmin = who(['agency_admin'], 'perpetrator', pp);

const episode = (agencyId = pp) => ({ 'pp_episode.agency_id': agencyId, 'pp_episode.person_id': himId });
const grant = (agencyId: string, side: Side, kind: InformationKind = 'programme'): FilterFacts => ({
  grants: [{ subjectPersonId: himId, agencyId, side, kind }],
});

describe('ppEpisodePolicy.visibleRows', () => {
  it.each<[string, Actor, ReturnType<typeof episode>, FilterFacts | undefined, boolean]>([
    ['the programme sees its own episode', ppManager, episode(), undefined, true],
    [
      'another programme does not',
      who(['pp_case_manager'], 'perpetrator', randomUUID()),
      episode(),
      undefined,
      false,
    ],
    [
      'her service sees it through his release (programme grant)',
      vssManager,
      episode(),
      grant(vss, 'victim'),
      true,
    ],
    ['the partner-contact worker too', partnerContact, episode(), grant(vss, 'victim'), true],
    ['her service without a grant does not', vssManager, episode(), undefined, false],
    [
      'a safety-concerns grant alone does not show the episode',
      vssManager,
      episode(),
      grant(vss, 'victim', 'safety_concerns'),
      false,
    ],
    ['police through their case agreement', liaison, episode(), grant(police, 'neutral'), true],
    ['police without it do not', liaison, episode(), undefined, false],
    [
      'the VSS side of the combined organisation does not see its PP side’s episode',
      combinedVss,
      episode(combined),
      undefined,
      false,
    ],
    ['… unless his release gives it', combinedVss, episode(combined), grant(combined, 'victim'), true],
    ['the PP side of the combined organisation sees its own', combinedPp, episode(combined), undefined, true],
    [
      'the programme’s agency admin sees no case content',
      ppAdmin,
      episode(),
      grant(pp, 'perpetrator'),
      false,
    ],
  ])('%s', (_name, subject, row, facts, expected) => {
    expect(matchesRowFilter(ppEpisodePolicy.visibleRows(subject), row, facts)).toBe(expected);
  });

  it('works on an aliased table', () => {
    const filter = ppEpisodePolicy.visibleRows(ppManager, 'e');
    expect(matchesRowFilter(filter, { 'e.agency_id': pp, 'e.person_id': himId })).toBe(true);
    expect(matchesRowFilter(filter, episode())).toBe(false);
  });
});

describe('ppEpisodePolicy commands', () => {
  it.each<[string, Actor, boolean]>([
    ['PP case manager', ppManager, true],
    ['PP case manager of the combined organisation', combinedPp, true],
    ['VSS case manager', vssManager, false],
    ['partner-contact worker', partnerContact, false],
    ['police liaison', liaison, false],
    ['PP agency admin', ppAdmin, false],
    ['a coordinator on the perpetrator side', who(['network_coordinator'], 'perpetrator', pp), false],
  ])('refers a man to a programme: %s → %s', (_name, subject, expected) => {
    expect(ppEpisodePolicy.canRefer(subject)).toBe(expected);
  });

  it.each<[string, Actor, string, boolean]>([
    ['own agency', ppManager, pp, true],
    ['another programme’s episode', ppManager, randomUUID(), false],
    ['her service, even on an episode it can see', vssManager, pp, false],
    ['the VSS side of the combined organisation, on its own agency’s episode', combinedVss, combined, false],
  ])('manages an episode: %s → %s', (_name, subject, agencyId, expected) => {
    expect(ppEpisodePolicy.canManage(subject, { agencyId })).toBe(expected);
  });

  it.each<[string, Actor, boolean]>([
    ['PP case manager', ppManager, false],
    ['PP side of the combined organisation', combinedPp, false],
    ['PP agency admin', ppAdmin, false],
    ['VSS case manager', vssManager, true],
    ['police liaison', liaison, true],
  ])('sees the link from a named partner to her record: %s → %s', (_name, subject, expected) => {
    expect(ppEpisodePolicy.canSeePartnerRecordLink(subject)).toBe(expected);
  });
});
