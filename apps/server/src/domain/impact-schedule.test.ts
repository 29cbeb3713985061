import { describe, expect, it } from 'vitest';
import { impactSchedule } from './impact-schedule.js';

const base = {
  referralDate: '2026-01-05',
  intakeDate: '2026-01-10',
  activeSince: null,
  endedOn: null,
  plannedEndDate: null,
};

describe('impactSchedule', () => {
  it.each([
    ['only T0 before the intervention starts', base, '2026-01-20', ['T0 2026-01-10']],
    ['T0 falls back to the referral date', { ...base, intakeDate: null }, '2026-01-20', ['T0 2026-01-05']],
    [
      'T1 and the T2s so far while it runs',
      { ...base, activeSince: '2026-02-01' },
      '2026-09-15',
      ['T0 2026-01-10', 'T1 2026-02-01', 'T2.1 2026-05-01', 'T2.2 2026-08-01', 'T2.3 2026-11-01'],
    ],
    [
      'T3 at the planned end and T4 six months later',
      { ...base, activeSince: '2026-02-01', plannedEndDate: '2026-08-31' },
      '2026-03-01',
      [
        'T0 2026-01-10',
        'T1 2026-02-01',
        'T2.1 2026-05-01',
        'T2.2 2026-08-01',
        'T3 2026-08-31',
        'T4 2027-02-28',
      ],
    ],
    [
      'an early end moves T3 and T4 and drops later T2s',
      { ...base, activeSince: '2026-02-01', plannedEndDate: '2026-12-31', endedOn: '2026-04-15' },
      '2026-05-01',
      ['T0 2026-01-10', 'T1 2026-02-01', 'T3 2026-04-15', 'T4 2026-10-15'],
    ],
  ])('%s', (_name, dates, today, expected) => {
    expect(impactSchedule(dates, 6, today).map((point) => `${point.timepoint} ${point.dueOn}`)).toEqual(
      expected,
    );
  });

  it('follows the network’s follow-up interval', () => {
    const points = impactSchedule(
      { ...base, activeSince: '2026-02-01', endedOn: '2026-03-31' },
      12,
      '2026-04-01',
    );
    expect(points.at(-1)).toEqual({ timepoint: 'T4', dueOn: '2027-03-31' });
  });
});
