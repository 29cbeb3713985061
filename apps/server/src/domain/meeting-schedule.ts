import type { PpStatus } from '@tandem/shared';
import { addDays, dateIn, instantAt } from './clock.js';
import { hasEnded } from './programme.js';

/**
 * When the next Phase 2 meeting of a joint case falls (docs/domain.md, "Phase 2"): a fixed
 * interval set by the network, a shorter one while the agreed risk is high, and none once either
 * programme has ended — meetings run "for as long as both attend". Meetings are planned at 09:00
 * on a working day in the network's own time zone.
 */
export interface ScheduleFacts {
  caseStatus: 'open' | 'closed';
  ppStatus: PpStatus;
  vssStatus: 'open' | 'closed';
  /** The last meeting held (closed), or the case's opening if none yet. */
  lastMeetingOrOpening: Date;
  agreedLevel: string | null;
  intervalDays: number;
  highRiskIntervalDays: number;
  timeZone: string;
}

const MEETING_HOUR = 9;
/** Agreed levels that bring meetings closer together. */
const HIGH_LEVELS: readonly string[] = ['high', 'extreme'];

export function nextMeetingDate(facts: ScheduleFacts): Date | null {
  if (facts.caseStatus !== 'open' || facts.vssStatus !== 'open' || hasEnded(facts.ppStatus)) return null;
  const days =
    facts.agreedLevel !== null && HIGH_LEVELS.includes(facts.agreedLevel)
      ? Math.min(facts.highRiskIntervalDays, facts.intervalDays)
      : facts.intervalDays;
  let date = addDays(dateIn(facts.timeZone, facts.lastMeetingOrOpening), days);
  // Working days only: a meeting that falls on a weekend moves to the Monday.
  while ([0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay())) date = addDays(date, 1);
  return instantAt(facts.timeZone, date, MEETING_HOUR);
}
