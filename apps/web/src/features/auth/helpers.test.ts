import { describe, expect, it } from 'vitest';
import { assignableRoles, sidesForAgency } from '../admin/userRoles';
import { idlePlan, secondsLeft } from './idle';
import { groupSecret } from './secret';

describe('idle timeout on the client', () => {
  it('signs out a little before the server would, and warns a minute before that', () => {
    expect(idlePlan(30 * 60)).toEqual({ signOutAfter: 30 * 60 - 60, warnFor: 60 });
    expect(idlePlan(120)).toEqual({ signOutAfter: 108, warnFor: 54 });
  });

  it('counts down from the last request, never below zero', () => {
    expect(secondsLeft(0, 900, 0)).toBe(900);
    expect(secondsLeft(0, 900, 840_000)).toBe(60);
    expect(secondsLeft(0, 900, 899_001)).toBe(1);
    expect(secondsLeft(0, 900, 2_000_000)).toBe(0);
  });
});

describe('groupSecret', () => {
  it('groups the key in fours for reading aloud or typing', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('ABCDEF')).toBe('ABCD EF');
  });
});

describe('roles offered in the user form', () => {
  it('offers only the roles that can be held on the side, never system admin', () => {
    expect(assignableRoles('perpetrator')).toContain('pp_case_manager');
    expect(assignableRoles('perpetrator')).not.toContain('partner_contact_worker');
    expect(assignableRoles('victim')).toContain('partner_contact_worker');
    expect(assignableRoles('neutral')).not.toContain('system_admin');
  });

  it('offers the sides an agency kind employs staff on', () => {
    expect(sidesForAgency({ kind: 'combined_pp_vss' })).toEqual(['perpetrator', 'victim']);
    expect(sidesForAgency({ kind: 'police' })).toEqual(['neutral']);
    expect(sidesForAgency(undefined)).toEqual(['perpetrator', 'victim', 'neutral']);
  });
});
