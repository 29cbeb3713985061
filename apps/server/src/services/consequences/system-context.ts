import type { Kysely } from 'kysely';
import type { AuditRecorder } from '../../audit/audit-recorder.js';
import type { CommandScope } from '../../data/command-scope.js';
import type { SystemReason } from '../../data/system-db.js';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../domain/clock.js';

/**
 * What a consequence of a recorded fact runs with: the system door (for rows the person who
 * recorded the fact may not read — her duties, the grants, the meeting schedule), the audit of
 * the command or job it belongs to, and the clock. Called from services and from the
 * maintenance job alike.
 */
export interface SystemContext {
  readonly db: Kysely<Database>;
  readonly audit: AuditRecorder;
  readonly clock: Clock;
}

export const systemContextOf = (scope: CommandScope, reason: SystemReason): SystemContext => ({
  db: scope.system(reason),
  audit: scope.audit,
  clock: scope.clock,
});
