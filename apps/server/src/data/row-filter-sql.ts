import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { RowFilter } from '../policy/row-filter.js';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function identifier(name: string): string {
  // Names come from policy files, never from input; they are still checked so a typo fails loudly.
  if (!IDENTIFIER.test(name)) throw new Error(`Invalid identifier in a policy filter: ${name}`);
  return name;
}

/**
 * The SQL interpreter of the policy language: a boolean expression over the row of `table`
 * (the table's name or alias in the query). It must agree with `matchesRowFilter` on every
 * filter and row; row-filter-parity.test.ts checks that on the real database.
 */
export function rowFilterToSql(filter: RowFilter, table: string, depth = 0): RawBuilder<SqlBool> {
  const column = (name: string) => sql.ref(`${identifier(table)}.${identifier(name)}`);
  switch (filter.kind) {
    case 'all':
      return sql<SqlBool>`true`;
    case 'none':
      return sql<SqlBool>`false`;
    case 'eq':
      return filter.value === null
        ? sql<SqlBool>`(${column(filter.column)} IS NULL)`
        : sql<SqlBool>`(${column(filter.column)} = ${filter.value})`;
    case 'in':
      return filter.values.length === 0
        ? sql<SqlBool>`false`
        : sql<SqlBool>`(${column(filter.column)} IN (${sql.join(filter.values)}))`;
    case 'and':
      return filter.filters.length === 0
        ? sql<SqlBool>`true`
        : sql<SqlBool>`(${sql.join(
            filter.filters.map((inner) => rowFilterToSql(inner, table, depth)),
            sql` AND `,
          )})`;
    case 'or':
      return filter.filters.length === 0
        ? sql<SqlBool>`false`
        : sql<SqlBool>`(${sql.join(
            filter.filters.map((inner) => rowFilterToSql(inner, table, depth)),
            sql` OR `,
          )})`;
    case 'granted': {
      const alias = `g${depth}`;
      const g = sql.raw(alias);
      const kind =
        typeof filter.infoKind === 'string' ? sql`${filter.infoKind}` : column(filter.infoKind.column);
      const inForce = rowFilterToSql(
        { kind: 'validOn', fromColumn: 'valid_from', toColumn: 'valid_to', today: filter.today },
        alias,
        depth + 1,
      );
      return sql<SqlBool>`EXISTS (SELECT 1 FROM access_grant ${g} WHERE ${g}.agency_id = ${filter.agencyId}
        AND ${g}.side = ${filter.side} AND ${g}.subject_person_id = ${column(filter.subjectColumn)}
        AND ${g}.kind = ${kind} AND ${inForce})`;
    }
    case 'validOn':
      return sql<SqlBool>`((${column(filter.fromColumn)} IS NULL OR ${column(filter.fromColumn)} <= ${filter.today}::date)
        AND (${column(filter.toColumn)} IS NULL OR ${column(filter.toColumn)} >= ${filter.today}::date))`;
    case 'agreementParty': {
      const p = sql.raw(`ap${depth}`);
      return sql<SqlBool>`EXISTS (SELECT 1 FROM agreement_party ${p}
        WHERE ${p}.agreement_id = ${column(filter.agreementColumn)} AND ${p}.agency_id = ${filter.agencyId})`;
    }
    case 'agreementInForce': {
      const alias = `ag${depth}`;
      const inForce = rowFilterToSql(
        { kind: 'validOn', fromColumn: 'valid_from', toColumn: 'valid_to', today: filter.today },
        alias,
        depth + 1,
      );
      return sql<SqlBool>`EXISTS (SELECT 1 FROM agreement ${sql.raw(alias)} WHERE ${sql.ref(`${alias}.id`)} = ${column(filter.agreementColumn)}
        AND ${inForce})`;
    }
    case 'consentInForce': {
      const c = sql.raw(`c${depth}`);
      return sql<SqlBool>`EXISTS (SELECT 1 FROM consent ${c} WHERE ${c}.id = ${column(filter.consentColumn)}
        AND ${c}.revoked_on IS NULL AND ${c}.given_on <= ${filter.today}::date)`;
    }
    case 'related': {
      const alias = `r${depth}`;
      return sql<SqlBool>`EXISTS (SELECT 1 FROM ${sql.raw(identifier(filter.table))} ${sql.raw(alias)}
        WHERE ${sql.ref(`${alias}.${identifier(filter.key)}`)} = ${column(filter.column)}
        AND ${rowFilterToSql(filter.filter, alias, depth + 1)})`;
    }
  }
}

/** Every table a filter reads besides the row's own (for the transformer's raw-SQL guard). */
export function tablesReadBy(filter: RowFilter): string[] {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return filter.filters.flatMap(tablesReadBy);
    case 'granted':
      return ['access_grant'];
    case 'agreementParty':
      return ['agreement_party'];
    case 'agreementInForce':
      return ['agreement'];
    case 'consentInForce':
      return ['consent'];
    case 'related':
      return [filter.table, ...tablesReadBy(filter.filter)];
    default:
      return [];
  }
}
