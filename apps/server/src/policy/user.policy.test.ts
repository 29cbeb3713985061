import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { actor } from '../testing/factories.js';
import { matchesRowFilter } from './row-filter.js';
import { isAssignable, userPolicy } from './user.policy.js';

const agencyA = randomUUID();
const agencyB = randomUUID();
const adminA = actor({ roles: ['agency_admin'], side: 'perpetrator', agencyId: agencyA });
const sysadmin = actor({ roles: ['system_admin'], side: 'neutral', agencyId: null });
const caseManagerA = actor({ roles: ['pp_case_manager'], side: 'perpetrator', agencyId: agencyA });

const row = (agencyId: string | null, id: string = randomUUID()) => ({ id, agency_id: agencyId });

describe('userPolicy.visibleRows', () => {
  it.each([
    ['agency admin sees a colleague of their agency', adminA, row(agencyA), true],
    ['agency admin does not see staff of another agency', adminA, row(agencyB), false],
    ['system admin sees staff of any agency', sysadmin, row(agencyB), true],
    ['a case manager does not see colleagues', caseManagerA, row(agencyA), false],
    ['a case manager sees their own account', caseManagerA, row(agencyA, caseManagerA.userId), true],
  ])('%s', (_name, who, target, expected) => {
    expect(matchesRowFilter(userPolicy.visibleRows(who), target)).toBe(expected);
  });
});

describe('userPolicy.canCreate', () => {
  it.each([
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
    [
      'a case manager cannot create accounts',
      caseManagerA,
      agencyA,
      ['pp_case_manager'],
      'perpetrator',
      'perpetrator_programme',
      false,
    ],
    ['police liaison is neutral', sysadmin, agencyB, ['agency_liaison'], 'neutral', 'police', true],
    [
      'police liaison cannot be perpetrator side',
      sysadmin,
      agencyB,
      ['agency_liaison'],
      'perpetrator',
      'police',
      false,
    ],
  ] as const)('%s', (_name, who, agencyId, roles, side, kind, expected) => {
    expect(userPolicy.canCreate(who, { agencyId, roles: [...roles], side }, kind)).toBe(expected);
  });
});

describe('userPolicy.canUpdate and canAdminister', () => {
  it('an admin cannot remove their own admin role', () => {
    const self = {
      id: adminA.userId,
      agencyId: agencyA,
      roles: ['agency_admin'] as const,
      side: 'perpetrator' as const,
    };
    expect(
      userPolicy.canUpdate(
        adminA,
        { ...self, roles: [...self.roles] },
        { ...self, roles: ['pp_case_manager'] },
        'perpetrator_programme',
      ),
    ).toBe(false);
  });
  it('an admin can change a colleague within the rules', () => {
    const colleague = {
      id: randomUUID(),
      agencyId: agencyA,
      roles: ['pp_case_manager' as const],
      side: 'perpetrator' as const,
    };
    expect(
      userPolicy.canUpdate(
        adminA,
        colleague,
        { ...colleague, roles: ['pp_case_manager', 'trainer'] },
        'perpetrator_programme',
      ),
    ).toBe(true);
  });
  it.each([
    ['own account', adminA, adminA.userId, agencyA, false],
    ['colleague', adminA, randomUUID(), agencyA, true],
    ['other agency', adminA, randomUUID(), agencyB, false],
    ['system admin, any agency', sysadmin, randomUUID(), agencyB, true],
  ] as const)('administer: %s', (_name, who, id, agencyId, expected) => {
    expect(
      userPolicy.canAdminister(who, { id, agencyId, roles: ['pp_case_manager'], side: 'perpetrator' }),
    ).toBe(expected);
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
