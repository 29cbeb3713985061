import type { EscalationRules } from '@tandem/shared';
import type { Kysely } from 'kysely';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../domain/clock.js';
import type { Actor } from '../policy/actor.js';
import type { FieldCipher } from '../security/field-encryption.js';
import { createRepositories, type Repositories } from './repositories/index.js';
import { ScopedDb } from './scoped-db.js';
import { type SystemReason, systemDb } from './system-db.js';

/** Settings the workflows need (from the configuration). */
export interface WorkflowSettings {
  /** Working days a partner-contact worker has to inform her. */
  dutyDueWorkingDays: number;
  /** The escalation triggers in force (rules/escalation-triggers.v1.json, or the installation's own). */
  escalationRules: EscalationRules;
}

export interface ScopeDependencies {
  cipher: FieldCipher;
  clock: Clock;
  settings: WorkflowSettings;
  /** The schema the live signals name (live/change-feed.ts); without it none are sent. */
  liveSchema?: string;
}

/**
 * Everything one signed-in user's command may use, bound to the actor and to the command's one
 * transaction. Services receive this and nothing else: the policy-bound repositories, the scoped
 * handle under them, and — for what a workflow sets off on rows its actor may not read — the
 * audited system door.
 */
export interface CommandScope {
  readonly actor: Actor;
  readonly db: ScopedDb;
  readonly repos: Repositories;
  readonly audit: AuditRecorder;
  readonly cipher: FieldCipher;
  readonly clock: Clock;
  readonly settings: WorkflowSettings;
  system(reason: SystemReason): Kysely<Database>;
}

export function createCommandScope(
  trx: Kysely<Database>,
  actor: Actor,
  audit: AuditRecorder,
  deps: ScopeDependencies,
): CommandScope {
  const db = new ScopedDb(trx, actor, audit);
  return {
    actor,
    db,
    repos: createRepositories(db, deps.cipher),
    audit,
    cipher: deps.cipher,
    clock: deps.clock,
    settings: deps.settings,
    system: (reason) => systemDb(trx, reason, audit),
  };
}
