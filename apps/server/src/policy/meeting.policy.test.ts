import { randomUUID } from 'node:crypto';
import type { InformationKind, Role, Side } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { actor } from '../testing/factories.js';
import type { Actor } from './actor.js';
import { actionPolicy, childAssessmentPolicy, meetingPolicy } from './meeting.policy.js';
import { type FilterFacts, matchesRowFilter, type RowFilter } from './row-filter.js';

const pp = randomUUID();
const vss = randomUUID();
const police = randomUUID();
const combined = randomUUID();
const herId = randomUUID();
const childId = randomUUID();
const agreementId = randomUUID();

const who = (roles: Role[], side: Side, agencyId: string | null): Actor => actor({ roles, side, agencyId });
const ppManager = who(['pp_case_manager'], 'perpetrator', pp);
const vssManager = who(['vss_case_manager'], 'victim', vss);
const partnerContact = who(['partner_contact_worker'], 'victim', vss);
/** Works at her service but is not named on this case. */
const vssColleague = who(['vss_case_manager'], 'victim', vss);
const ppColleague = who(['pp_case_manager'], 'perpetrator', pp);
const liaison = who(['agency_liaison'], 'neutral', police);
const childProtection = who(['child_protection_lead'], 'neutral', police);
const victimSideOfPp = who(['vss_case_manager'], 'victim', pp);
const combinedVss = who(['vss_case_manager'], 'victim', combined);
const vssAdmin = who(['agency_admin'], 'victim', vss);
const coordinator = who(['network_coordinator'], 'neutral', police);

const jointCaseId = randomUUID();
const meetingId = randomUUID();
const jointCaseRow = {
  id: jointCaseId,
  pp_agency_id: pp,
  vss_agency_id: vss,
  partner_person_id: herId,
  agreement_id: agreementId,
  pp_case_manager_id: ppManager.userId,
  vss_case_manager_id: vssManager.userId,
  partner_contact_worker_id: partnerContact.userId,
};

const grant = (agencyId: string, side: Side, kind: InformationKind, subjectPersonId = herId) => ({
  subjectPersonId,
  agencyId,
  side,
  kind,
  validFrom: '2026-01-01',
  validTo: null,
});

/** The world the rows live in: the case, its meeting, the case-level agreement naming police. */
const world = (more: FilterFacts = {}): FilterFacts => ({
  rows: { joint_case: [jointCaseRow], case_meeting: [{ id: meetingId, joint_case_id: jointCaseId }] },
  agreementParties: [{ agreementId, agencyId: police }],
  ...more,
});

type Case = [name: string, who: Actor, row: Record<string, unknown>, expected: boolean, facts?: FilterFacts];
const check =
  (filterOf: (actor: Actor) => RowFilter) =>
  (_name: string, subject: Actor, row: Record<string, unknown>, expected: boolean, facts?: FilterFacts) =>
    expect(matchesRowFilter(filterOf(subject), row, facts ?? world())).toBe(expected);

const meeting = (caseId = jointCaseId) => ({ id: meetingId, joint_case_id: caseId });

describe('case_meeting: the minutes belong to the two sides that run the case', () => {
  it.each<Case>([
    ['the programme’s perpetrator side reads', ppManager, meeting(), true],
    ['… and a programme colleague not named on the case', ppColleague, meeting(), true],
    ['her service’s victim side reads', vssManager, meeting(), true],
    [
      'a victim-side service holding her file by a grant reads',
      combinedVss,
      meeting(),
      true,
      world({ grants: [grant(combined, 'victim', 'victim_core')] }),
    ],
    ['… without the grant it does not', combinedVss, meeting(), false],
    ['the victim side of the programme’s own agency does not', victimSideOfPp, meeting(), false],
    ['police, party to the case agreement, do not', liaison, meeting(), false],
    ['an agency admin of her service does not', vssAdmin, meeting(), false],
    ['a meeting of another case is not read', vssManager, meeting(randomUUID()), false],
  ])(
    'read: %s',
    check((subject) => meetingPolicy.meetings.read(subject)),
  );

  it.each<Case>([
    ['the programme’s case manager named on the case writes', ppManager, meeting(), true],
    ['her case manager writes', vssManager, meeting(), true],
    ['the partner-contact worker named on the case writes', partnerContact, meeting(), true],
    ['a programme colleague not named does not', ppColleague, meeting(), false],
    ['a colleague at her service not named does not', vssColleague, meeting(), false],
    ['police do not', liaison, meeting(), false],
  ])(
    'write: %s',
    check((subject) => meetingPolicy.meetings.write(subject)),
  );
});

describe('meeting_agenda_item: through its meeting', () => {
  const item = (ofMeeting = meetingId) => ({ meeting_id: ofMeeting, item: 'recidivism' });
  it.each<Case>([
    ['the programme reads', ppManager, item(), true],
    ['her service reads', vssManager, item(), true],
    ['police do not read', liaison, item(), false],
    ['an item of a meeting not in view is not read', vssManager, item(randomUUID()), false],
  ])(
    'read: %s',
    check((subject) => meetingPolicy.agendaItems.read(subject)),
  );

  it.each<Case>([
    ['a named case manager writes', ppManager, item(), true],
    ['a colleague not named does not', vssColleague, item(), false],
    ['police do not', liaison, item(), false],
  ])(
    'write: %s',
    check((subject) => meetingPolicy.agendaItems.write(subject)),
  );
});

describe('qualitative_note: her side’s notes stay on her side', () => {
  const note = (authorSide: Side, authorId: string) => ({
    meeting_id: meetingId,
    author_side: authorSide,
    author_id: authorId,
  });
  it.each<Case>([
    ['the programme reads its own side’s note', ppManager, note('perpetrator', ppManager.userId), true],
    ['the programme never reads a victim-side note', ppManager, note('victim', vssManager.userId), false],
    ['… nor one of a neutral author', ppManager, note('neutral', liaison.userId), false],
    ['her service reads the programme’s note', vssManager, note('perpetrator', ppManager.userId), true],
    ['her service reads its own', vssManager, note('victim', vssManager.userId), true],
    ['police read none', liaison, note('perpetrator', ppManager.userId), false],
  ])(
    'read: %s',
    check((subject) => meetingPolicy.qualitativeNotes.read(subject)),
  );

  it.each<Case>([
    ['her case manager writes in her own name and side', vssManager, note('victim', vssManager.userId), true],
    ['… not in someone else’s name', vssManager, note('victim', partnerContact.userId), false],
    ['… not as the other side', vssManager, note('perpetrator', vssManager.userId), false],
    ['the programme writes its own', ppManager, note('perpetrator', ppManager.userId), true],
    ['a colleague not named does not', ppColleague, note('perpetrator', ppColleague.userId), false],
  ])(
    'write: %s',
    check((subject) => meetingPolicy.qualitativeNotes.write(subject)),
  );
});

describe('action_item: the joint action plan', () => {
  const action = (victimSideOnly: boolean, responsibleAgencyId = vss) => ({
    joint_case_id: jointCaseId,
    victim_side_only: victimSideOnly,
    responsible_agency_id: responsibleAgencyId,
  });
  it.each<Case>([
    ['the programme reads a joint action', ppManager, action(false), true],
    ['the programme never reads her own safety measures', ppManager, action(true), false],
    ['… even when assigned to it', ppManager, action(true, pp), false],
    ['her service reads her safety measures', vssManager, action(true), true],
    ['police read an action assigned to them', liaison, action(false, police), true],
    ['police do not read actions of others', liaison, action(false, vss), false],
    ['police read her safety measures assigned to them', liaison, action(true, police), true],
    [
      '… but not when they are not party to the case agreement',
      liaison,
      action(false, police),
      false,
      world({ agreementParties: [] }),
    ],
    ['an agency admin reads nothing', vssAdmin, action(false), false],
  ])(
    'read: %s',
    check((subject) => actionPolicy.actions.read(subject)),
  );

  it.each<Case>([
    ['the programme writes a joint action', ppManager, action(false, pp), true],
    ['the programme never writes her safety measures', ppManager, action(true, pp), false],
    ['her service writes them', vssManager, action(true), true],
    [
      'child protection of a party agency writes the rows assigned to it',
      childProtection,
      action(false, police),
      true,
    ],
    ['… but not her safety measures', childProtection, action(true, police), false],
    ['… nor the rows of others', childProtection, action(false, vss), false],
    ['a liaison reads but never writes', liaison, action(false, police), false],
  ])(
    'write: %s',
    check((subject) => actionPolicy.actions.write(subject)),
  );
});

describe('child_assessment_record: never the programme', () => {
  const record = (ownerAgencyId = vss, ownerSide: Side = 'victim') => ({
    child_person_id: childId,
    joint_case_id: jointCaseId,
    owner_agency_id: ownerAgencyId,
    owner_side: ownerSide,
  });
  const childGrant = (agencyId: string, side: Side) =>
    world({ grants: [grant(agencyId, side, 'children', childId)] });
  it.each<Case>([
    ['her service reads its own record', vssManager, record(), true],
    ['police read it with a children grant', liaison, record(), true, childGrant(police, 'neutral')],
    ['police without it do not', liaison, record(), false],
    [
      'the programme never does, even with a children grant',
      ppManager,
      record(),
      false,
      childGrant(pp, 'perpetrator'),
    ],
    ['an agency admin of her service does not', vssAdmin, record(), false],
  ])(
    'read: %s',
    check((subject) => childAssessmentPolicy.records.read(subject)),
  );

  it.each<Case>([
    ['her case manager records it for her service’s case', vssManager, record(), true],
    ['… not in another agency’s name', vssManager, record(police, 'neutral'), false],
    [
      'child protection records with a children grant',
      childProtection,
      record(police, 'neutral'),
      true,
      childGrant(police, 'neutral'),
    ],
    ['… not without it', childProtection, record(police, 'neutral'), false],
    [
      'the programme never records one',
      ppManager,
      record(pp, 'perpetrator'),
      false,
      childGrant(pp, 'perpetrator'),
    ],
    [
      'a coordinator never does',
      coordinator,
      record(police, 'neutral'),
      false,
      childGrant(police, 'neutral'),
    ],
  ])(
    'write: %s',
    check((subject) => childAssessmentPolicy.records.write(subject)),
  );
});

describe('abilities sent with a meeting and an action', () => {
  const team = {
    ppCaseManagerId: ppManager.userId,
    vssCaseManagerId: vssManager.userId,
    partnerContactWorkerId: partnerContact.userId,
  };
  it.each<[string, Actor, string, string, Partial<ReturnType<typeof meetingPolicy.abilities>>]>([
    [
      'a named case manager runs a planned meeting',
      ppManager,
      'planned',
      'open',
      { updateAgenda: true, addNote: true, close: true, callExtraordinary: true },
    ],
    [
      'the partner-contact worker too',
      partnerContact,
      'planned',
      'open',
      { close: true, callExtraordinary: true },
    ],
    [
      'a closed meeting takes no more notes',
      vssManager,
      'closed',
      'open',
      { updateAgenda: false, addNote: false, close: false, callExtraordinary: true },
    ],
    ['a closed case calls no meeting', vssManager, 'planned', 'closed', { callExtraordinary: false }],
    [
      'a colleague not named runs nothing',
      vssColleague,
      'planned',
      'open',
      { updateAgenda: false, close: false, callExtraordinary: false },
    ],
    ['an agency admin adds no action', vssAdmin, 'planned', 'open', { addAction: false }],
    ['a named case manager adds actions', vssManager, 'planned', 'open', { addAction: true }],
    ['a closed case’s plan is its record', vssManager, 'closed', 'closed', { addAction: false }],
  ])('%s', (_name, subject, status, caseStatus, expected) => {
    expect(meetingPolicy.abilities(subject, { status, caseStatus, team })).toMatchObject(expected);
  });

  it.each<[string, Actor, string, { callMeeting: boolean; addAction: boolean }]>([
    ['a named case manager, open case', ppManager, 'open', { callMeeting: true, addAction: true }],
    [
      'the partner-contact worker named on it',
      partnerContact,
      'open',
      { callMeeting: true, addAction: true },
    ],
    [
      'a colleague not named adds actions, calls none',
      vssColleague,
      'open',
      { callMeeting: false, addAction: true },
    ],
    [
      'a party’s child protection adds its rows',
      childProtection,
      'open',
      { callMeeting: false, addAction: true },
    ],
    ['a liaison does neither', liaison, 'open', { callMeeting: false, addAction: false }],
    ['an agency admin does neither', vssAdmin, 'open', { callMeeting: false, addAction: false }],
    ['a closed case: neither', vssManager, 'closed', { callMeeting: false, addAction: false }],
  ])('the case page: %s', (_name, subject, caseStatus, expected) => {
    expect(meetingPolicy.caseAbilities(subject, team, caseStatus)).toEqual(expected);
    expect(meetingPolicy.canCall(subject, team, caseStatus)).toBe(expected.callMeeting);
    expect(actionPolicy.canAdd(subject, caseStatus)).toBe(expected.addAction);
  });

  it.each<[string, Actor, boolean, boolean]>([
    ['the programme updates a joint action', ppManager, false, true],
    ['the programme never updates her safety measures', ppManager, true, false],
    ['her service updates them', vssManager, true, true],
    ['neutral child protection updates joint rows only', childProtection, true, false],
    ['a liaison updates nothing', liaison, false, false],
  ])('%s', (_name, subject, victimSideOnly, expected) => {
    expect(actionPolicy.abilities(subject, { victimSideOnly })).toEqual({ update: expected });
  });
});
