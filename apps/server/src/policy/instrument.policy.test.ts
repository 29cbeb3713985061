import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { actor } from '../testing/factories.js';
import { instrumentPolicy } from './instrument.policy.js';

const pp = randomUUID();
const vss = randomUUID();
const ppManager = actor({ roles: ['pp_case_manager'], side: 'perpetrator', agencyId: pp });
const vssManager = actor({ roles: ['vss_case_manager'], side: 'victim', agencyId: vss });
const police = actor({ roles: ['agency_liaison'], side: 'neutral' });
const hers = { ownerSide: 'victim' as const, ownerAgencyId: vss };
const his = { ownerSide: 'perpetrator' as const, ownerAgencyId: pp };

describe('instrumentPolicy.readerView', () => {
  it.each([
    ['the programme reads its own checklist in full', ppManager, his, false, 'full'],
    ['the programme reads hers protected', ppManager, hers, false, 'protected'],
    ['her service reads its own in full', vssManager, hers, true, 'full'],
    ['her service reads his in full', vssManager, his, true, 'full'],
    ['police read both protected', police, hers, false, 'protected'],
    ['police read his protected too (no notes)', police, his, false, 'protected'],
  ] as const)('%s', (_name, who, response, herService, expected) => {
    expect(instrumentPolicy.readerView(who, response, herService)).toBe(expected);
  });
});

describe('instrumentPolicy.protectAnswer', () => {
  it('withholds what she said without her consent, and never passes a note', () => {
    expect(
      instrumentPolicy.protectAnswer({ value: 'yes', source: 'her', note: 'He choked her' }, false),
    ).toEqual({ value: null, withheld: true });
    expect(
      instrumentPolicy.protectAnswer({ value: 'yes', source: 'her', note: 'He choked her' }, true),
    ).toEqual({ value: 'yes', source: 'another_source' });
    expect(instrumentPolicy.protectAnswer({ value: 'no', source: 'him', note: 'Says never' }, false)).toEqual(
      { value: 'no', source: 'him' },
    );
  });
});

describe('instrumentPolicy.judgementProblem', () => {
  it.each([
    ['raising needs no reason', 0, 2, undefined, null],
    ['keeping needs no reason', 1, 1, undefined, null],
    ['lowering needs a reason', 2, 0, undefined, 'Lowering the computed level needs a recorded reason'],
    ['lowering with a reason', 2, 0, 'Old incident', null],
    ['an unknown level', 1, -1, 'x', 'No such level in this instrument'],
  ])('%s', (_name, computed, judged, reason, expected) => {
    expect(instrumentPolicy.judgementProblem(computed, judged, reason)).toBe(expected);
  });
});
