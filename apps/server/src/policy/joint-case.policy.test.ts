import { randomUUID } from 'node:crypto';
import type { InformationKind, Role, Side } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { actor } from '../testing/factories.js';
import type { Actor } from './actor.js';
import { type CaseReader, caseReaderOf } from './case-reader.js';
import { jointCasePolicy } from './joint-case.policy.js';
import { type FilterFacts, matchesRowFilter } from './row-filter.js';

/** The joint case (docs/domain.md, "Joint case"): who reads its header, who writes it, who runs it. */

const pp = randomUUID();
const vss = randomUUID();
const police = randomUUID();
const combined = randomUUID();
const herId = randomUUID();
const agreementId = randomUUID();

const who = (roles: Role[], side: Side, agencyId: string | null): Actor => actor({ roles, side, agencyId });
const ppManager = who(['pp_case_manager'], 'perpetrator', pp);
const otherPpManager = who(['pp_case_manager'], 'perpetrator', pp);
const vssManager = who(['vss_case_manager'], 'victim', vss);
const partnerContact = who(['partner_contact_worker'], 'victim', vss);
const liaison = who(['agency_liaison'], 'neutral', police);
const combinedPp = who(['pp_case_manager'], 'perpetrator', combined);
const combinedVss = who(['vss_case_manager'], 'victim', combined);
const elsewhereContact = who(['partner_contact_worker'], 'victim', combined);

const jointCase = (ppAgency = pp, vssAgency = vss) => ({
  id: randomUUID(),
  pp_agency_id: ppAgency,
  vss_agency_id: vssAgency,
  partner_person_id: herId,
  agreement_id: agreementId,
  pp_case_manager_id: ppManager.userId,
  vss_case_manager_id: vssManager.userId,
  partner_contact_worker_id: partnerContact.userId,
  status: 'open',
});
const party = (agencyId: string): FilterFacts => ({ agreementParties: [{ agreementId, agencyId }] });
const grant = (
  agencyId: string,
  side: Side,
  kind: InformationKind,
  validTo: string | null = null,
): FilterFacts => ({
  grants: [{ subjectPersonId: herId, agencyId, side, kind, validFrom: null, validTo }],
});

describe('joint_case: who reads the case header', () => {
  it.each<[string, Actor, ReturnType<typeof jointCase>, FilterFacts | undefined, boolean]>([
    ['the programme’s perpetrator side', ppManager, jointCase(), undefined, true],
    ['her service’s victim side', vssManager, jointCase(), undefined, true],
    ['the partner-contact worker of her service', partnerContact, jointCase(), undefined, true],
    [
      'a victim-side service elsewhere with her victim_core grant',
      elsewhereContact,
      jointCase(),
      grant(combined, 'victim', 'victim_core'),
      true,
    ],
    [
      '… not once that grant has ended',
      elsewhereContact,
      jointCase(),
      grant(combined, 'victim', 'victim_core', '2026-02-28'),
      false,
    ],
    [
      '… nor with another kind of grant',
      elsewhereContact,
      jointCase(),
      grant(combined, 'victim', 'victim_contact'),
      false,
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
      'a programme party to the agreement, but not the case’s',
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
      'the PP side of the combined organisation, where it is only her service',
      combinedPp,
      jointCase(pp, combined),
      party(combined),
      false,
    ],
    [
      'the VSS side of the combined organisation, where it is only the programme',
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
      'a network coordinator party to it',
      who(['network_coordinator'], 'neutral', police),
      jointCase(),
      party(police),
      false,
    ],
  ])('%s', (_name, subject, row, facts, expected) => {
    expect(matchesRowFilter(jointCasePolicy.table.read(subject), row, facts)).toBe(expected);
  });
});

describe('joint_case: the columns that link to her side', () => {
  it.each<
    [
      string,
      Actor,
      'partner_person_id' | 'consent_id' | 'closing_reason_enc',
      FilterFacts | undefined,
      boolean,
    ]
  >([
    ['her record, for her service', vssManager, 'partner_person_id', undefined, true],
    ['her record, for the police party', liaison, 'partner_person_id', party(police), true],
    ['her record, never for the programme', ppManager, 'partner_person_id', undefined, false],
    [
      'her record, never for the PP side of her own organisation',
      combinedPp,
      'partner_person_id',
      undefined,
      false,
    ],
    ['her consent, for her service', vssManager, 'consent_id', undefined, true],
    ['her consent, not for the police', liaison, 'consent_id', party(police), false],
    ['her consent, not for the programme', ppManager, 'consent_id', undefined, false],
    [
      'the closing reason, for the programme that ran the case',
      ppManager,
      'closing_reason_enc',
      undefined,
      true,
    ],
    ['the closing reason, for her service', partnerContact, 'closing_reason_enc', undefined, true],
    ['the closing reason, not for the police', liaison, 'closing_reason_enc', party(police), false],
  ])('%s', (_name, subject, column, facts, expected) => {
    const field = jointCasePolicy.table.fields[column];
    expect(matchesRowFilter(field(subject), jointCase(), facts)).toBe(expected);
  });
});

describe('joint_case: who writes it', () => {
  it.each<[string, Actor, ReturnType<typeof jointCase>, boolean]>([
    [
      'her case manager opens it for her service',
      who(['vss_case_manager'], 'victim', vss),
      jointCase(),
      true,
    ],
    ['… not for another service', who(['vss_case_manager'], 'victim', combined), jointCase(), false],
    ['the programme’s case manager named on it', ppManager, jointCase(), true],
    ['the programme’s other case manager, not named on it', otherPpManager, jointCase(), false],
    [
      'the partner-contact worker named on it (runs meetings, not the case)',
      partnerContact,
      jointCase(),
      false,
    ],
    ['the police', liaison, jointCase(), false],
    [
      'a named case manager who lost the role',
      { ...vssManager, roles: ['agency_admin'] },
      jointCase(),
      false,
    ],
  ])('%s', (_name, subject, row, expected) => {
    expect(matchesRowFilter(jointCasePolicy.table.write(subject), row)).toBe(expected);
  });
});

describe('joint_case_child: the children named on the case', () => {
  const theCase = jointCase();
  const facts = (extra: FilterFacts = {}): FilterFacts => ({ ...extra, rows: { joint_case: [theCase] } });
  const row = { joint_case_id: theCase.id, child_person_id: randomUUID() };
  it.each<[string, Actor, FilterFacts, boolean, boolean]>([
    ['the programme reads and changes them', ppManager, facts(), true, true],
    ['her service reads and changes them', partnerContact, facts(), true, true],
    ['the police party read them, do not change them', liaison, facts(party(police)), true, false],
    [
      'another programme does neither',
      who(['pp_case_manager'], 'perpetrator', randomUUID()),
      facts(),
      false,
      false,
    ],
    [
      'a child-protection party reads them',
      who(['child_protection_lead'], 'victim', police),
      facts(party(police)),
      true,
      false,
    ],
  ])('%s', (_name, subject, context, reads, writes) => {
    expect(matchesRowFilter(jointCasePolicy.children.read(subject), row, context)).toBe(reads);
    expect(matchesRowFilter(jointCasePolicy.children.write(subject), row, context)).toBe(writes);
  });
});

const readerOf = (
  subject: Actor,
  ppAgency = pp,
  vssAgency = vss,
  aboutHer: InformationKind[] = [],
): CaseReader =>
  caseReaderOf(
    subject,
    {
      id: randomUUID(),
      ppAgencyId: ppAgency,
      vssAgencyId: vssAgency,
      ppCaseManagerId: ppManager.userId,
      vssCaseManagerId: vssManager.userId,
      partnerContactWorkerId: partnerContact.userId,
    },
    { aboutHim: new Set(), aboutHer: new Set(aboutHer) },
  );

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

  it.each<[string, Actor, boolean, boolean, boolean]>([
    // name, actor, closes, changes the children, assesses children
    ['the programme’s named case manager', ppManager, true, true, false],
    ['her named case manager', vssManager, true, true, true],
    ['the programme’s other case manager', otherPpManager, false, true, false],
    ['the partner-contact worker named on it', partnerContact, false, true, true],
    ['the police party', liaison, false, false, false],
    [
      'a child-protection lead of a party',
      who(['child_protection_lead'], 'victim', police),
      false,
      false,
      true,
    ],
    ['a stranger victim-side service', who(['vss_case_manager'], 'victim', combined), false, false, true],
  ])(
    '%s: closes %s, changes the children %s, assesses children %s',
    (_name, subject, closes, changes, assesses) => {
      const reader = readerOf(subject);
      expect(jointCasePolicy.canClose(subject, reader)).toBe(closes);
      expect(jointCasePolicy.canChangeChildren(subject, reader)).toBe(changes);
      expect(jointCasePolicy.canAssessChildren(subject)).toBe(assesses);
      const open = jointCasePolicy.abilities(subject, reader, 'open');
      expect(open).toMatchObject({
        close: closes,
        addChild: changes,
        removeChild: changes,
        recordChildAssessment: assesses,
      });
      // A closed case offers nothing.
      expect(Object.values(jointCasePolicy.abilities(subject, reader, 'closed'))).not.toContain(true);
    },
  );

  it.each<[string, Actor, boolean]>([
    ['PP case manager', ppManager, true],
    ['VSS case manager', vssManager, true],
    ['police liaison', liaison, true],
    ['agency admin', who(['agency_admin'], 'victim', vss), false],
    ['trainer', who(['trainer'], 'victim', vss), false],
  ])('records critical events and informal contacts: %s → %s', (_name, subject, expected) => {
    expect(jointCasePolicy.canRecordEvents(subject)).toBe(expected);
    expect(jointCasePolicy.abilities(subject, readerOf(subject), 'open').recordInformalContact).toBe(
      expected,
    );
  });
});

describe('jointCasePolicy.sectionsFor (myAccess) and the attribution of shares', () => {
  it.each<[string, CaseReader, InformationKind[], InformationKind[]]>([
    [
      'his programme: his information and the coordination',
      readerOf(ppManager),
      ['programme', 'risk', 'case_coordination'],
      ['victim_core'],
    ],
    [
      'her service: her file too',
      readerOf(vssManager),
      ['victim_core', 'victim_disclosures', 'case_coordination'],
      [],
    ],
    [
      'the police: the coordination only, without grants',
      readerOf(liaison),
      ['case_coordination'],
      ['programme', 'victim_core'],
    ],
    [
      'the police with her shared risk: that too',
      readerOf(liaison, pp, vss, ['shared_risk']),
      ['shared_risk'],
      ['victim_core'],
    ],
  ])('%s', (_name, reader, includes, excludes) => {
    const sections = jointCasePolicy.sectionsFor(reader);
    for (const kind of includes) expect(sections).toContain(kind);
    for (const kind of excludes) expect(sections).not.toContain(kind);
  });

  it.each<[string, Actor, boolean, 'her' | 'another_source']>([
    ['the programme, even where not source-protected', ppManager, false, 'another_source'],
    ['the PP side of her own organisation', combinedPp, false, 'another_source'],
    ['the police, not source-protected', liaison, false, 'her'],
    ['the police, source-protected', liaison, true, 'another_source'],
    ['another victim-side service, not source-protected', combinedVss, false, 'her'],
  ])('a share reads, for %s: %s', (_name, subject, sourceProtected, expected) => {
    expect(jointCasePolicy.attributionOfShare(subject, sourceProtected)).toBe(expected);
  });
});
