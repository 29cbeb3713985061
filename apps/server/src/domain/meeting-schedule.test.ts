import { describe, expect, it } from 'vitest';
import { nextMeetingDate, type ScheduleFacts } from './meeting-schedule.js';

const base: ScheduleFacts = {
  caseStatus: 'open',
  ppStatus: 'active',
  vssStatus: 'open',
  lastMeetingOrOpening: new Date('2026-03-02T10:00:00Z'), // a Monday
  agreedLevel: 'intermediate',
  intervalDays: 28,
  highRiskIntervalDays: 14,
  timeZone: 'Europe/Rome',
};

describe('nextMeetingDate (09:00 in the network’s zone: CET, then CEST from 29 March 2026)', () => {
  it.each([
    ['the network interval', base, '2026-03-30T07:00:00.000Z'],
    ['sooner while the agreed risk is high', { ...base, agreedLevel: 'high' }, '2026-03-16T08:00:00.000Z'],
    [
      'never later than the normal interval',
      { ...base, agreedLevel: 'high', highRiskIntervalDays: 60 },
      '2026-03-30T07:00:00.000Z',
    ],
    ['a weekend moves to Monday', { ...base, intervalDays: 26 }, '2026-03-30T07:00:00.000Z'],
    ['in another network’s zone', { ...base, timeZone: 'Europe/Sofia' }, '2026-03-30T06:00:00.000Z'],
    ['an extreme agreed risk is high too', { ...base, agreedLevel: 'extreme' }, '2026-03-16T08:00:00.000Z'],
    ['no meetings once he completed', { ...base, ppStatus: 'completed' as const }, null],
    ['no meetings once he dropped out', { ...base, ppStatus: 'dropped_out' as const }, null],
    ['no meetings once her support ended', { ...base, vssStatus: 'closed' as const }, null],
    ['no meetings for a closed joint case', { ...base, caseStatus: 'closed' as const }, null],
    [
      'a suspension does not stop them',
      { ...base, ppStatus: 'suspended' as const },
      '2026-03-30T07:00:00.000Z',
    ],
  ])('%s', (_name, facts, expected) => {
    expect(nextMeetingDate(facts)?.toISOString() ?? null).toBe(expected);
  });
});
