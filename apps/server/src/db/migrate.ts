import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseHandle } from './database.js';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Any constant; serialises migrations when several instances start at once. */
const MIGRATION_LOCK_KEY = 7_310_001;

/**
 * Applies the SQL files in db/migrations in name order, each once, each in its own
 * transaction. Plain SQL keeps the schema readable by a DBA and identical on both engines.
 */
export async function migrate(handle: DatabaseHandle): Promise<string[]> {
  await handle.execScript(`CREATE TABLE IF NOT EXISTS schema_migration (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((name) => name.endsWith('.sql'))
    .sort();
  const applied: string[] = [];
  for (const file of files) {
    const script = readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8');
    const name = file.replace(/\.sql$/, '');
    const escaped = name.replaceAll("'", "''");
    // The lock is taken inside the transaction, so it is released at COMMIT; the
    // existence check after it makes a concurrent second instance skip the file.
    await handle
      .execScript(`BEGIN;
      SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY});
      DO $migration$ BEGIN
        IF EXISTS (SELECT 1 FROM schema_migration WHERE name = '${escaped}') THEN
          RAISE EXCEPTION 'tandem:already-applied';
        END IF;
      END $migration$;
      ${script}
      INSERT INTO schema_migration (name) VALUES ('${escaped}');
      COMMIT;`)
      .then(
        () => applied.push(name),
        async (error: unknown) => {
          await handle.execScript('ROLLBACK').catch(() => undefined);
          if (!String((error as Error).message).includes('tandem:already-applied')) {
            throw new Error(`Migration ${file} failed: ${(error as Error).message}`);
          }
        },
      );
  }
  return applied;
}
