import { addMonths } from './clock.js';

/**
 * When IMPACT questionnaires are due (docs/domain.md, "IMPACT"): T0 at the beginning of the programme,
 * T1 when the intervention starts, T2 every three months during it, T3 at the end, T4 at
 * follow-up. Dates follow the episode's dates, so they move when those move.
 */
export interface EpisodeDates {
  referralDate: string;
  intakeDate: string | null;
  /** When the programme first became active. */
  activeSince: string | null;
  /** When it ended (completed, dropped out, excluded). */
  endedOn: string | null;
  plannedEndDate: string | null;
}

export interface Timepoint {
  timepoint: string;
  dueOn: string;
}

export function impactSchedule(dates: EpisodeDates, followUpMonths: number, today: string): Timepoint[] {
  const points: Timepoint[] = [{ timepoint: 'T0', dueOn: dates.intakeDate ?? dates.referralDate }];
  if (!dates.activeSince) return points;
  points.push({ timepoint: 'T1', dueOn: dates.activeSince });
  const end = dates.endedOn ?? dates.plannedEndDate;
  // During the intervention: every three months until the end, or — with no end in sight — up to the next one.
  const horizon = end ?? addMonths(today, 3);
  for (let index = 1; index <= 40; index += 1) {
    const dueOn = addMonths(dates.activeSince, 3 * index);
    if (dueOn >= horizon) break;
    points.push({ timepoint: `T2.${index}`, dueOn });
  }
  if (end) {
    points.push({ timepoint: 'T3', dueOn: end });
    points.push({ timepoint: 'T4', dueOn: addMonths(end, followUpMonths) });
  }
  return points;
}
