import type { Kysely } from 'kysely';
import { inAuditedTransaction } from '../data/transaction.js';
import type { Database } from '../db/schema.js';
import type { FieldCipher } from './field-encryption.js';

/** Every encrypted column: table, key column, encrypted column. */
const ENCRYPTED_COLUMNS = [
  ['app_user', 'id', 'totp_secret_enc'],
  ['app_user', 'id', 'totp_pending_secret_enc'],
  ['person', 'id', 'contact_enc'],
  ['contact_preference', 'person_id', 'details_enc'],
  ['disclosure', 'id', 'content_enc'],
  ['shared_item', 'id', 'content_enc'],
] as const;

/**
 * Re-encrypts, in one audited transaction, every value that was made with an older key.
 * Returns how many values of each column were rewritten.
 */
export async function reencryptAll(
  db: Kysely<Database>,
  cipher: FieldCipher,
): Promise<Record<string, number>> {
  return inAuditedTransaction(db, null, null, async (trx, audit) => {
    const counts: Record<string, number> = {};
    for (const [table, keyColumn, column] of ENCRYPTED_COLUMNS) {
      // biome-ignore lint/suspicious/noExplicitAny: the table list above is fixed; Kysely cannot type a union of them
      const dynamicTrx = trx as Kysely<any>;
      const rows: Array<Record<string, string | null>> = await dynamicTrx
        .selectFrom(table)
        .select([keyColumn, column])
        .where(column, 'is not', null)
        .execute();
      let rewritten = 0;
      for (const row of rows) {
        const value = row[column];
        if (!value || !cipher.needsRotation(value)) continue;
        await dynamicTrx
          .updateTable(table)
          .set({ [column]: cipher.encrypt(cipher.decrypt(value)) })
          .where(keyColumn, '=', row[keyColumn])
          .execute();
        rewritten += 1;
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
