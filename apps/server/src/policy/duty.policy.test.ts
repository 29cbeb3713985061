import { randomUUID } from 'node:crypto';
import type { InformationKind, Role, Side } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { actor } from '../testing/factories.js';
import type { Actor } from './actor.js';
import { dutyPolicy } from './duty.policy.js';
import { type FilterFacts, matchesRowFilter } from './row-filter.js';

const pp = randomUUID();
const vss = randomUUID();
const otherVss = randomUUID();
const police = randomUUID();
const combined = randomUUID();
const herId = randomUUID();

const who = (roles: Role[], side: Side, agencyId: string | null): Actor => actor({ roles, side, agencyId });
const partnerContact = who(['partner_contact_worker'], 'victim', vss);
const vssManager = who(['vss_case_manager'], 'victim', vss);
const ppManager = who(['pp_case_manager'], 'perpetrator', pp);
const liaison = who(['agency_liaison'], 'neutral', police);

const duty = (ownerAgencyId = vss) => ({
  'duty_to_inform.owner_agency_id': ownerAgencyId,
  'duty_to_inform.partner_person_id': herId,
});
const grant = (agencyId: string, side: Side, kind: InformationKind): FilterFacts => ({
  grants: [{ subjectPersonId: herId, agencyId, side, kind }],
});

describe('dutyPolicy.visibleRows (duties to inform her)', () => {
  it.each<[string, Actor, ReturnType<typeof duty>, FilterFacts | undefined, boolean]>([
    ['the partner-contact worker of the owning service', partnerContact, duty(), undefined, true],
    ['her case manager there', vssManager, duty(), undefined, true],
    [
      'a service holding her victim_core grant',
      who(['vss_case_manager'], 'victim', otherVss),
      duty(),
      grant(otherVss, 'victim', 'victim_core'),
      true,
    ],
    ['another service without it', who(['vss_case_manager'], 'victim', otherVss), duty(), undefined, false],
    ['the programme that triggered it', ppManager, duty(pp), undefined, false],
    [
      'the PP side of the owning combined organisation',
      who(['pp_case_manager'], 'perpetrator', combined),
      duty(combined),
      undefined,
      false,
    ],
    [
      'the VSS side of the owning combined organisation',
      who(['vss_case_manager'], 'victim', combined),
      duty(combined),
      undefined,
      true,
    ],
    [
      'police, even with her victim_core grant (duties are the victim side’s work)',
      liaison,
      duty(),
      grant(police, 'neutral', 'victim_core'),
      false,
    ],
    [
      'the agency admin of the owning service',
      who(['agency_admin'], 'victim', vss),
      duty(),
      undefined,
      false,
    ],
  ])('%s', (_name, subject, row, facts, expected) => {
    expect(matchesRowFilter(dutyPolicy.visibleRows(subject), row, facts)).toBe(expected);
  });
});

describe('dutyPolicy.canResolve', () => {
  it.each<[string, Actor, boolean]>([
    ['partner-contact worker', partnerContact, true],
    ['VSS case manager', vssManager, true],
    ['child-protection lead on the victim side', who(['child_protection_lead'], 'victim', vss), false],
    ['PP case manager', ppManager, false],
    ['police liaison', liaison, false],
    ['VSS agency admin', who(['agency_admin'], 'victim', vss), false],
  ])('%s → %s', (_name, subject, expected) => {
    expect(dutyPolicy.canResolve(subject)).toBe(expected);
  });
});
