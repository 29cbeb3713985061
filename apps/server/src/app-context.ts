import type { EscalationRules } from '@tandem/shared';
import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { Database } from './db/schema.js';
import type { Clock } from './domain/clock.js';
import type { ChangeFeed } from './live/change-feed.js';
import type { FieldCipher } from './security/field-encryption.js';
import type { AuthService } from './services/auth.service.js';

/** What routes are built with: configuration, the database and the long-lived services. */
export interface AppContext {
  readonly config: Config;
  readonly db: Kysely<Database>;
  /** Where dashboards and exports read: the replica (DATABASE_READ_URL), else `db` itself. */
  readonly readDb: Kysely<Database>;
  readonly cipher: FieldCipher;
  readonly clock: Clock;
  readonly auth: AuthService;
  /** The escalation triggers in force, validated at start (rules/escalation-rules.ts). */
  readonly escalationRules: EscalationRules;
  /** What committed commands wrote, heard from the database, for the live streams of this instance. */
  readonly changeFeed: ChangeFeed;
}
