import { sql } from 'kysely';
import type { CommandScope } from '../data/command-scope.js';
import type { LiveSignal } from './live-tables.js';

/** The columns a signal's key may name (live-tables.ts): anything else is not ours and is ignored. */
const KEY_COLUMNS = new Set(['id', 'meeting_id', 'item']);

/**
 * A page may listen to a case or a meeting only where its reader may read that case or meeting,
 * through their own policy; otherwise the one answer for "not found" and "not yours".
 */
export async function checkLiveTopics(scope: CommandScope, topics: readonly string[]): Promise<void> {
  for (const topic of topics) {
    const [kind, id = ''] = topic.split(':');
    const table = kind === 'case' ? 'joint_case' : 'case_meeting';
    const found = await scope.db.query.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
    if (!found) throw scope.db.refuse('live.subscribe', table, id);
  }
}

/**
 * Whether the reader may read the row a signal names, read again through their own policy: a
 * row of her side that the programme may not read tells the programme nothing, not even that
 * something was written (docs/domain.md, "Information-flow rules").
 */
export async function seesSignal(scope: CommandScope, signal: LiveSignal): Promise<boolean> {
  const key = Object.entries(signal.key).filter(([column]) => KEY_COLUMNS.has(column));
  if (key.length === 0) return false;
  // biome-ignore lint/suspicious/noExplicitAny: the table is one of live-tables.ts, chosen at run time
  let query: any = scope.db.query.selectFrom(signal.table).select(sql<number>`1`.as('seen'));
  for (const [column, value] of key) query = query.where(column, '=', value);
  return (await query.executeTakeFirst()) !== undefined;
}
