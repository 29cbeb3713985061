import type { AuditActorInfo, AuditEntry, PendingAuditEvent } from './audit-trail.js';

/**
 * Collects the audit events of one command. The transaction runner appends them in the same
 * transaction as the command; if the command fails, the refusals and failures among them
 * are still appended (in a transaction of their own), and the successes — which did not
 * happen after all — are dropped.
 */
export class AuditRecorder {
  readonly #events: PendingAuditEvent[] = [];
  /** Person-level reads of this command, folded per person: who was read, in which tables. */
  readonly #reads = new Map<string, Set<string>>();
  /** Person-level tables read without a person to name (aggregates). */
  readonly #aggregateReads = new Set<string>();

  constructor(
    private actor: AuditActorInfo | null,
    private readonly requestId: string | null,
  ) {}

  /** Sign-in learns who the actor is part-way through the command. */
  identify(actor: AuditActorInfo): void {
    this.actor = actor;
  }

  record(entry: AuditEntry): void {
    this.#events.push({ ...entry, occurredAt: new Date(), actor: this.actor, requestId: this.requestId });
  }

  /** The scoped data handle reports every read of person-level tables here (data/policy-transformer.ts). */
  recordRead(tables: readonly string[], subjectPersonIds: readonly string[]): void {
    if (subjectPersonIds.length === 0) {
      for (const table of tables) this.#aggregateReads.add(table);
      return;
    }
    for (const subject of subjectPersonIds) {
      const seen = this.#reads.get(subject) ?? new Set<string>();
      for (const table of tables) seen.add(table);
      this.#reads.set(subject, seen);
    }
  }

  drainAll(): PendingAuditEvent[] {
    const occurredAt = new Date();
    const reads: PendingAuditEvent[] = [...this.#reads].map(([subject, tables]) => ({
      action: 'data.read',
      outcome: 'success',
      resourceType: 'person',
      resourceId: subject,
      subjectPersonId: subject,
      details: { tables: [...tables].sort() },
      occurredAt,
      actor: this.actor,
      requestId: this.requestId,
    }));
    if (this.#aggregateReads.size > 0) {
      reads.push({
        action: 'data.read_aggregate',
        outcome: 'success',
        details: { tables: [...this.#aggregateReads].sort() },
        occurredAt,
        actor: this.actor,
        requestId: this.requestId,
      });
    }
    this.#reads.clear();
    this.#aggregateReads.clear();
    return [...this.#events.splice(0), ...reads];
  }

  /** A failed command: its refusals and failures stand, and so do the reads it made before failing. */
  drainUnsuccessful(): PendingAuditEvent[] {
    const refusals = this.#events.splice(0).filter((event) => event.outcome !== 'success');
    return [...refusals, ...this.drainAll()];
  }
}
