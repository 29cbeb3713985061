import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { actor } from '../testing/factories.js';
import { actionPolicy, meetingPolicy, safetyPlanPolicy } from './meeting.policy.js';
import { matchesRowFilter } from './row-filter.js';

const pp = randomUUID();
const vss = randomUUID();
const police = randomUUID();
const her = randomUUID();
const jointCase = { 'jc.pp_agency_id': pp, 'jc.vss_agency_id': vss, 'jc.partner_person_id': her };

const ppManager = actor({ roles: ['pp_case_manager'], side: 'perpetrator', agencyId: pp });
const vssManager = actor({ roles: ['vss_case_manager'], side: 'victim', agencyId: vss });
const victimSideOfPp = actor({ roles: ['vss_case_manager'], side: 'victim', agencyId: pp });
const liaison = actor({ roles: ['agency_liaison'], side: 'neutral', agencyId: police });
const admin = actor({ roles: ['agency_admin'], side: 'victim', agencyId: vss });

describe('meetingPolicy.visibleRows: the minutes belong to the case managers', () => {
  it.each([
    ['the programme’s perpetrator side', ppManager, true],
    ['her service’s victim side', vssManager, true],
    ['the victim side of the programme’s own agency', victimSideOfPp, false],
    ['another agency of the case (police)', liaison, false],
    ['an agency admin', admin, false],
  ])('%s: %s', (_name, who, expected) => {
    expect(matchesRowFilter(meetingPolicy.visibleRows(who), jointCase)).toBe(expected);
  });

  it('lets only the case managers and the partner-contact worker run the meeting', () => {
    const staff = {
      ppCaseManagerId: ppManager.userId,
      vssCaseManagerId: vssManager.userId,
      partnerContactWorkerId: null,
    };
    expect(meetingPolicy.canRun(ppManager, staff)).toBe(true);
    expect(meetingPolicy.canRun(vssManager, staff)).toBe(true);
    expect(
      meetingPolicy.canRun(actor({ roles: ['pp_case_manager'], side: 'perpetrator', agencyId: pp }), staff),
    ).toBe(false);
  });
});

describe('actionPolicy', () => {
  const action = (victimSideOnly: boolean, responsibleAgencyId = vss) => ({
    ...jointCase,
    'action_item.victim_side_only': victimSideOnly,
    'action_item.responsible_agency_id': responsibleAgencyId,
  });
  it.each([
    ['the programme sees a joint action', ppManager, action(false), true],
    ['the programme never sees her own safety measures', ppManager, action(true), false],
    ['her service sees her safety measures', vssManager, action(true), true],
    ['police see an action assigned to them', liaison, action(false, police), true],
    ['police do not see actions of others', liaison, action(false, vss), false],
    ['police do not see her safety measures even when assigned', liaison, action(true, police), true],
  ])('%s', (_name, who, row, expected) => {
    expect(matchesRowFilter(actionPolicy.visibleRows(who), row)).toBe(expected);
  });

  it('lets only the victim side create victim-side-only actions', () => {
    expect(actionPolicy.canCreate(ppManager, { victimSideOnly: true })).toBe(false);
    expect(actionPolicy.canCreate(vssManager, { victimSideOnly: true })).toBe(true);
    expect(actionPolicy.canCreate(ppManager, { victimSideOnly: false })).toBe(true);
    expect(actionPolicy.canCreate(admin, { victimSideOnly: false })).toBe(false);
  });
});

describe('safetyPlanPolicy: her plans never leave the victim side', () => {
  it.each([
    ['her case manager holding her file', vssManager, true, true],
    ['victim side without her file', vssManager, false, false],
    ['the programme, even if it somehow held her file', ppManager, true, false],
    ['police', liaison, true, false],
  ])('%s', (_name, who, seesFile, expected) => {
    expect(safetyPlanPolicy.canRead(who, seesFile)).toBe(expected);
  });
});
