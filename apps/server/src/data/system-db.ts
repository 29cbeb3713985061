import type { Kysely } from 'kysely';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { Database } from '../db/schema.js';

/**
 * Why code may go past the policy. The list is closed on purpose: a new reason is a design
 * decision, reviewed like a policy change.
 */
export type SystemReason =
  /** Sessions, credentials, second factors: the sign-in itself (http/authentication.ts, AuthStore). */
  | 'authentication'
  /** Appending and verifying the hash-chained audit trail. */
  | 'audit_trail'
  /** Rewriting access grants from the facts of an episode (policy/case-access.policy.ts). */
  | 'grant_computation'
  /** What a recorded fact sets off on rows its recorder may not read: due flags, duties, meetings. */
  | 'workflow_consequence'
  /** The maintenance job: idle sessions, rate-limit windows, meeting schedules. */
  | 'maintenance_job'
  /** Rate-limit counters shared by all instances. */
  | 'rate_limit'
  /** Loading instrument definitions at start. */
  | 'instrument_registry'
  /** Creating the demo network on first start. */
  | 'demo_seed'
  /** Operator commands: key rotation, audit verification, backup, first administrator, benchmark. */
  | 'operator_command'
  /**
   * Counts over a network's cases for its coordinator and analysts, who read no case: only counts
   * leave the service, small ones suppressed (services/instruments/risk-divergence.service.ts).
   */
  | 'network_statistics';

/**
 * The one door past the policy: raw database access for a named reason. Inside a command it is
 * audited (who, why); outside one (jobs, start-up, operator commands) the reason is still named
 * in the code, so every raw query can be found by `systemDb(`.
 */
export function systemDb(
  db: Kysely<Database>,
  reason: SystemReason,
  audit?: AuditRecorder,
): Kysely<Database> {
  audit?.record({ action: 'system.access', outcome: 'success', details: { reason } });
  return db;
}
