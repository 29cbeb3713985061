import type { InformationKind, Side } from '@tandem/shared';

/**
 * A tiny language for "which rows may this actor see". Policies return a RowFilter; the data
 * layer compiles it into the WHERE clause of every query (data/row-filter-sql.ts), and the
 * policy table tests evaluate it in memory with `matchesRowFilter`. Deny is the default:
 * a policy that says nothing returns `noRows`.
 */
export type RowFilter =
  | { readonly kind: 'all' }
  | { readonly kind: 'none' }
  | { readonly kind: 'eq'; readonly column: string; readonly value: string | boolean | null }
  | { readonly kind: 'in'; readonly column: string; readonly values: readonly string[] }
  | { readonly kind: 'and'; readonly filters: readonly RowFilter[] }
  | { readonly kind: 'or'; readonly filters: readonly RowFilter[] }
  /** An access grant gives this agency and side this kind of information about the row's person. */
  | {
      readonly kind: 'granted';
      readonly subjectColumn: string;
      readonly infoKind: InformationKind;
      readonly agencyId: string;
      readonly side: Side;
    }
  /** The agency is a party to the agreement the row refers to. */
  | { readonly kind: 'agreementParty'; readonly agreementColumn: string; readonly agencyId: string };

/** Facts a filter may consult beyond the row itself, for evaluating filters in memory (tests). */
export interface FilterFacts {
  grants?: ReadonlyArray<{ subjectPersonId: string; agencyId: string; side: Side; kind: InformationKind }>;
  agreementParties?: ReadonlyArray<{ agreementId: string; agencyId: string }>;
}

export const granted = (
  subjectColumn: string,
  infoKind: InformationKind,
  actor: { agencyId: string | null; side: Side },
): RowFilter =>
  actor.agencyId === null
    ? noRows
    : { kind: 'granted', subjectColumn, infoKind, agencyId: actor.agencyId, side: actor.side };

export const allRows: RowFilter = { kind: 'all' };
export const noRows: RowFilter = { kind: 'none' };
export const columnEquals = (column: string, value: string | boolean | null): RowFilter => ({
  kind: 'eq',
  column,
  value,
});
export const columnIn = (column: string, values: readonly string[]): RowFilter =>
  values.length === 0 ? noRows : { kind: 'in', column, values };
export const allOf = (...filters: RowFilter[]): RowFilter => ({ kind: 'and', filters });
export const anyOf = (...filters: RowFilter[]): RowFilter => ({ kind: 'or', filters });

export function matchesRowFilter(
  filter: RowFilter,
  row: Readonly<Record<string, unknown>>,
  facts: FilterFacts = {},
): boolean {
  switch (filter.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'eq':
      return row[filter.column] === filter.value;
    case 'in':
      return filter.values.includes(row[filter.column] as string);
    case 'and':
      return filter.filters.every((inner) => matchesRowFilter(inner, row, facts));
    case 'or':
      return filter.filters.some((inner) => matchesRowFilter(inner, row, facts));
    case 'granted':
      return (facts.grants ?? []).some(
        (grant) =>
          grant.subjectPersonId === row[filter.subjectColumn] &&
          grant.agencyId === filter.agencyId &&
          grant.side === filter.side &&
          grant.kind === filter.infoKind,
      );
    case 'agreementParty':
      return (facts.agreementParties ?? []).some(
        (party) => party.agreementId === row[filter.agreementColumn] && party.agencyId === filter.agencyId,
      );
  }
}
