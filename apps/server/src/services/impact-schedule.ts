/**
 * When IMPACT questionnaires are due (DOMAIN.md §3): T0 at the beginning of the programme,
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

const addMonths = (isoDate: string, months: number): string => {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const day = date.getUTCDate();
  date.setUTCMonth(date.getUTCMonth() + months, 1);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.toISOString().slice(0, 10);
};

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
