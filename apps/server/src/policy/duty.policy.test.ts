import { randomUUID } from 'node:crypto';
import type { InformationKind, Role, Side } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { actor } from '../testing/factories.js';
import type { Actor } from './actor.js';
import { dutyPolicy } from './duty.policy.js';
import { type FilterFacts, matchesRowFilter } from './row-filter.js';

/** Duties to inform her (docs/domain.md, "Duties to inform her"): only her service sees or resolves them. */

const pp = randomUUID();
const vss = randomUUID();
const otherVss = randomUUID();
const police = randomUUID();
const combined = randomUUID();
const herId = randomUUID();

const who = (roles: Role[], side: Side, agencyId: string | null): Actor =>
  actor({ roles, side, agencyId, today: '2026-03-01' });
const partnerContact = who(['partner_contact_worker'], 'victim', vss);
const vssManager = who(['vss_case_manager'], 'victim', vss);
const childProtection = who(['child_protection_lead'], 'victim', vss);
const otherVssManager = who(['vss_case_manager'], 'victim', otherVss);
const ppManager = who(['pp_case_manager'], 'perpetrator', pp);
const liaison = who(['agency_liaison'], 'neutral', police);
const vssAdmin = who(['agency_admin'], 'victim', vss);

const duty = (ownerAgencyId = vss) => ({
  id: randomUUID(),
  owner_agency_id: ownerAgencyId,
  partner_person_id: herId,
  state: 'open',
});
const grant = (
  agencyId: string,
  side: Side,
  kind: InformationKind,
  validTo: string | null = null,
): FilterFacts => ({
  grants: [{ subjectPersonId: herId, agencyId, side, kind, validFrom: null, validTo }],
});

describe('duty_to_inform: who reads and who resolves', () => {
  it.each<[string, Actor, ReturnType<typeof duty>, FilterFacts | undefined, boolean, boolean]>([
    ['the partner-contact worker of the owning service', partnerContact, duty(), undefined, true, true],
    ['her case manager there', vssManager, duty(), undefined, true, true],
    [
      'the child-protection lead there reads, does not resolve',
      childProtection,
      duty(),
      undefined,
      true,
      false,
    ],
    [
      'a service holding her victim_core grant',
      otherVssManager,
      duty(),
      grant(otherVss, 'victim', 'victim_core'),
      true,
      true,
    ],
    [
      'a service whose grant has ended',
      otherVssManager,
      duty(),
      grant(otherVss, 'victim', 'victim_core', '2026-02-28'),
      false,
      false,
    ],
    [
      'a service holding only her contact grant',
      otherVssManager,
      duty(),
      grant(otherVss, 'victim', 'victim_contact'),
      false,
      false,
    ],
    ['another service without a grant', otherVssManager, duty(), undefined, false, false],
    ['the programme that triggered it', ppManager, duty(), undefined, false, false],
    ['the programme, for a duty of its own agency', ppManager, duty(pp), undefined, false, false],
    [
      'the PP side of the owning combined organisation',
      who(['pp_case_manager'], 'perpetrator', combined),
      duty(combined),
      undefined,
      false,
      false,
    ],
    [
      'the VSS side of the owning combined organisation',
      who(['vss_case_manager'], 'victim', combined),
      duty(combined),
      undefined,
      true,
      true,
    ],
    [
      'police, even with her victim_core grant (duties are the victim side’s work)',
      liaison,
      duty(),
      grant(police, 'neutral', 'victim_core'),
      false,
      false,
    ],
    ['the agency admin of the owning service', vssAdmin, duty(), undefined, false, false],
  ])('%s: reads %s, writes %s', (_name, subject, row, facts, reads, writes) => {
    expect(matchesRowFilter(dutyPolicy.table.read(subject), row, facts)).toBe(reads);
    expect(matchesRowFilter(dutyPolicy.table.write(subject), row, facts)).toBe(writes);
  });
});

describe('dutyPolicy.canResolve and the abilities sent with each duty', () => {
  it.each<[string, Actor, boolean]>([
    ['partner-contact worker', partnerContact, true],
    ['VSS case manager', vssManager, true],
    ['child-protection lead on the victim side', childProtection, false],
    ['PP case manager', ppManager, false],
    ['police liaison', liaison, false],
    ['VSS agency admin', vssAdmin, false],
  ])('%s → %s', (_name, subject, expected) => {
    expect(dutyPolicy.canResolve(subject)).toBe(expected);
    expect(dutyPolicy.abilities(subject, { state: 'open' })).toEqual({ resolve: expected });
  });

  it.each(['done', 'closed'])('a %s duty cannot be resolved again', (state) => {
    expect(dutyPolicy.abilities(partnerContact, { state })).toEqual({ resolve: false });
  });
});
