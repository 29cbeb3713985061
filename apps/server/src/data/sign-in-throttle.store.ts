import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { sha256Hex } from '../security/tokens.js';

const emailPart = (email: string) => `signin:pair:${sha256Hex(email.trim().toLowerCase())}:`;

/** The two keys a sign-in from an address is counted under: this e-mail from there, and there. */
export const throttleKeys = (email: string, address: string) => ({
  pair: `${emailPart(email)}${sha256Hex(address)}`,
  address: `signin:addr:${sha256Hex(address)}`,
});

/**
 * Sign-in throttling (OWASP): failures counted per key — one e-mail from one address, and one
 * address — in a table of their own (durable, unlike the request counters), so every instance sees them. The key is a hash:
 * no address or e-mail is stored in clear. The maintenance job sweeps keys quiet for an hour.
 * Opened, like the auth store, through the system door for 'authentication'.
 */
export class SignInThrottleStore {
  constructor(private readonly db: Kysely<Database>) {}

  async throttleOf(
    keys: readonly string[],
  ): Promise<Array<{ key: string; failures: number; lastFailureAt: Date }>> {
    if (keys.length === 0) return [];
    const rows = await this.db
      .selectFrom('sign_in_throttle')
      .select(['key', 'hits', 'window_started_at'])
      .where('key', 'in', keys)
      .execute();
    return rows.map((row) => ({
      key: row.key,
      failures: row.hits,
      lastFailureAt: new Date(row.window_started_at),
    }));
  }

  async countThrottledFailure(keys: readonly string[], at: Date): Promise<void> {
    for (const key of keys) {
      await this.db
        .insertInto('sign_in_throttle')
        .values({ key, window_started_at: at, hits: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({
            hits: eb('sign_in_throttle.hits', '+', 1),
            window_started_at: at,
          })),
        )
        .execute();
    }
  }

  async clearThrottle(keys: readonly string[]): Promise<void> {
    if (keys.length > 0) await this.db.deleteFrom('sign_in_throttle').where('key', 'in', keys).execute();
  }

  /** An administrator unlocked the account: the delays of its e-mail end, from every address. */
  async clearForEmail(email: string): Promise<void> {
    await this.db
      .deleteFrom('sign_in_throttle')
      .where('key', 'like', `${emailPart(email)}%`)
      .execute();
  }
}
