// @vitest-environment jsdom
import type { ImpactView, MeetingView } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../parts';
import { lastOpenItem } from './AddressToo';
import { lastOneDue } from './ImpactItem';

type Point = ImpactView['points'][number];
const answer = {
  responseId: '11111111-1111-4111-8111-111111111111',
  completedOn: '2026-11-01',
  score: 3,
  areaScores: {},
};
const point = (timepoint: string, fields: Partial<Point>): Point => ({
  timepoint,
  dueOn: '2026-11-01',
  him: null,
  her: null,
  herWithheld: false,
  due: false,
  overdue: false,
  ...fields,
});
const impact = (points: Point[]) => ({ points }) as ImpactView;
const meeting = (statuses: Record<string, 'open' | 'addressed' | 'deferred'>) =>
  ({
    agenda: Object.entries(statuses).map(([item, status]) => ({ item, status })),
  }) as unknown as MeetingView;

describe('the defaults of the meeting screen', () => {
  it('an action row’s term: calendar days after a day, across months and years', () => {
    expect(addDaysIso('2026-12-03', 14)).toBe('2026-12-17');
    expect(addDaysIso('2026-12-25', 14)).toBe('2027-01-08');
    expect(addDaysIso('2026-03-20', 14)).toBe('2026-04-03'); // across the change to summer time
  });

  it('a questionnaire completes the item only when it is the last one due, for either of them', () => {
    const hersDone = impact([point('T2.1', { overdue: true, her: answer })]);
    expect(lastOneDue(hersDone, 'him', 'T2.1')).toBe(true);
    const hersMissing = impact([point('T2.1', { overdue: true })]);
    expect(lastOneDue(hersMissing, 'him', 'T2.1')).toBe(false);
    // Without her consent the programme cannot see hers: the server counts only his as missing.
    const hersWithheld = impact([point('T2.1', { overdue: true, herWithheld: true })]);
    expect(lastOneDue(hersWithheld, 'him', 'T2.1')).toBe(true);
    const another = impact([point('T2.1', { overdue: true, her: answer }), point('T3', { due: true })]);
    expect(lastOneDue(another, 'him', 'T2.1')).toBe(false);
  });

  it('an item is the last open one when every other is addressed or deferred', () => {
    const statuses = {
      joint_risk_assessment: 'addressed',
      recidivism: 'deferred',
      joint_action_plan: 'open',
    } as const;
    expect(lastOpenItem(meeting(statuses), 'joint_action_plan')).toBe(true);
    expect(lastOpenItem(meeting({ ...statuses, recidivism: 'open' }), 'joint_action_plan')).toBe(false);
    expect(lastOpenItem(meeting({ ...statuses, joint_action_plan: 'addressed' }), 'joint_action_plan')).toBe(
      false,
    );
  });
});
