import type { Kysely } from 'kysely';
import { systemDb } from '../data/system-db.js';
import { inAuditedTransaction } from '../data/transaction.js';
import { type Database, TABLE_COLUMNS, type TableName } from '../db/schema.js';
import type { FieldCipher } from './field-encryption.js';

/**
 * Every encrypted column of the schema: by convention its name ends in `_enc` (the migrations
 * keep to it), so a column added by a later migration is rotated without being listed here.
 */
export const ENCRYPTED_COLUMNS: ReadonlyArray<readonly [table: TableName, column: string]> = (
  Object.entries(TABLE_COLUMNS) as Array<[TableName, readonly string[]]>
).flatMap(([table, columns]) =>
  columns.filter((column) => column.endsWith('_enc')).map((column) => [table, column] as const),
);

/**
 * Re-encrypts, in one audited transaction, every value that was made with an older key. An
 * operator command, so it works through the system door. Each value is rewritten where it
 * stands (a ciphertext is unique: its IV is random), which needs no knowledge of the table's key.
 * Returns how many values of each column were rewritten.
 */
export async function reencryptAll(
  db: Kysely<Database>,
  cipher: FieldCipher,
): Promise<Record<string, number>> {
  return inAuditedTransaction(db, null, null, async (trx, audit) => {
    // biome-ignore lint/suspicious/noExplicitAny: tables and columns are chosen at run time from the generated schema
    const system = systemDb(trx, 'operator_command', audit) as Kysely<any>;
    const counts: Record<string, number> = {};
    for (const [table, column] of ENCRYPTED_COLUMNS) {
      const rows: Array<Record<string, string>> = await system
        .selectFrom(table)
        .select(column)
        .distinct()
        .where(column, 'is not', null)
        .execute();
      let rewritten = 0;
      for (const row of rows) {
        const value = row[column]!;
        if (!cipher.needsRotation(value)) continue;
        const result = await system
          .updateTable(table)
          .set({ [column]: cipher.encrypt(cipher.decrypt(value)) })
          .where(column, '=', value)
          .executeTakeFirst();
        rewritten += Number(result.numUpdatedRows);
      }
      counts[`${table}.${column}`] = rewritten;
    }
    audit.record({
      action: 'keys.rotate',
      outcome: 'success',
      details: { keyId: cipher.currentKeyId, counts },
    });
    return counts;
  });
}
