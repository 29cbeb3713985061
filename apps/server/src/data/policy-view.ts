import { type OperationNode, type RawBuilder, sql } from 'kysely';
import { TABLE_COLUMNS, type TableName } from '../db/schema.js';
import type { Actor } from '../policy/actor.js';
import { policyOf } from '../policy/tables.js';
import { rowFilterToSql } from './row-filter-sql.js';

export interface PolicyView {
  /** `(SELECT … FROM table WHERE <read filter>)`, to stand where the table stood. */
  node: OperationNode;
  hasSubject: boolean;
  /** The columns whose value the actor sees only where a filter holds (NULL elsewhere). */
  maskedColumns: ReadonlySet<string>;
  columns: readonly unknown[];
  filter: RawBuilder<unknown>;
}

/** `table.column <operator> value`, a condition the outer query already sets on that column. */
export interface ImpliedCondition {
  column: string;
  operator: '=' | 'in';
  value: OperationNode;
}

const views = new WeakMap<Actor, Map<string, PolicyView>>();

/**
 * A table as one actor may see it: its rows filtered by the table's read policy, each column as
 * it is or — where the policy restricts the column — as NULL wherever the column's filter does
 * not hold, and, for client tables, a `__subject` column naming the person (for the audit).
 * PostgreSQL pulls such a subquery up into the outer query, so indexes serve it as they would
 * the table itself.
 */
export function policyView(actor: Actor, table: string): PolicyView {
  let cache = views.get(actor);
  if (!cache) {
    cache = new Map();
    views.set(actor, cache);
  }
  const cached = cache.get(table);
  if (cached) return cached;
  const policy = policyOf(table);
  if (!policy) throw new Error(`No policy for table ${table}: add it to policy/tables.ts`);
  const maskedColumns = new Set<string>();
  const columns: unknown[] = TABLE_COLUMNS[table as TableName].map((column) => {
    const fieldFilter = policy.fields?.[column];
    const ref = sql.ref(`${table}.${column}`);
    if (!fieldFilter) return ref;
    const filter = fieldFilter(actor);
    if (filter.kind === 'all') return ref;
    maskedColumns.add(column);
    return sql`CASE WHEN ${rowFilterToSql(filter, table)} THEN ${ref} END`.as(column);
  });
  if (policy.subject) columns.push(sql`${policy.subject(table)}`.as('__subject'));
  const filter = rowFilterToSql(policy.read(actor), table);
  const view: PolicyView = {
    node: sql`(SELECT ${sql.join(columns)} FROM ${sql.table(table)} WHERE ${filter})`.toOperationNode(),
    hasSubject: policy.subject !== undefined,
    maskedColumns,
    columns,
    filter,
  };
  cache.set(table, view);
  return view;
}

/**
 * The view with conditions the outer query sets on masked columns repeated inside it, on the
 * column itself. An index on the column cannot serve `CASE WHEN … THEN column END = $1`; it can
 * serve `column = $1`. Nothing the actor reads changes: the outer condition still applies to the
 * masked value, and a masked value equals something only where the column is visible and equal
 * to it, so the inner condition removes only rows the outer one removes anyway.
 */
export function policyViewWith(
  view: PolicyView,
  table: string,
  implied: readonly ImpliedCondition[],
): OperationNode {
  if (implied.length === 0) return view.node;
  const conditions = implied.map(({ column, operator, value }) => {
    const operand = { toOperationNode: () => value };
    return operator === '='
      ? sql`${sql.ref(`${table}.${column}`)} = ${operand}`
      : sql`${sql.ref(`${table}.${column}`)} IN ${operand}`;
  });
  return sql`(SELECT ${sql.join(view.columns)} FROM ${sql.table(table)} WHERE ${view.filter} AND ${sql.join(conditions, sql` AND `)})`.toOperationNode();
}
