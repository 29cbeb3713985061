import { generateHeadKeyPair, headSettingsOf, publishAuditHead } from '../audit/audit-head.js';
import { loadConfig } from '../config.js';
import { systemDb } from '../data/system-db.js';
import { openDatabase } from '../db/database.js';
import { systemClock } from '../domain/clock.js';

/**
 * `npm run audit:publish`: appends the audit trail's head, signed, to AUDIT_HEAD_FILE now (the
 * maintenance job does it every sweep; this is for cron on PostgreSQL, or before a maintenance).
 * `npm run audit:publish -- --generate-key` prints a new Ed25519 key pair for
 * AUDIT_HEAD_SIGNING_KEY and AUDIT_HEAD_PUBLIC_KEY instead.
 */
if (process.argv.includes('--generate-key')) {
  const pair = generateHeadKeyPair();
  process.stdout.write(
    `# AUDIT_HEAD_SIGNING_KEY (keep it with the server's secrets, never in the database or its backups):\n${pair.privateKey}\n# AUDIT_HEAD_PUBLIC_KEY (for whoever verifies):\n${pair.publicKey}`,
  );
} else {
  const config = loadConfig();
  const settings = headSettingsOf(config);
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.dataDir,
    schema: config.DATABASE_SCHEMA,
  });
  try {
    const record = await publishAuditHead(systemDb(database.db, 'audit_trail'), settings, systemClock);
    process.stdout.write(
      `Published the audit head (event ${record.lastId ?? 'none'}) to ${settings.file}.\n`,
    );
  } finally {
    await database.close();
  }
}
