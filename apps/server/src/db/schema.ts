import type { Selectable } from 'kysely';
import type { Agency, AuditEvent, DB, Network } from './schema.generated.js';

/**
 * Kysely's view of the database, generated from the migrations (db/schema.generated.ts,
 * `npm run db:types`). Nothing here is written by hand but the names below.
 */
export type Database = DB;
export type TableName = keyof DB & string;
export type AuditEventRow = Selectable<AuditEvent>;
export type AgencyRow = Selectable<Agency>;
export type NetworkRow = Selectable<Network>;
export { TABLE_COLUMNS } from './schema.generated.js';
