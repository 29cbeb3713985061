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

/** Counts under this are not shown (docs/domain.md, information-flow rule 6). */
export const SMALL_COUNT = 5;

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

/**
 * Small counts suppressed, and where exactly one cell would be, the next smallest too, so that
 * no suppressed cell can be recovered from the total (docs/domain.md, rule 6). Zero is shown:
 * an empty cell tells of no one.
 */
export function suppressSmallCounts(
  counts: Record<DivergenceCell, number>,
): Record<DivergenceCell, number | null> {
  const small = (count: number) => count > 0 && count < SMALL_COUNT;
  const hidden = new Set(DIVERGENCE_CELLS.filter((cell) => small(counts[cell])));
  if (hidden.size === 1) {
    const next = DIVERGENCE_CELLS.filter((cell) => !hidden.has(cell) && counts[cell] > 0).sort(
      (a, b) => counts[a] - counts[b],
    )[0];
    if (next) hidden.add(next);
  }
  return Object.fromEntries(
    DIVERGENCE_CELLS.map((cell) => [cell, hidden.has(cell) ? null : counts[cell]]),
  ) as Record<DivergenceCell, number | null>;
}
