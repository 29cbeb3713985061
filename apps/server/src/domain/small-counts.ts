/** Counts under this are not shown (docs/domain.md, information-flow rule 6). */
export const SMALL_COUNT = 5;

/** A single count: shown, or null where it is small enough to point at a person. Zero is shown. */
export const shownCount = (count: number): number | null => (count > 0 && count < SMALL_COUNT ? null : count);

/**
 * The cells of one breakdown whose total is shown: small counts suppressed, and where exactly
 * one cell would be, the next smallest too, so that no suppressed cell can be recovered from the
 * total (primary and secondary suppression). Zero is shown: an empty cell tells of no one.
 */
export function suppressCells<K extends string>(counts: Record<K, number>): Record<K, number | null> {
  const cells = Object.keys(counts) as K[];
  const small = (count: number) => count > 0 && count < SMALL_COUNT;
  const hidden = new Set(cells.filter((cell) => small(counts[cell])));
  if (hidden.size === 1) {
    const next = cells
      .filter((cell) => !hidden.has(cell) && counts[cell] > 0)
      .sort((a, b) => counts[a] - counts[b])[0];
    if (next) hidden.add(next);
  }
  return Object.fromEntries(cells.map((cell) => [cell, hidden.has(cell) ? null : counts[cell]])) as Record<
    K,
    number | null
  >;
}
