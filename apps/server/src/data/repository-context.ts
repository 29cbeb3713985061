import type { Kysely } from 'kysely';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { Database } from '../db/schema.js';
import type { Actor } from '../policy/actor.js';

/** What every per-request repository holds: the open transaction, who is acting, and the audit. */
export interface RepositoryContext {
  readonly trx: Kysely<Database>;
  readonly actor: Actor;
  readonly audit: AuditRecorder;
}
