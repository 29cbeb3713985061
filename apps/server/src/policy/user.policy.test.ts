import { randomUUID } from 'node:crypto';
import type { AgencyKind, Role, Side } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { actor } from '../testing/factories.js';
import type { Actor } from './actor.js';
import { type FilterFacts, matchesRowFilter } from './row-filter.js';
import type { TablePolicy } from './table-policy.js';
import { isAssignable, userPolicy } from './user.policy.js';

const network = randomUUID();
const agencyA = randomUUID();
const agencyB = randomUUID();
const outside = randomUUID();
const adminA = actor({
  roles: ['agency_admin'],
  side: 'perpetrator',
  agencyId: agencyA,
  networkIds: [network],
});
const sysadmin = actor({ roles: ['system_admin'], side: 'neutral', agencyId: null });
const caseManagerA = actor({
  roles: ['pp_case_manager'],
  side: 'perpetrator',
  agencyId: agencyA,
  networkIds: [network],
});
const loner = actor({ roles: ['vss_case_manager'], side: 'victim', agencyId: outside, networkIds: [] });
/** A victim-side case manager of agency A (a combined organisation in these tests). */
const victimWorkerA = actor({
  roles: ['vss_case_manager'],
  side: 'victim',
  agencyId: agencyA,
  networkIds: [network],
});

/** Agencies A and B are in the network; `outside` is in none. */
const facts: FilterFacts = {
  rows: {
    network_membership: [
      { network_id: network, agency_id: agencyA },
      { network_id: network, agency_id: agencyB },
    ],
  },
};
const account = (agencyId: string | null, id: string = randomUUID()) => ({ id, agency_id: agencyId });

type Expected = { read: boolean; email: boolean; write: boolean };

describe('userPolicy.accounts: whose account, and which of its columns', () => {
  it.each<[string, Actor, ReturnType<typeof account>, Expected]>([
    [
      'an agency admin manages a colleague of their agency',
      adminA,
      account(agencyA),
      { read: true, email: true, write: true },
    ],
    [
      '… and their own account',
      adminA,
      account(agencyA, adminA.userId),
      { read: true, email: true, write: true },
    ],
    [
      '… names staff of another agency of the network, no more',
      adminA,
      account(agencyB),
      { read: true, email: false, write: false },
    ],
    [
      '… not staff outside their networks',
      adminA,
      account(outside),
      { read: false, email: false, write: false },
    ],
    [
      'the system admin manages staff of any agency',
      sysadmin,
      account(outside),
      { read: true, email: true, write: true },
    ],
    ['… and system accounts', sysadmin, account(null), { read: true, email: true, write: true }],
    [
      'a case manager names colleagues of the network',
      caseManagerA,
      account(agencyB),
      { read: true, email: false, write: false },
    ],
    [
      '… reads their own account in full, and changes it only through sign-in',
      caseManagerA,
      account(agencyA, caseManagerA.userId),
      { read: true, email: true, write: false },
    ],
    [
      'an account of a user outside any network reaches only itself',
      loner,
      account(agencyA),
      { read: false, email: false, write: false },
    ],
    // The four eyes: the victim side judges its agency's pending roles, with the address.
    [
      'a victim-side case worker reads the accounts of their agency, addresses too, to approve roles',
      victimWorkerA,
      account(agencyA),
      { read: true, email: true, write: true },
    ],
    [
      '… only names elsewhere in the network, and changes nothing there',
      victimWorkerA,
      account(agencyB),
      { read: true, email: false, write: false },
    ],
    [
      'the lone victim-side worker outside any network still judges their own agency',
      loner,
      account(outside),
      { read: true, email: true, write: true },
    ],
  ])('%s', (_name, subject, row, expected) => {
    const { accounts } = userPolicy;
    const read = matchesRowFilter(accounts.read(subject), row, facts);
    expect(read).toBe(expected.read);
    expect(read && matchesRowFilter(accounts.fields.email(subject), row, facts)).toBe(expected.email);
    expect(matchesRowFilter(accounts.write(subject), row, facts)).toBe(expected.write);
  });

  it.each<[string, Actor]>([
    ['an agency admin', adminA],
    ['the system admin', sysadmin],
    ['the account holder', caseManagerA],
  ])('credentials never leave authentication: not even to %s', (_name, subject) => {
    const own = account(subject.agencyId, subject.userId);
    for (const column of [
      'password_hash',
      'totp_secret_enc',
      'totp_pending_secret_enc',
      'totp_last_used_step',
      'credential_link_hash',
    ] as const) {
      const policy: TablePolicy = userPolicy.accounts;
      expect(matchesRowFilter(policy.fields![column]!(subject), own, facts), column).toBe(false);
    }
  });
});

describe('userPolicy.canCreate', () => {
  it.each<[string, Actor, string, Role[], Side, AgencyKind, boolean]>([
    [
      'agency admin, own agency, PP case manager on perpetrator side',
      adminA,
      agencyA,
      ['pp_case_manager'],
      'perpetrator',
      'perpetrator_programme',
      true,
    ],
    [
      'agency admin, other agency',
      adminA,
      agencyB,
      ['pp_case_manager'],
      'perpetrator',
      'perpetrator_programme',
      false,
    ],
    [
      'PP case manager on the victim side breaks the barrier',
      adminA,
      agencyA,
      ['pp_case_manager'],
      'victim',
      'combined_pp_vss',
      false,
    ],
    [
      'VSS case manager in a perpetrator programme',
      adminA,
      agencyA,
      ['vss_case_manager'],
      'victim',
      'perpetrator_programme',
      false,
    ],
    [
      'both sides in a combined organisation, victim side',
      adminA,
      agencyA,
      ['vss_case_manager'],
      'victim',
      'combined_pp_vss',
      true,
    ],
    ['nobody creates a system admin', sysadmin, agencyA, ['system_admin'], 'neutral', 'other', false],
    // Separation of duties: the system admin makes agencies' first admins, nothing else.
    [
      'the system admin creates an agency admin',
      sysadmin,
      agencyB,
      ['agency_admin'],
      'victim',
      'victim_support',
      true,
    ],
    [
      'the system admin creates no case worker',
      sysadmin,
      agencyB,
      ['vss_case_manager'],
      'victim',
      'victim_support',
      false,
    ],
    ['… nor a trainer', sysadmin, agencyB, ['trainer'], 'neutral', 'other', false],
    [
      'an agency admin creates no further admin (the second person of their own request)',
      adminA,
      agencyA,
      ['agency_admin'],
      'perpetrator',
      'perpetrator_programme',
      false,
    ],
    [
      'no account is both administrator and case worker',
      sysadmin,
      agencyB,
      ['agency_admin', 'vss_case_manager'],
      'victim',
      'victim_support',
      false,
    ],
    [
      'a programme admin cannot mark an admin-only account victim side',
      adminA,
      agencyA,
      ['trainer'],
      'victim',
      'perpetrator_programme',
      false,
    ],
    ['… but neutral, yes', adminA, agencyA, ['trainer'], 'neutral', 'perpetrator_programme', true],
    [
      'a case manager cannot create accounts',
      caseManagerA,
      agencyA,
      ['pp_case_manager'],
      'perpetrator',
      'perpetrator_programme',
      false,
    ],
    ['police liaison is neutral', adminA, agencyA, ['agency_liaison'], 'neutral', 'police', true],
    [
      'police liaison cannot be perpetrator side',
      adminA,
      agencyA,
      ['agency_liaison'],
      'perpetrator',
      'police',
      false,
    ],
  ])('%s', (_name, subject, agencyId, roles, side, kind, expected) => {
    expect(userPolicy.canCreate(subject, { agencyId, roles, side }, kind)).toBe(expected);
  });
});

describe('userPolicy.canUpdate, canAdminister, canManageStaffOf', () => {
  const colleague: { id: string; agencyId: string; roles: Role[]; side: Side } = {
    id: randomUUID(),
    agencyId: agencyA,
    roles: ['pp_case_manager'],
    side: 'perpetrator',
  };
  const self: typeof colleague = {
    id: adminA.userId,
    agencyId: agencyA,
    roles: ['agency_admin'],
    side: 'perpetrator',
  };
  it.each<[string, Actor, typeof colleague, Role[], boolean]>([
    ['an admin cannot remove their own admin role', adminA, self, ['trainer'], false],
    ['nobody changes their own roles, not even to add one', adminA, self, ['agency_admin', 'trainer'], false],
    ['an admin takes no case role', adminA, colleague, ['agency_admin', 'pp_case_manager'], false],
    ['an admin gives no admin role', adminA, colleague, ['pp_case_manager', 'agency_admin'], false],
    ['the system admin gives the admin role', sysadmin, colleague, ['agency_admin'], true],
    ['… and no case role', sysadmin, colleague, ['pp_case_manager', 'trainer'], false],
    [
      '… but may take one away',
      sysadmin,
      { ...colleague, roles: ['pp_case_manager', 'trainer'] },
      ['trainer'],
      true,
    ],
    [
      'an admin can change a colleague within the rules',
      adminA,
      colleague,
      ['pp_case_manager', 'trainer'],
      true,
    ],
    ['… not against them', adminA, colleague, ['vss_case_manager'], false],
    ['a case manager changes nobody', caseManagerA, colleague, ['pp_case_manager', 'trainer'], false],
  ])('update: %s', (_name, subject, current, roles, expected) => {
    expect(userPolicy.canUpdate(subject, current, { ...current, roles }, 'perpetrator_programme')).toBe(
      expected,
    );
  });

  it.each<[string, Actor, string, string, { administer: boolean; manageAgency: boolean }]>([
    ['own account', adminA, adminA.userId, agencyA, { administer: false, manageAgency: true }],
    ['colleague', adminA, randomUUID(), agencyA, { administer: true, manageAgency: true }],
    ['other agency', adminA, randomUUID(), agencyB, { administer: false, manageAgency: false }],
    ['system admin, any agency', sysadmin, randomUUID(), agencyB, { administer: true, manageAgency: true }],
    ['a case manager', caseManagerA, randomUUID(), agencyA, { administer: false, manageAgency: false }],
  ])('administer: %s', (_name, subject, id, agencyId, expected) => {
    expect(
      userPolicy.canAdminister(subject, { id, agencyId, roles: ['pp_case_manager'], side: 'perpetrator' }),
    ).toBe(expected.administer);
    expect(userPolicy.canManageStaffOf(subject, agencyId)).toBe(expected.manageAgency);
  });

  it.each<[string, Actor, boolean]>([
    ['a case manager', caseManagerA, true],
    ['an agency admin', adminA, false],
    ['the system admin', sysadmin, false],
  ])('uses the staff directory: %s → %s', (_name, subject, expected) => {
    expect(userPolicy.canUseStaffDirectory(subject)).toBe(expected);
  });
});

describe('isAssignable', () => {
  it('needs an agency', () => {
    expect(isAssignable({ agencyId: null, roles: ['trainer'], side: 'neutral' }, null)).toBe(false);
  });
  it('lets administrative roles sit on any side of a combined organisation', () => {
    expect(
      isAssignable({ agencyId: agencyA, roles: ['agency_admin'], side: 'neutral' }, 'combined_pp_vss'),
    ).toBe(true);
  });
});

describe('calendar-feed tokens', () => {
  const feeds = userPolicy.calendarFeeds;
  const ownRow = { id: randomUUID(), user_id: caseManagerA.userId, token_hash: 'h', revoked_at: null };
  it.each<[string, Actor, boolean]>([
    ['their owner', caseManagerA, true],
    ['the agency admin of the owner', adminA, false],
    ['the system admin', sysadmin, false],
    ['a colleague of the agency', victimWorkerA, false],
  ])('are read and written by %s → %s', (_name, subject, expected) => {
    expect(matchesRowFilter(feeds.read(subject), ownRow, facts)).toBe(expected);
    expect(matchesRowFilter(feeds.write(subject), ownRow, facts)).toBe(expected);
  });
  it('never show the hash, not even to the owner', () => {
    expect(matchesRowFilter(feeds.fields.token_hash(), ownRow, facts)).toBe(false);
  });
});
