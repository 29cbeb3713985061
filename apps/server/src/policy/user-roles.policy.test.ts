import { randomUUID } from 'node:crypto';
import type { Role, Side } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { actor } from '../testing/factories.js';
import type { Actor } from './actor.js';
import { planRoleChange, userPolicy } from './user.policy.js';

/** Separation of duties on roles: who decides on a victim-side case role, and what waits for them. */
const agencyA = randomUUID();
const agencyB = randomUUID();
const adminA = actor({ roles: ['agency_admin'], side: 'perpetrator', agencyId: agencyA });
const victimAdminA = actor({ roles: ['agency_admin'], side: 'victim', agencyId: agencyA });
const victimWorkerA = actor({ roles: ['vss_case_manager'], side: 'victim', agencyId: agencyA });
const caseManagerA = actor({ roles: ['pp_case_manager'], side: 'perpetrator', agencyId: agencyA });
const sysadmin = actor({ roles: ['system_admin'], side: 'neutral', agencyId: null });

describe('four eyes: who decides on pending victim-side roles', () => {
  const requester = randomUUID();
  const pending = (agencyId: string, id: string = randomUUID()) => ({
    id,
    agencyId,
    roles: [] as Role[],
    side: 'victim' as Side,
    pendingRoles: ['vss_case_manager'] as Role[],
    rolesRequestedBy: requester,
  });
  it.each<[string, Actor, ReturnType<typeof pending>, boolean, boolean]>([
    ['a victim-side case worker of the agency approves', victimWorkerA, pending(agencyA), true, true],
    ['… not for another agency', victimWorkerA, pending(agencyB), true, false],
    ['… not the one who asked', { ...victimWorkerA, userId: requester }, pending(agencyA), true, false],
    ['… not for their own account', victimWorkerA, pending(agencyA, victimWorkerA.userId), true, false],
    [
      'the agency admin does not, where the victim side has case workers',
      adminA,
      pending(agencyA),
      true,
      false,
    ],
    ['… nor a victim-side admin there', victimAdminA, pending(agencyA), true, false],
    [
      'a victim-side admin approves the first case worker of a new centre',
      victimAdminA,
      pending(agencyA),
      false,
      true,
    ],
    ['… a perpetrator-side admin does not', adminA, pending(agencyA), false, false],
    ['the system admin never approves', sysadmin, pending(agencyA), false, false],
    ['the perpetrator side never approves', caseManagerA, pending(agencyA), true, false],
    [
      'nothing to approve without pending roles',
      victimWorkerA,
      { ...pending(agencyA), pendingRoles: [] },
      true,
      false,
    ],
  ])('%s', (_name, subject, account, staffed, expected) => {
    expect(userPolicy.canApproveRoles(subject, account, staffed)).toBe(expected);
  });

  it('lets the agency admin withdraw (refuse) a request, never approve it', () => {
    expect(userPolicy.canRefuseRoles(adminA, pending(agencyA), true)).toBe(true);
    expect(userPolicy.canRefuseRoles(caseManagerA, pending(agencyA), true)).toBe(false);
  });
});

describe('planRoleChange: what waits for the second person', () => {
  it.each<
    [
      string,
      { roles: Role[]; side: Side },
      { roles: Role[]; side: Side },
      { inForce: Role[]; pending: Role[] },
    ]
  >([
    [
      'a new victim-side case role waits',
      { roles: [], side: 'victim' },
      { roles: ['vss_case_manager'], side: 'victim' },
      { inForce: [], pending: ['vss_case_manager'] },
    ],
    [
      'a perpetrator-side role does not',
      { roles: [], side: 'perpetrator' },
      { roles: ['pp_case_manager'], side: 'perpetrator' },
      { inForce: ['pp_case_manager'], pending: [] },
    ],
    [
      'a victim-side role held already stays in force',
      { roles: ['vss_case_manager'], side: 'victim' },
      { roles: ['vss_case_manager', 'partner_contact_worker'], side: 'victim' },
      { inForce: ['vss_case_manager'], pending: ['partner_contact_worker'] },
    ],
    [
      'moving to the victim side: the role waits',
      { roles: ['child_protection_lead'], side: 'neutral' },
      { roles: ['child_protection_lead'], side: 'victim' },
      { inForce: [], pending: ['child_protection_lead'] },
    ],
    [
      'taking a role away needs nobody',
      { roles: ['vss_case_manager', 'trainer'], side: 'victim' },
      { roles: ['trainer'], side: 'victim' },
      { inForce: ['trainer'], pending: [] },
    ],
  ])('%s', (_name, current, next, expected) => {
    expect(planRoleChange(current, next)).toEqual(expected);
  });
});
