import type { RawBuilder } from 'kysely';
import type { Actor } from './actor.js';
import type { RowFilter } from './row-filter.js';

/**
 * What the policy says about one table. The scoped data handle (data/scoped-db.ts) applies it to
 * every query that touches the table — in FROM, in a JOIN or in a subquery — so no repository
 * can read or write a row, or a column, that the policy does not allow.
 */
export interface TablePolicy {
  /**
   * What the table holds: `client` rows are person-level data about a client (him, her, a
   * child), audited against that person on every read and write; `staff` and `organisation`
   * rows are about the service; `system` rows are reached only through the system handle.
   */
  readonly holds: 'client' | 'staff' | 'organisation' | 'system';
  /**
   * The person a row is about, as SQL over the row's table (for the audit of reads and writes).
   * Required for `client` tables.
   */
  readonly subject?: (table: string) => RawBuilder<string | null>;
  /** The rows the actor may read. */
  read(actor: Actor): RowFilter;
  /** Columns shown only where their filter holds; elsewhere they read as NULL. */
  readonly fields?: Readonly<Record<string, (actor: Actor) => RowFilter>>;
  /**
   * The rows the actor may insert, update or delete: an update must pass it before and after,
   * so a row cannot be moved out of the actor's reach either.
   */
  write(actor: Actor): RowFilter;
}
