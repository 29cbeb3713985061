import { verifyAuditChain } from '../audit/audit-trail.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';

/**
 * `npm run audit:verify`: recomputes the audit hash chain of the configured database and
 * reports the first row that does not match. Exit code 0 = intact, 1 = broken.
 */
const config = loadConfig();
const database = await openDatabase({
  url: config.DATABASE_URL,
  dataDir: config.dataDir,
  schema: config.DATABASE_SCHEMA,
});
try {
  const verdict = await verifyAuditChain(database.db);
  if (verdict.ok) {
    process.stdout.write(`Audit trail intact: ${verdict.checked} events verified.\n`);
  } else {
    process.stdout.write(
      `AUDIT TRAIL BROKEN at event ${verdict.firstBrokenId}: ${verdict.reason}. ${verdict.checked} events before it verified.\n`,
    );
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
