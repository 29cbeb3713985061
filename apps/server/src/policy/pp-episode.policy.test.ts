import { randomUUID } from 'node:crypto';
import type { InformationKind, Role, Side } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { actor } from '../testing/factories.js';
import type { Actor } from './actor.js';
import { ppEpisodePolicy } from './pp-episode.policy.js';
import { type FilterFacts, matchesRowFilter } from './row-filter.js';

/** His programme episode (docs/domain.md, "Referral and intake"): the programme owns it; others see it by grants. */

const pp: string = randomUUID();
const vss: string = randomUUID();
const combined: string = randomUUID();
const police = randomUUID();
const himId = randomUUID();
const herId = randomUUID();

const who = (roles: Role[], side: Side, agencyId: string | null): Actor => actor({ roles, side, agencyId });
const ppManager = who(['pp_case_manager'], 'perpetrator', pp);
const vssManager = who(['vss_case_manager'], 'victim', vss);
const partnerContact = who(['partner_contact_worker'], 'victim', vss);
const combinedPp = who(['pp_case_manager'], 'perpetrator', combined);
const combinedVss = who(['vss_case_manager'], 'victim', combined);
const liaison = who(['agency_liaison'], 'neutral', police);
const ppAdmin = who(['agency_admin'], 'perpetrator', pp);
const elsewhere = who(['vss_case_manager'], 'victim', randomUUID());

const episode = (agencyId = pp) => ({ id: randomUUID(), agency_id: agencyId, person_id: himId });
const grant = (
  to: Actor,
  kind: InformationKind = 'programme',
  subject = himId,
  validTo: string | null = null,
): FilterFacts => ({
  grants: [
    { subjectPersonId: subject, agencyId: to.agencyId!, side: to.side, kind, validFrom: null, validTo },
  ],
});

describe('pp_episode: who reads his episode, and what belongs to it', () => {
  it.each<[string, Actor, string, FilterFacts | undefined, boolean]>([
    ['the programme sees its own episode', ppManager, pp, undefined, true],
    [
      'another programme does not',
      who(['pp_case_manager'], 'perpetrator', randomUUID()),
      pp,
      undefined,
      false,
    ],
    ['her service sees it through his release (programme grant)', vssManager, pp, grant(vssManager), true],
    ['the partner-contact worker too', partnerContact, pp, grant(partnerContact), true],
    [
      '… not once the grant has ended',
      partnerContact,
      pp,
      grant(partnerContact, 'programme', himId, '2026-02-28'),
      false,
    ],
    ['her service without a grant does not', vssManager, pp, undefined, false],
    [
      'a safety-concerns grant alone does not show the episode',
      vssManager,
      pp,
      grant(vssManager, 'safety_concerns'),
      false,
    ],
    ['police through their case agreement', liaison, pp, grant(liaison), true],
    ['police without it do not', liaison, pp, undefined, false],
    [
      'the VSS side of the combined organisation does not see its PP side’s episode',
      combinedVss,
      combined,
      undefined,
      false,
    ],
    ['… unless his release gives it', combinedVss, combined, grant(combinedVss), true],
    ['the PP side of the combined organisation sees its own', combinedPp, combined, undefined, true],
    ['the programme’s agency admin sees no case content', ppAdmin, pp, grant(ppAdmin), false],
  ])('%s', (_name, subject, agencyId, facts, expected) => {
    const row = episode(agencyId);
    expect(matchesRowFilter(ppEpisodePolicy.table.read(subject), row, facts)).toBe(expected);
    // His status history, attendance and release are read as the episode is.
    const part = { id: randomUUID(), episode_id: row.id };
    const withEpisode = { ...facts, rows: { pp_episode: [row] } };
    for (const table of [
      ppEpisodePolicy.statusChanges,
      ppEpisodePolicy.attendance,
      ppEpisodePolicy.release,
    ]) {
      expect(matchesRowFilter(table.read(subject), part, withEpisode)).toBe(expected);
    }
  });

  it.each<[string, Actor, string, boolean]>([
    ['the programme’s case manager manages its own episode', ppManager, pp, true],
    ['… not another programme’s', ppManager, randomUUID(), false],
    ['her service does not, even one it can see', vssManager, pp, false],
    [
      'the VSS side of the combined organisation does not, on its own agency’s episode',
      combinedVss,
      combined,
      false,
    ],
    ['the programme’s agency admin does not', ppAdmin, pp, false],
  ])('%s', (_name, subject, agencyId, expected) => {
    const row = episode(agencyId);
    expect(matchesRowFilter(ppEpisodePolicy.table.write(subject), row)).toBe(expected);
    const part = { id: randomUUID(), episode_id: row.id };
    expect(
      matchesRowFilter(ppEpisodePolicy.attendance.write(subject), part, { rows: { pp_episode: [row] } }),
    ).toBe(expected);
    expect(ppEpisodePolicy.canManage(subject, { agencyId })).toBe(expected);
  });
});

describe('partner_referral: the partners he named', () => {
  const theEpisode = episode();
  const referral = (partnerContactAgencyId = vss) => ({
    id: randomUUID(),
    episode_id: theEpisode.id,
    partner_person_id: herId,
    partner_contact_agency_id: partnerContactAgencyId,
  });
  const facts = (extra: FilterFacts = {}): FilterFacts => ({ ...extra, rows: { pp_episode: [theEpisode] } });
  it.each<[string, Actor, ReturnType<typeof referral>, FilterFacts, boolean, boolean]>([
    // name, actor, row, facts, reads the referral, reads the link to her record
    ['the programme reads its referral, never the link to her', ppManager, referral(), facts(), true, false],
    ['the service that contacts her reads both', partnerContact, referral(), facts(), true, true],
    [
      'a service holding her file by a grant reads both',
      elsewhere,
      referral(),
      facts(grant(elsewhere, 'victim_core', herId)),
      true,
      true,
    ],
    ['another service reads neither', elsewhere, referral(), facts(), false, false],
    [
      'the police, seeing his episode, read the referral, not the link',
      liaison,
      referral(),
      facts(grant(liaison)),
      true,
      false,
    ],
    [
      'the police her consent lets open her record read the link',
      liaison,
      referral(),
      facts({ grants: [...grant(liaison).grants!, ...grant(liaison, 'victim_contact', herId).grants!] }),
      true,
      true,
    ],
    [
      '… not once that grant has ended',
      liaison,
      referral(),
      facts({
        grants: [...grant(liaison).grants!, ...grant(liaison, 'victim_contact', herId, '2026-02-28').grants!],
      }),
      true,
      false,
    ],
    [
      'the programme, even with a contact grant (which cannot exist)',
      ppManager,
      referral(),
      facts(grant(ppManager, 'victim_contact', herId)),
      true,
      false,
    ],
    [
      'the PP side of the organisation that contacts her: not the link',
      combinedPp,
      referral(combined),
      facts(),
      false,
      false,
    ],
  ])('%s', (_name, subject, row, context, reads, link) => {
    expect(matchesRowFilter(ppEpisodePolicy.partnerReferrals.read(subject), row, context)).toBe(reads);
    expect(
      matchesRowFilter(ppEpisodePolicy.partnerReferrals.fields.partner_person_id(subject), row, context),
    ).toBe(link);
  });

  it.each<[string, Actor, boolean]>([
    ['the programme names partners on its episode', ppManager, true],
    ['her service does not', partnerContact, false],
    ['the police do not', liaison, false],
  ])('%s', (_name, subject, expected) => {
    expect(matchesRowFilter(ppEpisodePolicy.partnerReferrals.write(subject), referral(), facts())).toBe(
      expected,
    );
  });
});

describe('ppEpisodePolicy commands and abilities', () => {
  it.each<[string, Actor, boolean, boolean, boolean]>([
    // name, actor, refers men to a programme, offers the partners he named contact, lists episodes
    ['PP case manager', ppManager, true, false, true],
    ['PP case manager of the combined organisation', combinedPp, true, false, true],
    ['VSS case manager', vssManager, false, false, false],
    ['partner-contact worker', partnerContact, false, true, false],
    ['police liaison (the episodes shared with it)', liaison, false, false, true],
    ['PP agency admin', ppAdmin, false, false, false],
    [
      'a coordinator on the perpetrator side',
      who(['network_coordinator'], 'perpetrator', pp),
      false,
      false,
      false,
    ],
  ])(
    '%s: refers %s, contacts named partners %s, lists episodes %s',
    (_name, subject, refers, contacts, lists) => {
      expect(ppEpisodePolicy.canRefer(subject)).toBe(refers);
      expect(ppEpisodePolicy.contactsNamedPartners(subject)).toBe(contacts);
      expect(ppEpisodePolicy.listsEpisodes(subject)).toBe(lists);
    },
  );

  it.each<[string, Actor, 'active' | 'completed' | 'referred', Record<string, boolean>]>([
    [
      'the programme, while he attends',
      ppManager,
      'active',
      {
        edit: true,
        changeStatus: true,
        recordAttendance: true,
        recordRelease: true,
        recordCriticalEvent: true,
      },
    ],
    [
      'the programme, once he completed',
      ppManager,
      'completed',
      {
        edit: true,
        changeStatus: false,
        recordAttendance: false,
        recordRelease: true,
        recordCriticalEvent: true,
      },
    ],
    [
      'her service, while he attends',
      vssManager,
      'active',
      {
        edit: false,
        changeStatus: false,
        recordAttendance: false,
        recordRelease: false,
        recordCriticalEvent: true,
      },
    ],
    [
      'the programme’s admin',
      ppAdmin,
      'referred',
      {
        edit: false,
        changeStatus: false,
        recordAttendance: false,
        recordRelease: false,
        recordCriticalEvent: false,
      },
    ],
  ])('%s', (_name, subject, status, expected) => {
    expect(ppEpisodePolicy.abilities(subject, { agencyId: pp, status })).toEqual(expected);
  });
});
