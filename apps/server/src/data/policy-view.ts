import { type OperationNode, sql } from 'kysely';
import { TABLE_COLUMNS, type TableName } from '../db/schema.js';
import type { Actor } from '../policy/actor.js';
import { policyOf } from '../policy/tables.js';
import { rowFilterToSql } from './row-filter-sql.js';

export interface PolicyView {
  /** `(SELECT … FROM table WHERE <read filter>)`, to stand where the table stood. */
  node: OperationNode;
  hasSubject: boolean;
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
  const columns: unknown[] = TABLE_COLUMNS[table as TableName].map((column) => {
    const fieldFilter = policy.fields?.[column];
    const ref = sql.ref(`${table}.${column}`);
    if (!fieldFilter) return ref;
    const filter = fieldFilter(actor);
    if (filter.kind === 'all') return ref;
    return sql`CASE WHEN ${rowFilterToSql(filter, table)} THEN ${ref} END`.as(column);
  });
  if (policy.subject) columns.push(sql`${policy.subject(table)}`.as('__subject'));
  const view: PolicyView = {
    node: sql`(SELECT ${sql.join(columns)} FROM ${sql.table(table)} WHERE ${rowFilterToSql(policy.read(actor), table)})`.toOperationNode(),
    hasSubject: policy.subject !== undefined,
  };
  cache.set(table, view);
  return view;
}
