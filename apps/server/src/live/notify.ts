import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import { LIVE_CHANNEL, type LiveNotice } from './change-feed.js';
import type { LiveSignal } from './live-tables.js';

/** Each payload is far below NOTIFY's 8000 bytes; a command writing many rows (an import) tells 200 at most. */
const MAX_SIGNALS = 200;

/** Sends the command's signals in its own transaction, one statement, each signal once. */
export async function notifyLive(trx: Kysely<Database>, schema: string, signals: readonly LiveSignal[]) {
  if (signals.length === 0) return;
  const unique = new Map<string, string>();
  for (const signal of signals.slice(0, MAX_SIGNALS)) {
    const notice: LiveNotice = { schema, ...signal };
    const payload = JSON.stringify(notice);
    unique.set(payload, payload);
  }
  const payloads = [...unique.values()];
  await sql`SELECT pg_notify(${LIVE_CHANNEL}, payload) FROM unnest(${payloads}::text[]) AS payload`.execute(
    trx,
  );
}
