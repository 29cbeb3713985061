import type { InformationKind, Side } from '@tandem/shared';
import { consentInForce as consentRule } from '../domain/consent.js';

/**
 * A small language for "which rows may this actor see or write". Policies return a RowFilter;
 * the scoped data handle compiles it into SQL for every query of the table
 * (data/row-filter-sql.ts), and the policy table tests evaluate it in memory with
 * `matchesRowFilter`. A property-based test (row-filter-parity.test.ts) proves that both
 * interpreters give the same answer. Deny is the default: a policy that says nothing returns
 * `noRows`.
 *
 * Column names are relative to the row's table ("owner_agency_id"), never qualified: the
 * compiler qualifies them with whatever name the table has in the query.
 */
export type RowFilter =
  | { readonly kind: 'all' }
  | { readonly kind: 'none' }
  | { readonly kind: 'eq'; readonly column: string; readonly value: string | boolean | null }
  | { readonly kind: 'in'; readonly column: string; readonly values: readonly string[] }
  | { readonly kind: 'and'; readonly filters: readonly RowFilter[] }
  | { readonly kind: 'or'; readonly filters: readonly RowFilter[] }
  /**
   * An access grant in force today gives this agency and side this kind of information about
   * the person the row names. The kind is fixed, or read from a column of the row.
   */
  | {
      readonly kind: 'granted';
      readonly subjectColumn: string;
      readonly infoKind: InformationKind | { readonly column: string };
      readonly agencyId: string;
      readonly side: Side;
      readonly today: string;
    }
  /** The agency is a party to the agreement the row refers to. */
  | { readonly kind: 'agreementParty'; readonly agreementColumn: string; readonly agencyId: string }
  /** The agreement the row refers to is in force today. */
  | { readonly kind: 'agreementInForce'; readonly agreementColumn: string; readonly today: string }
  /** The consent the row refers to is in force today: given on or before today, not revoked. */
  | { readonly kind: 'consentInForce'; readonly consentColumn: string; readonly today: string }
  /** The row's own validity (from..to, inclusive, NULL = open) covers today. */
  | {
      readonly kind: 'validOn';
      readonly fromColumn: string;
      readonly toColumn: string;
      readonly today: string;
    }
  /** The row the column points to (in another table) passes the inner filter. */
  | {
      readonly kind: 'related';
      readonly column: string;
      readonly table: string;
      readonly key: string;
      readonly filter: RowFilter;
    };

export interface GrantFact {
  subjectPersonId: string;
  agencyId: string;
  side: Side;
  kind: InformationKind;
  validFrom: string | null;
  validTo: string | null;
}

/** Facts a filter may consult beyond the row itself, for evaluating filters in memory (tests). */
export interface FilterFacts {
  grants?: readonly GrantFact[];
  agreementParties?: ReadonlyArray<{ agreementId: string; agencyId: string }>;
  agreements?: ReadonlyArray<{ id: string; validFrom: string; validTo: string | null }>;
  consents?: ReadonlyArray<{ id: string; givenOn: string; revokedOn: string | null }>;
  /** Rows of other tables, for `related`. */
  rows?: Readonly<Record<string, ReadonlyArray<Readonly<Record<string, unknown>>>>>;
}

export const allRows: RowFilter = { kind: 'all' };
export const noRows: RowFilter = { kind: 'none' };

export const columnEquals = (column: string, value: string | boolean | null): RowFilter => ({
  kind: 'eq',
  column,
  value,
});
export const columnIn = (column: string, values: readonly string[]): RowFilter =>
  values.length === 0 ? noRows : { kind: 'in', column, values };

/** `and` of the filters, simplified: a `none` makes it `none`, `all`s drop out. */
export function allOf(...filters: RowFilter[]): RowFilter {
  if (filters.some((filter) => filter.kind === 'none')) return noRows;
  const kept = filters.filter((filter) => filter.kind !== 'all');
  if (kept.length === 0) return allRows;
  return kept.length === 1 ? kept[0]! : { kind: 'and', filters: kept };
}

/** `or` of the filters, simplified: an `all` makes it `all`, `none`s drop out. */
export function anyOf(...filters: RowFilter[]): RowFilter {
  if (filters.some((filter) => filter.kind === 'all')) return allRows;
  const kept = filters.filter((filter) => filter.kind !== 'none');
  if (kept.length === 0) return noRows;
  return kept.length === 1 ? kept[0]! : { kind: 'or', filters: kept };
}

/** The column names the actor's agency (never matches for an actor without one). */
export const ofActorAgency = (column: string, actor: { agencyId: string | null }): RowFilter =>
  actor.agencyId === null ? noRows : columnEquals(column, actor.agencyId);

export const when = (condition: boolean, filter: RowFilter): RowFilter => (condition ? filter : noRows);

/** A grant in force today to the actor's agency and side (none for an actor without an agency). */
export const granted = (
  subjectColumn: string,
  infoKind: InformationKind | { column: string },
  actor: { agencyId: string | null; side: Side; today: string },
): RowFilter =>
  actor.agencyId === null
    ? noRows
    : {
        kind: 'granted',
        subjectColumn,
        infoKind,
        agencyId: actor.agencyId,
        side: actor.side,
        today: actor.today,
      };

export const related = (column: string, table: string, filter: RowFilter, key = 'id'): RowFilter =>
  filter.kind === 'none' ? noRows : { kind: 'related', column, table, key, filter };

export const agreementParty = (agreementColumn: string, agencyId: string | null): RowFilter =>
  agencyId === null ? noRows : { kind: 'agreementParty', agreementColumn, agencyId };

export const agreementInForce = (agreementColumn: string, today: string): RowFilter => ({
  kind: 'agreementInForce',
  agreementColumn,
  today,
});

export const consentInForce = (consentColumn: string, today: string): RowFilter => ({
  kind: 'consentInForce',
  consentColumn,
  today,
});

export const validOn = (fromColumn: string, toColumn: string, today: string): RowFilter => ({
  kind: 'validOn',
  fromColumn,
  toColumn,
  today,
});

/** The one rule of time for anything with a validity: from..to, both inclusive, null = open. */
export const inForceOn = (today: string, validFrom: string | null, validTo: string | null): boolean =>
  (validFrom === null || validFrom <= today) && (validTo === null || validTo >= today);

/** The memory interpreter: the same answers as the SQL one, row by row. */
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
      return filter.value === null ? row[filter.column] == null : row[filter.column] === filter.value;
    case 'in':
      return filter.values.includes(row[filter.column] as string);
    case 'and':
      return filter.filters.every((inner) => matchesRowFilter(inner, row, facts));
    case 'or':
      return filter.filters.some((inner) => matchesRowFilter(inner, row, facts));
    case 'granted': {
      const kind =
        typeof filter.infoKind === 'string' ? filter.infoKind : (row[filter.infoKind.column] as string);
      return (facts.grants ?? []).some(
        (grant) =>
          grant.subjectPersonId === row[filter.subjectColumn] &&
          grant.agencyId === filter.agencyId &&
          grant.side === filter.side &&
          grant.kind === kind &&
          inForceOn(filter.today, grant.validFrom, grant.validTo),
      );
    }
    case 'agreementParty':
      return (facts.agreementParties ?? []).some(
        (party) => party.agreementId === row[filter.agreementColumn] && party.agencyId === filter.agencyId,
      );
    case 'agreementInForce':
      return (facts.agreements ?? []).some(
        (agreement) =>
          agreement.id === row[filter.agreementColumn] &&
          inForceOn(filter.today, agreement.validFrom, agreement.validTo),
      );
    case 'consentInForce':
      return (facts.consents ?? []).some(
        (consent) => consent.id === row[filter.consentColumn] && consentRule(consent, filter.today),
      );
    case 'validOn':
      return inForceOn(
        filter.today,
        (row[filter.fromColumn] as string | null | undefined) ?? null,
        (row[filter.toColumn] as string | null | undefined) ?? null,
      );
    case 'related': {
      const target = row[filter.column];
      if (target == null) return false;
      return (facts.rows?.[filter.table] ?? []).some(
        (other) => other[filter.key] === target && matchesRowFilter(filter.filter, other, facts),
      );
    }
  }
}
