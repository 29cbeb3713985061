import { suppressCells } from './small-counts.js';
/**
 * When the two sides diverge (docs/domain.md, "Joint risk assessment"): each time either side
 * records a checklist, its latest and the other side's latest make a pair, and the pair's
 * difference is the programme's level rank minus her service's (negative: the programme assessed
 * lower, as the pilots found it does). Pure: callers pass only the checklists their reader may see.
 */

export interface SideChecklist {
  id: string;
  side: string;
  completedOn: string;
  level: string | null;
  /** The rank of `level` in its instrument (levelRank), -1 when unknown. */
  rank: number;
  instrumentId: string;
}

export interface ChecklistPair {
  date: string;
  perpetratorSide: SideChecklist;
  victimSide: SideChecklist;
  /** Programme's rank minus her service's; null when the two levels cannot be compared. */
  difference: number | null;
}

/** The pairs of one case, oldest first; `checklists` sorted as recorded (completed_on, then created). */
export function checklistPairs(checklists: readonly SideChecklist[]): ChecklistPair[] {
  const pairs: ChecklistPair[] = [];
  let perpetratorSide: SideChecklist | undefined;
  let victimSide: SideChecklist | undefined;
  for (const checklist of checklists) {
    if (checklist.side === 'perpetrator') perpetratorSide = checklist;
    else if (checklist.side === 'victim') victimSide = checklist;
    else continue;
    if (!perpetratorSide || !victimSide) continue;
    const pair = {
      date: checklist.completedOn,
      perpetratorSide,
      victimSide,
      difference: differenceOf(perpetratorSide, victimSide),
    };
    // Two checklists recorded on one day: the day's last pair stands for it.
    if (pairs.at(-1)?.date === pair.date) pairs[pairs.length - 1] = pair;
    else pairs.push(pair);
  }
  return pairs;
}

function differenceOf(programme: SideChecklist, hers: SideChecklist): number | null {
  if (programme.instrumentId !== hers.instrumentId || programme.rank < 0 || hers.rank < 0) return null;
  return programme.rank - hers.rank;
}

export { SMALL_COUNT } from './small-counts.js';

export const DIVERGENCE_CELLS = [
  'programmeLowerByTwoOrMore',
  'programmeLowerByOne',
  'same',
  'programmeHigherByOne',
  'programmeHigherByTwoOrMore',
] as const;
export type DivergenceCell = (typeof DIVERGENCE_CELLS)[number];

export const cellOf = (difference: number): DivergenceCell =>
  difference <= -2
    ? 'programmeLowerByTwoOrMore'
    : difference === -1
      ? 'programmeLowerByOne'
      : difference === 0
        ? 'same'
        : difference === 1
          ? 'programmeHigherByOne'
          : 'programmeHigherByTwoOrMore';

/** The divergence cells with small counts suppressed (domain/small-counts.ts). */
export const suppressSmallCounts = (
  counts: Record<DivergenceCell, number>,
): Record<DivergenceCell, number | null> => suppressCells(counts);
