import {
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type OperationNodeSource,
  type Selectable,
  type SqlBool,
  sql,
  type Updateable,
} from 'kysely';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { Database, TableName } from '../db/schema.js';
import { notFound } from '../domain/errors.js';
import { type LiveSignal, liveSignalOf } from '../live/live-tables.js';
import type { Actor } from '../policy/actor.js';
import type { TablePolicy } from '../policy/table-policy.js';
import { policyOf } from '../policy/tables.js';
import { PolicyPlugin } from './policy-transformer.js';
import { rowFilterToSql } from './row-filter-sql.js';

/** What a write records in the audit trail besides the row, its person and the actor. */
export interface WriteAudit {
  action: string;
  details?: Record<string, unknown>;
  /** For a share: the agreement and consent it rests on. */
  basis?: Record<string, unknown>;
}

type Where<T extends TableName> = (eb: ExpressionBuilder<Database, T>) => Expression<SqlBool>;
/** A written row as its writer may see it (columns the policy restricts are left out). */
export type Written<T extends TableName> = Partial<Selectable<Database[T]>> & { id?: string };

/** A write the policy refused: the command cannot commit once this has happened. */
export class PolicyViolation extends Error {
  constructor(readonly table: string) {
    super(`The write policy of ${table} refused this write`);
    this.name = 'PolicyViolation';
  }
}

/**
 * The only handle repositories get to the database (docs/architecture.md). It knows the actor:
 *
 * - `query` is a Kysely instance through which every table, wherever it appears in a query, is
 *   read as its policy allows — rows filtered, restricted columns NULL — and every read of
 *   person-level data is audited against the person (data/policy-transformer.ts);
 * - `insert`, `update` and `delete` pass each written row through the table's write policy in
 *   the same statement (an update before and after), audit it, and refuse the whole command if
 *   any row fails;
 * - `refuse` records a refusal and gives the one answer for "not found" and "not yours".
 *
 * There is no way to a raw transaction from here; the system handle (data/system-db.ts) is a
 * separate, audited door for jobs, the seed and the grant computation.
 */
export class ScopedDb {
  readonly query: Kysely<Database>;
  #violation: PolicyViolation | null = null;
  /** What the command wrote that open pages should hear of, once it commits (live/live-tables.ts). */
  readonly liveSignals: LiveSignal[] = [];

  constructor(
    private readonly trx: Kysely<Database>,
    readonly actor: Actor,
    readonly audit: AuditRecorder,
  ) {
    this.query = trx.withPlugin(
      new PolicyPlugin(actor, { onRead: (tables, subjects) => audit.recordRead(tables, subjects) }),
    );
  }

  async insert<T extends TableName>(
    table: T,
    rows: Insertable<Database[T]> | readonly Insertable<Database[T]>[],
    audit: WriteAudit,
  ): Promise<Written<T>[]> {
    const values = (Array.isArray(rows) ? rows : [rows]) as Insertable<Database[T]>[];
    if (values.length === 0) return [];
    const policy = this.policy(table);
    const statement = this.untyped().insertInto(table).values(values).returningAll();
    return this.checked(table, policy, statement, audit);
  }

  async insertOne<T extends TableName>(
    table: T,
    row: Insertable<Database[T]>,
    audit: WriteAudit,
  ): Promise<Written<T> & { id: string }> {
    const [written] = await this.insert(table, row, audit);
    return written as Written<T> & { id: string };
  }

  /** Updates the rows matching `where` that the actor may write; the rows written come back. */
  async update<T extends TableName>(
    table: T,
    where: Where<T>,
    set: Updateable<Database[T]>,
    audit: WriteAudit,
  ): Promise<Written<T>[]> {
    if (Object.keys(set).length === 0)
      throw new Error(`Empty update of ${table}: validate the request first`);
    const policy = this.policy(table);
    const statement = this.untyped()
      .updateTable(table)
      .set(set)
      .where((eb: ExpressionBuilder<Database, T>) =>
        eb.and([where(eb), rowFilterToSql(policy.write(this.actor), table)]),
      )
      .returningAll();
    return this.checked(table, policy, statement, audit);
  }

  async delete<T extends TableName>(table: T, where: Where<T>, audit: WriteAudit): Promise<Written<T>[]> {
    const policy = this.policy(table);
    const statement = this.untyped()
      .deleteFrom(table)
      .where((eb: ExpressionBuilder<Database, T>) =>
        eb.and([where(eb), rowFilterToSql(policy.write(this.actor), table)]),
      )
      .returningAll();
    return this.checked(table, policy, statement, audit);
  }

  /** Records a refusal and returns the one answer for "not found" and "not yours" (throw it). */
  refuse(action: string, resourceType: string, resourceId?: string, details?: Record<string, unknown>) {
    this.audit.record({
      action,
      outcome: 'denied',
      resourceType,
      ...(resourceId !== undefined && { resourceId }),
      ...(details && { details }),
    });
    return notFound();
  }

  /** The transaction runner calls this before COMMIT: a refused write fails the command. */
  assertNoViolation(): void {
    if (this.#violation) throw this.#violation;
  }

  /** The statements are built for a table chosen at run time; the public methods carry the types. */
  // biome-ignore lint/suspicious/noExplicitAny: see above
  private untyped(): any {
    return this.trx;
  }

  private policy(table: string): TablePolicy {
    const policy = policyOf(table);
    if (!policy) throw new Error(`No policy for table ${table}: add it to policy/tables.ts`);
    return policy;
  }

  /**
   * Runs the write as `WITH w AS (<write> RETURNING *) SELECT w.*, <write policy over w>, <subject>`:
   * the rows as written are judged by the same filter in the same statement.
   */
  private async checked<T extends TableName>(
    table: T,
    policy: TablePolicy,
    statement: OperationNodeSource,
    audit: WriteAudit,
  ): Promise<Written<T>[]> {
    const allowed = rowFilterToSql(policy.write(this.actor), 'w');
    const subject = policy.subject ? policy.subject('w') : sql`NULL`;
    const result = await sql<Record<string, unknown> & { __allowed: boolean; __subject: string | null }>`
      WITH w AS (${statement}) SELECT w.*, ${allowed} AS __allowed, ${subject} AS __subject FROM w`.execute(
      this.trx,
    );
    const refused = result.rows.filter((row) => row.__allowed !== true);
    if (refused.length > 0) {
      this.#violation = new PolicyViolation(table);
      for (const row of refused) {
        this.audit.record({
          action: audit.action,
          outcome: 'denied',
          resourceType: table,
          ...(typeof row.id === 'string' && { resourceId: row.id }),
          details: { reason: 'write_policy' },
        });
      }
      throw notFound();
    }
    const hidden = new Set(Object.keys(policy.fields ?? {}));
    return result.rows.map((row) => {
      this.audit.record({
        action: audit.action,
        outcome: 'success',
        resourceType: table,
        ...(typeof row.id === 'string' && { resourceId: row.id }),
        ...(row.__subject && { subjectPersonId: row.__subject }),
        ...(audit.basis && { basis: audit.basis }),
        ...(audit.details && { details: audit.details }),
      });
      const signal = liveSignalOf(table, row);
      if (signal) this.liveSignals.push(signal);
      const visible: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(row)) {
        if (!key.startsWith('__') && !hidden.has(key)) visible[key] = value;
      }
      return visible as Written<T>;
    });
  }
}
