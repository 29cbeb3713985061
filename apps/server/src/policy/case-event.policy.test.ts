import { randomUUID } from 'node:crypto';
import { INFORMATION_SOURCES, type InformationKind, type Role, type Side } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { actor } from '../testing/factories.js';
import type { Actor } from './actor.js';
import { caseEventPolicy } from './case-event.policy.js';
import { type FilterFacts, matchesRowFilter } from './row-filter.js';

/**
 * Critical events and informal contacts (docs/domain.md, "Critical events"): what is recorded
 * about him reaches whoever may see his safety information; what her service records about her
 * stays on the victim side; informal contacts belong to the two sides of their joint case.
 */

const pp = randomUUID();
const vss = randomUUID();
const police = randomUUID();
const combined = randomUUID();
const himId = randomUUID();
const herId = randomUUID();
const episodeId = randomUUID();
const combinedEpisodeId = randomUUID();
const jointCaseId = randomUUID();

const who = (roles: Role[], side: Side, agencyId: string | null): Actor => actor({ roles, side, agencyId });
const ppManager = who(['pp_case_manager'], 'perpetrator', pp);
const vssManager = who(['vss_case_manager'], 'victim', vss);
const partnerContact = who(['partner_contact_worker'], 'victim', vss);
const liaison = who(['agency_liaison'], 'neutral', police);
const combinedPp = who(['pp_case_manager'], 'perpetrator', combined);
const combinedVss = who(['vss_case_manager'], 'victim', combined);

const rows = {
  pp_episode: [
    { id: episodeId, agency_id: pp, person_id: himId },
    { id: combinedEpisodeId, agency_id: combined, person_id: himId },
  ],
  joint_case: [{ id: jointCaseId, pp_agency_id: pp, vss_agency_id: vss, partner_person_id: herId }],
};

type EventRow = Record<string, unknown>;
const event = (owner: { agency: string; side: Side }, aboutHer: boolean, episode = episodeId): EventRow => ({
  id: randomUUID(),
  episode_id: episode,
  event_type: 'critical',
  owner_agency_id: owner.agency,
  owner_side: owner.side,
  partner_person_id: aboutHer ? herId : null,
  joint_case_id: null,
});
const informal = (owner: { agency: string; side: Side }): EventRow => ({
  ...event(owner, false),
  event_type: 'informal_contact',
  joint_case_id: jointCaseId,
});
const facts = (...list: Array<[string, string, Side, InformationKind, string?]>): FilterFacts => ({
  rows,
  grants: list.map(([subjectPersonId, agencyId, side, kind, validTo]) => ({
    subjectPersonId,
    agencyId,
    side,
    kind,
    validFrom: null,
    validTo: validTo ?? null,
  })),
});

const byVssAboutHim = event({ agency: vss, side: 'victim' }, false);
const byVssAboutHer = event({ agency: vss, side: 'victim' }, true);
const byPp = event({ agency: pp, side: 'perpetrator' }, false);
const byPolice = event({ agency: police, side: 'neutral' }, false);
const contactByPp = informal({ agency: pp, side: 'perpetrator' });
const contactByPolice = informal({ agency: police, side: 'neutral' });

describe('case_event: who reads critical events and informal contacts', () => {
  it.each<[string, Actor, EventRow, FilterFacts, boolean]>([
    ['the programme sees what it recorded', ppManager, byPp, facts(), true],
    [
      'the programme sees what the VSS recorded about him on its episode',
      ppManager,
      byVssAboutHim,
      facts(),
      true,
    ],
    ['the programme sees what police recorded about him on its episode', ppManager, byPolice, facts(), true],
    ['the programme never sees what the VSS recorded about her', ppManager, byVssAboutHer, facts(), false],
    [
      'not even if a grant (which cannot exist) said so',
      ppManager,
      byVssAboutHer,
      facts([herId, pp, 'perpetrator', 'victim_disclosures']),
      false,
    ],
    [
      'another programme sees nothing about his episode',
      who(['pp_case_manager'], 'perpetrator', randomUUID()),
      byPp,
      facts(),
      false,
    ],
    ['the VSS sees what it recorded about her', vssManager, byVssAboutHer, facts(), true],
    [
      'the VSS sees the programme’s events with a safety_concerns grant',
      vssManager,
      byPp,
      facts([himId, vss, 'victim', 'safety_concerns']),
      true,
    ],
    [
      '… not once that grant has ended',
      vssManager,
      byPp,
      facts([himId, vss, 'victim', 'safety_concerns', '2026-02-28']),
      false,
    ],
    [
      '… and not with a programme grant alone',
      vssManager,
      byPp,
      facts([himId, vss, 'victim', 'programme']),
      false,
    ],
    [
      'police see events about him with safety_concerns',
      liaison,
      byPp,
      facts([himId, police, 'neutral', 'safety_concerns']),
      true,
    ],
    [
      'police never see what the VSS recorded about her without victim_disclosures',
      liaison,
      byVssAboutHer,
      facts([himId, police, 'neutral', 'safety_concerns'], [herId, police, 'neutral', 'victim_core']),
      false,
    ],
    [
      'another service with her victim_disclosures grant sees events about her',
      combinedVss,
      byVssAboutHer,
      facts([herId, combined, 'victim', 'victim_disclosures']),
      true,
    ],
    [
      'the PP side of the combined organisation never sees its VSS side’s events about her',
      combinedPp,
      event({ agency: combined, side: 'victim' }, true, combinedEpisodeId),
      facts(),
      false,
    ],
    [
      'the PP side of the combined organisation sees its VSS side’s events about him on its episode',
      combinedPp,
      event({ agency: combined, side: 'victim' }, false, combinedEpisodeId),
      facts(),
      true,
    ],
    ['an agency admin sees none', who(['agency_admin'], 'perpetrator', pp), byPp, facts(), false],
    // Informal contacts: the two sides of their joint case, whatever else a reader holds.
    ['the programme sees the informal contacts of its case', ppManager, contactByPp, facts(), true],
    ['her case manager sees them', vssManager, contactByPp, facts(), true],
    ['the partner-contact worker of her service sees them', partnerContact, contactByPp, facts(), true],
    [
      'the police do not, even with his safety_concerns grant',
      liaison,
      contactByPp,
      facts([himId, police, 'neutral', 'safety_concerns']),
      false,
    ],
    ['the police see the one they recorded themselves', liaison, contactByPolice, facts(), true],
    [
      'the programme sees an informal contact the police recorded in its case',
      ppManager,
      contactByPolice,
      facts(),
      true,
    ],
    [
      'another programme does not',
      who(['pp_case_manager'], 'perpetrator', randomUUID()),
      contactByPp,
      facts(),
      false,
    ],
    ['another victim-side service does not, without her file', combinedVss, contactByPp, facts(), false],
  ])('%s', (_name, subject, row, context, expected) => {
    expect(matchesRowFilter(caseEventPolicy.table.read(subject), row, context)).toBe(expected);
  });
});

describe('case_event: who records', () => {
  it.each<[string, Actor, EventRow, boolean]>([
    ['the programme, as itself', ppManager, byPp, true],
    ['the programme, not in the VSS’s name', ppManager, byVssAboutHim, false],
    ['her service, about her', vssManager, byVssAboutHer, true],
    [
      'her service, not as the other side of its own organisation',
      combinedVss,
      event({ agency: combined, side: 'perpetrator' }, false),
      false,
    ],
    ['the police, as themselves', liaison, byPolice, true],
    ['an agency admin, not even as its own agency', who(['agency_admin'], 'perpetrator', pp), byPp, false],
  ])('%s', (_name, subject, row, expected) => {
    expect(matchesRowFilter(caseEventPolicy.table.write(subject), row, { rows })).toBe(expected);
  });
});

describe('caseEventPolicy.sourceFor', () => {
  it.each<[string, Actor, string | null, string | null]>([
    ['the programme is never told it came from her', ppManager, 'her', 'another_source'],
    ['nor the PP side of her own organisation', combinedPp, 'her', 'another_source'],
    ['nor a perpetrator-side admin', who(['agency_admin'], 'perpetrator', pp), 'her', 'another_source'],
    ['the victim side is', vssManager, 'her', 'her'],
    ['the police are', liaison, 'her', 'her'],
    ['no source stays no source', ppManager, null, null],
    ...INFORMATION_SOURCES.filter((source) => source !== 'her').map(
      (source): [string, Actor, string, string] => [
        `${source} passes through to the programme`,
        ppManager,
        source,
        source,
      ],
    ),
  ])('%s', (_name, subject, source, expected) => {
    expect(caseEventPolicy.sourceFor(subject, source)).toBe(expected);
  });
});
