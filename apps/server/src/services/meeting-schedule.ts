import type { PpStatus } from '@tandem/shared';

/**
 * When the next Phase 2 meeting of a joint case falls (DOMAIN.md §2 step 6): a fixed interval
 * set by the network, a shorter one while the agreed risk is high, and none once either
 * programme has ended — meetings run "for as long as both attend".
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
}

const ENDED: readonly PpStatus[] = ['completed', 'dropped_out', 'excluded'];
const MEETING_HOUR_UTC = 9;

export function nextMeetingDate(facts: ScheduleFacts): Date | null {
  if (facts.caseStatus !== 'open' || facts.vssStatus !== 'open' || ENDED.includes(facts.ppStatus))
    return null;
  const days =
    facts.agreedLevel === 'high'
      ? Math.min(facts.highRiskIntervalDays, facts.intervalDays)
      : facts.intervalDays;
  const next = new Date(facts.lastMeetingOrOpening);
  next.setUTCDate(next.getUTCDate() + days);
  next.setUTCHours(MEETING_HOUR_UTC, 0, 0, 0);
  // Working days only: a meeting that falls on a weekend moves to the Monday.
  while (next.getUTCDay() === 0 || next.getUTCDay() === 6) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}
