import type { AuditActorInfo, AuditEntry, PendingAuditEvent } from './audit-trail.js';

/**
 * Collects the audit events of one command. The transaction runner appends them in the same
 * transaction as the command; if the command fails, the refusals and failures among them
 * are still appended (in a transaction of their own), and the successes — which did not
 * happen after all — are dropped.
 */
export class AuditRecorder {
  readonly #events: PendingAuditEvent[] = [];

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

  drainAll(): PendingAuditEvent[] {
    return this.#events.splice(0);
  }

  drainUnsuccessful(): PendingAuditEvent[] {
    return this.#events.splice(0).filter((event) => event.outcome !== 'success');
  }
}
