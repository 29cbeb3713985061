import type { DatabaseHandle } from '../db/database.js';
import type { LiveSignal } from './live-tables.js';

/** The PostgreSQL channel every instance listens on; NOTIFY is sent in the writing command's transaction. */
export const LIVE_CHANNEL = 'tandem_live';

/** What a NOTIFY carries: the schema (tests share one database), and the signal. */
export interface LiveNotice extends LiveSignal {
  schema: string;
}

type Listener = (signal: LiveSignal) => void;

/**
 * The signals of committed commands, from every instance, as this instance hears them through
 * PostgreSQL's LISTEN (PGlite's in-process listen, or one dedicated server connection). The
 * subscribers are this instance's own open streams: nothing another instance needs is kept here.
 */
export class ChangeFeed {
  readonly #listeners = new Map<string, Set<Listener>>();
  #stop: (() => Promise<void>) | null = null;

  private constructor(readonly schema: string) {}

  static async open(database: DatabaseHandle): Promise<ChangeFeed> {
    const feed = new ChangeFeed(database.schema);
    const hear = (payload: string) => feed.#hear(payload);
    if (database.pglite) {
      const unlisten = await database.pglite.listen(LIVE_CHANNEL, hear);
      feed.#stop = () => unlisten();
    } else if (database.pool) {
      await feed.#listenOn(database.pool, hear);
    }
    return feed;
  }

  /** One pool connection kept for LISTEN; if it breaks (a restart), listening starts again. */
  async #listenOn(pool: NonNullable<DatabaseHandle['pool']>, hear: (payload: string) => void): Promise<void> {
    const client = await pool.connect();
    let closed = false;
    client.on('notification', (message) => message.payload && hear(message.payload));
    client.on('error', () => {
      if (closed) return;
      closed = true;
      client.release(true);
      setTimeout(() => void this.#listenOn(pool, hear).catch(() => undefined), 1000).unref();
    });
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
    this.#stop = async () => {
      if (closed) return;
      closed = true;
      await client.query(`UNLISTEN ${LIVE_CHANNEL}`).catch(() => undefined);
      client.release();
    };
  }

  /** Calls `listener` for each signal on one of `topics`, until the returned function is called. */
  subscribe(topics: readonly string[], listener: Listener): () => void {
    for (const topic of topics) {
      const set = this.#listeners.get(topic) ?? new Set();
      set.add(listener);
      this.#listeners.set(topic, set);
    }
    return () => {
      for (const topic of topics) {
        const set = this.#listeners.get(topic);
        set?.delete(listener);
        if (set?.size === 0) this.#listeners.delete(topic);
      }
    };
  }

  async close(): Promise<void> {
    this.#listeners.clear();
    await this.#stop?.();
    this.#stop = null;
  }

  #hear(payload: string): void {
    let notice: LiveNotice;
    try {
      notice = JSON.parse(payload) as LiveNotice;
    } catch {
      return;
    }
    if (notice.schema !== this.schema) return;
    const told = new Set<Listener>();
    for (const topic of notice.topics ?? []) {
      for (const listener of this.#listeners.get(topic) ?? []) {
        if (told.has(listener)) continue;
        told.add(listener);
        listener({ table: notice.table, key: notice.key, topics: notice.topics });
      }
    }
  }
}
