import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { TABLE_COLUMNS } from '../db/schema.js';
import { generateSchemaSource } from '../db/schema-generator.js';
import { TABLE_POLICIES } from './tables.js';

/**
 * Every table the migrations create has a policy, and the code's picture of the schema is the
 * one the migrations produce. A table without a policy could be read past it; a stale
 * generated file would let a column escape the policy views.
 */

let handle: DatabaseHandle;
let tables: { table_name: string; column_name: string }[] = [];

beforeAll(async () => {
  handle = await openDatabase({});
  await migrate(handle);
  tables = (
    await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> 'schema_migration' ORDER BY table_name, ordinal_position`.execute(
      handle.db,
    )
  ).rows;
});
afterAll(() => handle?.close());

describe('the policy of every table', () => {
  it('covers every table of the migrated schema, and no table that does not exist', () => {
    const inSchema = [...new Set(tables.map((row) => row.table_name))].sort();
    expect(Object.keys(TABLE_POLICIES).sort()).toEqual(inSchema);
  });

  it('names the person each client row is about (the audit of every read depends on it)', () => {
    const withoutSubject = Object.entries(TABLE_POLICIES)
      .filter(([, policy]) => policy.holds === 'client' && policy.subject === undefined)
      .map(([table]) => table);
    expect(withoutSubject).toEqual([]);
  });

  it('restricts only columns that exist', () => {
    const unknown = Object.entries(TABLE_POLICIES).flatMap(([table, policy]) =>
      Object.keys(policy.fields ?? {})
        .filter((column) => !tables.some((row) => row.table_name === table && row.column_name === column))
        .map((column) => `${table}.${column}`),
    );
    expect(unknown).toEqual([]);
  });
});

describe('the generated database types', () => {
  it('list exactly the columns of the migrated schema', () => {
    const fromSchema = Object.fromEntries(
      [...new Set(tables.map((row) => row.table_name))].map((table) => [
        table,
        tables.filter((row) => row.table_name === table).map((row) => row.column_name),
      ]),
    );
    expect(TABLE_COLUMNS).toEqual(fromSchema);
  });

  it('are what `npm run db:types` writes from the migrations (regenerate after a migration)', async () => {
    const committed = readFileSync(
      path.join(path.dirname(fileURLToPath(import.meta.url)), '../db/schema.generated.ts'),
      'utf8',
    );
    expect(committed).toBe(await generateSchemaSource());
  }, 60_000);
});
