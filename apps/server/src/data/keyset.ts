import type { SelectQueryBuilder, StringReference } from 'kysely';
import { invalidInput } from '../domain/errors.js';

/**
 * Keyset pagination: the cursor is the sort key of the last row of the previous page,
 * so every page is an index range scan, however deep (no OFFSET).
 */
function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | null {
  if (cursor === undefined) return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((value) => typeof value === 'string' || typeof value === 'number')
    ) {
      return values;
    }
  } catch {
    // fall through to the error below
  }
  throw invalidInput('cursor', 'The page cursor is not valid; start again from the first page');
}

/** How a list is ordered, for its pages. */
export interface KeysetOrder<DB, TB extends keyof DB, Row> {
  /** The sort key's columns, most significant first; the last one is unique (the id). */
  by: readonly [StringReference<DB, TB>] | readonly [StringReference<DB, TB>, StringReference<DB, TB>];
  direction: 'asc' | 'desc';
  /** A row's sort key as the cursor carries it. */
  key: (row: Row) => (string | number)[];
  /** The cursor's values as the query compares them: as text unless said otherwise (a timestamp). */
  parse?: (values: (string | number)[]) => unknown[];
}

/**
 * One page of a query: the rows after the cursor in the order given, and the cursor of the next
 * page. The query brings its own selection and filters; this adds the range, the order and the limit.
 */
export async function keysetPage<DB, TB extends keyof DB, Row>(
  query: SelectQueryBuilder<DB, TB, Row>,
  page: { limit: number; cursor?: string | undefined },
  order: KeysetOrder<DB, TB, Row>,
): Promise<{ items: Row[]; nextCursor: string | null }> {
  const after = decodeCursor(page.cursor, order.by.length);
  const [first, second] = order.by;
  let ordered = query;
  if (after !== null) {
    const values = (order.parse ?? ((decoded) => decoded.map(String)))(after) as never[];
    const beyond = order.direction === 'asc' ? '>' : '<';
    ordered = ordered.where((eb) =>
      second === undefined
        ? eb(first, beyond, values[0]!)
        : eb(eb.refTuple(first, second), beyond, eb.tuple(values[0]!, values[1]!)),
    );
  }
  for (const column of order.by) ordered = ordered.orderBy(column, order.direction);
  // One row more than the page tells whether there is a next one.
  const rows = await ordered.limit(page.limit + 1).execute();
  const hasMore = rows.length > page.limit;
  const items = hasMore ? rows.slice(0, page.limit) : rows;
  const last = items.at(-1);
  return { items, nextCursor: hasMore && last ? encodeCursor(order.key(last)) : null };
}
