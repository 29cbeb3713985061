import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { RowFilter } from '../policy/row-filter.js';

/**
 * Compiles a policy RowFilter into a WHERE expression. Column names come from policy files
 * (never from input) and are still checked, so a typo fails loudly instead of leaking.
 */
/** Any table's expression builder: the filter applies to whichever table the repository queries. */
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyExpressionBuilder = ExpressionBuilder<any, any>;

export function rowFilterToSql(
  eb: AnyExpressionBuilder,
  filter: RowFilter,
  table?: string,
): Expression<SqlBool> {
  const ref = (column: string) => {
    if (!/^([a-z_][a-z0-9_]*\.)?[a-z_][a-z0-9_]*$/.test(column))
      throw new Error(`Invalid policy column ${column}`);
    return sql.ref(table && !column.includes('.') ? `${table}.${column}` : column);
  };
  switch (filter.kind) {
    case 'all':
      return sql<SqlBool>`true`;
    case 'none':
      return sql<SqlBool>`false`;
    case 'eq':
      return filter.value === null
        ? sql<SqlBool>`${ref(filter.column)} IS NULL`
        : sql<SqlBool>`${ref(filter.column)} = ${filter.value}`;
    case 'in':
      return filter.values.length === 0
        ? sql<SqlBool>`false`
        : sql<SqlBool>`${ref(filter.column)} IN (${sql.join(filter.values)})`;
    case 'and':
      return eb.and(filter.filters.map((inner) => rowFilterToSql(eb, inner, table)));
    case 'or':
      return eb.or(filter.filters.map((inner) => rowFilterToSql(eb, inner, table)));
    case 'granted':
      return sql<SqlBool>`EXISTS (SELECT 1 FROM access_grant g WHERE g.agency_id = ${filter.agencyId}
        AND g.side = ${filter.side} AND g.subject_person_id = ${ref(filter.subjectColumn)} AND g.kind = ${filter.infoKind})`;
    case 'agreementParty':
      return sql<SqlBool>`EXISTS (SELECT 1 FROM agreement_party ap WHERE ap.agreement_id = ${ref(filter.agreementColumn)}
        AND ap.agency_id = ${filter.agencyId})`;
  }
}
