import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Rate-limit counters in PostgreSQL, so every app instance counts the same requests
 * (fixed window per key). Old windows are swept by the maintenance job.
 */
export function postgresRateLimitStore(db: Kysely<Database>): FastifyRateLimitStoreCtor {
  class PostgresRateLimitStore implements FastifyRateLimitStore {
    constructor(private readonly prefix = '') {}

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ) {
      const fullKey = `${this.prefix}${key}`;
      sql<{ hits: number; ttl: number }>`
        INSERT INTO rate_limit_counter AS c (key, window_started_at, hits) VALUES (${fullKey}, now(), 1)
        ON CONFLICT (key) DO UPDATE SET
          hits = CASE WHEN c.window_started_at + make_interval(secs => ${timeWindow / 1000}) <= now() THEN 1 ELSE c.hits + 1 END,
          window_started_at = CASE WHEN c.window_started_at + make_interval(secs => ${timeWindow / 1000}) <= now()
            THEN now() ELSE c.window_started_at END
        RETURNING hits::int AS hits,
          greatest(0, (extract(epoch FROM (window_started_at + make_interval(secs => ${timeWindow / 1000}) - now())) * 1000))::int AS ttl`
        .execute(db)
        .then(
          (result) => {
            const row = result.rows[0]!;
            callback(null, { current: Number(row.hits), ttl: Number(row.ttl) });
          },
          (error: Error) => callback(error),
        );
    }

    child(routeOptions: { path: string; prefix: string; method?: unknown }) {
      return new PostgresRateLimitStore(`${this.prefix}${String(routeOptions.method)}:${routeOptions.path}:`);
    }
  }
  return PostgresRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}
