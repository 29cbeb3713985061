import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { actor } from '../testing/factories.js';
import { auditPolicy } from './audit.policy.js';
import { abilitiesFor } from './index.js';
import { matchesRowFilter } from './row-filter.js';

const agency = randomUUID();
const event = (actorAgencyId: string | null) => ({ actor_agency_id: actorAgencyId });

describe('auditPolicy.visibleRows', () => {
  it.each([
    [
      'system admin reads every event',
      actor({ roles: ['system_admin'], side: 'neutral', agencyId: null }),
      event(randomUUID()),
      true,
    ],
    [
      'agency admin reads their staff’s events',
      actor({ roles: ['agency_admin'], side: 'victim', agencyId: agency }),
      event(agency),
      true,
    ],
    [
      'agency admin does not read another agency’s',
      actor({ roles: ['agency_admin'], side: 'victim', agencyId: agency }),
      event(randomUUID()),
      false,
    ],
    [
      'a case manager reads no audit',
      actor({ roles: ['vss_case_manager'], side: 'victim', agencyId: agency }),
      event(agency),
      false,
    ],
    [
      'an analyst reads no audit',
      actor({ roles: ['analyst'], side: 'neutral', agencyId: agency }),
      event(agency),
      false,
    ],
  ])('%s', (_name, who, row, expected) => {
    expect(matchesRowFilter(auditPolicy.visibleRows(who), row)).toBe(expected);
  });
});

describe('abilitiesFor', () => {
  it('gives a case manager no administration', () => {
    expect(abilitiesFor(actor({ roles: ['pp_case_manager'], side: 'perpetrator' }))).toEqual({
      manageNetworks: false,
      manageAgencies: false,
      manageUsers: false,
      viewAudit: false,
      casework: true,
      referPerpetrators: true,
      supportVictims: false,
      coordinateNetwork: false,
    });
  });
  it('gives the system admin networks and agencies', () => {
    const abilities = abilitiesFor(actor({ roles: ['system_admin'], side: 'neutral', agencyId: null }));
    expect(abilities.manageNetworks && abilities.manageAgencies && abilities.manageUsers).toBe(true);
  });
});
