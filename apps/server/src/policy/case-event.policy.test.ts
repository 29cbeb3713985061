import { randomUUID } from 'node:crypto';
import { INFORMATION_SOURCES, type InformationKind, type Role, type Side } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { actor } from '../testing/factories.js';
import type { Actor } from './actor.js';
import { caseEventPolicy } from './case-event.policy.js';
import { type FilterFacts, matchesRowFilter } from './row-filter.js';

const pp = randomUUID();
const vss = randomUUID();
const police = randomUUID();
const combined = randomUUID();
const himId = randomUUID();
const herId = randomUUID();

const who = (roles: Role[], side: Side, agencyId: string | null): Actor => actor({ roles, side, agencyId });
const ppManager = who(['pp_case_manager'], 'perpetrator', pp);
const vssManager = who(['vss_case_manager'], 'victim', vss);
const liaison = who(['agency_liaison'], 'neutral', police);
const combinedPp = who(['pp_case_manager'], 'perpetrator', combined);

/** A case_event row joined with its programme episode as `e`. */
const event = (
  owner: { agency: string; side: Side },
  aboutHer: boolean,
  episodeAgency = pp,
): Record<string, unknown> => ({
  'case_event.owner_agency_id': owner.agency,
  'case_event.owner_side': owner.side,
  'case_event.partner_person_id': aboutHer ? herId : null,
  'e.agency_id': episodeAgency,
  'e.person_id': himId,
});
const grants = (...list: Array<[string, string, Side, InformationKind]>): FilterFacts => ({
  grants: list.map(([subjectPersonId, agencyId, side, kind]) => ({ subjectPersonId, agencyId, side, kind })),
});

const byVssAboutHim = event({ agency: vss, side: 'victim' }, false);
const byVssAboutHer = event({ agency: vss, side: 'victim' }, true);
const byPp = event({ agency: pp, side: 'perpetrator' }, false);
const byPolice = event({ agency: police, side: 'neutral' }, false);

describe('caseEventPolicy.visibleRows', () => {
  it.each<[string, Actor, Record<string, unknown>, FilterFacts | undefined, boolean]>([
    ['the programme sees what it recorded', ppManager, byPp, undefined, true],
    [
      'the programme sees what the VSS recorded about him on its episode',
      ppManager,
      byVssAboutHim,
      undefined,
      true,
    ],
    [
      'the programme sees what police recorded about him on its episode',
      ppManager,
      byPolice,
      undefined,
      true,
    ],
    ['the programme never sees what the VSS recorded about her', ppManager, byVssAboutHer, undefined, false],
    [
      'not even if a grant (which cannot exist) said so',
      ppManager,
      byVssAboutHer,
      grants([herId, pp, 'perpetrator', 'victim_disclosures']),
      false,
    ],
    [
      'another programme sees nothing about his episode',
      who(['pp_case_manager'], 'perpetrator', randomUUID()),
      byPp,
      undefined,
      false,
    ],
    ['the VSS sees what it recorded about her', vssManager, byVssAboutHer, undefined, true],
    [
      'the VSS sees the programme’s events with a safety_concerns grant',
      vssManager,
      byPp,
      grants([himId, vss, 'victim', 'safety_concerns']),
      true,
    ],
    ['…and not without it', vssManager, byPp, grants([himId, vss, 'victim', 'programme']), false],
    [
      'police see events about him with safety_concerns',
      liaison,
      byPp,
      grants([himId, police, 'neutral', 'safety_concerns']),
      true,
    ],
    [
      'police never see what the VSS recorded about her without victim_disclosures',
      liaison,
      byVssAboutHer,
      grants([himId, police, 'neutral', 'safety_concerns'], [herId, police, 'neutral', 'victim_core']),
      false,
    ],
    [
      'another service with her victim_disclosures grant sees events about her',
      who(['vss_case_manager'], 'victim', combined),
      byVssAboutHer,
      grants([herId, combined, 'victim', 'victim_disclosures']),
      true,
    ],
    [
      'the PP side of the combined organisation never sees its VSS side’s events about her',
      combinedPp,
      event({ agency: combined, side: 'victim' }, true, combined),
      undefined,
      false,
    ],
    [
      'the PP side of the combined organisation sees its VSS side’s events about him on its episode',
      combinedPp,
      event({ agency: combined, side: 'victim' }, false, combined),
      undefined,
      true,
    ],
    ['an agency admin sees none', who(['agency_admin'], 'perpetrator', pp), byPp, undefined, false],
  ])('%s', (_name, subject, row, facts, expected) => {
    expect(matchesRowFilter(caseEventPolicy.visibleRows(subject), row, facts)).toBe(expected);
  });
});

describe('caseEventPolicy.sourceFor', () => {
  it('never tells the perpetrator side that something came from her', () => {
    for (const subject of [ppManager, combinedPp, who(['agency_admin'], 'perpetrator', pp)]) {
      expect(caseEventPolicy.sourceFor(subject, 'her')).toBe('another_source');
    }
  });

  it.each(INFORMATION_SOURCES.filter((source) => source !== 'her'))(
    'passes %s through to the perpetrator side',
    (source) => {
      expect(caseEventPolicy.sourceFor(ppManager, source)).toBe(source);
    },
  );

  it('tells the victim side and neutral agencies the real source', () => {
    expect(caseEventPolicy.sourceFor(vssManager, 'her')).toBe('her');
    expect(caseEventPolicy.sourceFor(liaison, 'her')).toBe('her');
    expect(caseEventPolicy.sourceFor(ppManager, null)).toBeNull();
  });
});
