import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { loadFieldCipher } from '../security/field-encryption.js';
import { reencryptAll } from '../security/key-rotation.js';

/**
 * `npm run keys:rotate`: re-encrypts every encrypted field with the first key of
 * FIELD_ENCRYPTION_KEYS. Put the new key first and keep the old ones listed until this has run.
 * (reencryptAll opens the system door for the operator command and audits the rotation.)
 */
const config = loadConfig();
const database = await openDatabase({
  url: config.DATABASE_URL,
  dataDir: config.dataDir,
  schema: config.DATABASE_SCHEMA,
});
try {
  const cipher = loadFieldCipher(config.FIELD_ENCRYPTION_KEYS, config.dataDir);
  const counts = await reencryptAll(database.db, cipher);
  process.stdout.write(`Re-encrypted with key "${cipher.currentKeyId}": ${JSON.stringify(counts)}\n`);
} finally {
  await database.close();
}
