import { describe, expect, it } from 'vitest';
import { actor } from '../testing/factories.js';
import { agencyPolicy } from './agency.policy.js';
import { networkPolicy } from './network.policy.js';
import { matchesRowFilter } from './row-filter.js';

describe('agency and network policies', () => {
  const sysadmin = actor({ roles: ['system_admin'], side: 'neutral', agencyId: null });
  const agencyAdmin = actor({ roles: ['agency_admin'], side: 'victim' });
  const coordinator = actor({ roles: ['network_coordinator'], side: 'neutral' });

  it.each([
    ['system admin', sysadmin, true],
    ['agency admin', agencyAdmin, false],
    ['network coordinator', coordinator, false],
  ])('%s may create and change agencies and networks: %s', (_name, who, expected) => {
    expect(agencyPolicy.canCreate(who)).toBe(expected);
    expect(agencyPolicy.canUpdate(who)).toBe(expected);
    expect(networkPolicy.canCreate(who)).toBe(expected);
  });

  it('every signed-in user reads the service directory', () => {
    for (const who of [sysadmin, agencyAdmin, coordinator]) {
      expect(matchesRowFilter(agencyPolicy.visibleRows(who), { id: 'x' })).toBe(true);
    }
  });
});
