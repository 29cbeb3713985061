import { headFileOf, verificationKeyOf, verifyAgainstPublishedHeads } from '../audit/audit-head.js';
import { verifyAuditChain } from '../audit/audit-trail.js';
import { loadConfig } from '../config.js';
import { systemDb } from '../data/system-db.js';
import { openDatabase } from '../db/database.js';

/**
 * `npm run audit:verify`: recomputes the audit hash chain of the configured database, reports
 * the first row that does not match, then checks the chain against every head published since
 * the last restore (AUDIT_HEAD_FILE): a published head the chain no longer reaches means its last
 * rows were removed. Exit code 0 = intact, 1 = broken.
 */
const config = loadConfig();
const database = await openDatabase({
  url: config.DATABASE_URL,
  dataDir: config.dataDir,
  schema: config.DATABASE_SCHEMA,
});
try {
  const db = systemDb(database.db, 'operator_command');
  const verdict = await verifyAuditChain(db);
  if (verdict.ok) {
    process.stdout.write(
      `Audit trail intact: ${verdict.checked} sealed events verified; ${verdict.unsealed} committed but not yet sealed (a running app seals them within a second).\n`,
    );
  } else {
    process.stdout.write(
      `AUDIT TRAIL BROKEN at event ${verdict.firstBrokenId}: ${verdict.reason}. ${verdict.checked} events before it verified.\n`,
    );
    process.exitCode = 1;
  }
  const file = headFileOf(config);
  const heads = await verifyAgainstPublishedHeads(db, file, verificationKeyOf(config));
  if (!heads.ok) {
    process.stdout.write(`AUDIT TRAIL TAIL BROKEN: ${heads.reason}.\n`);
    process.exitCode = 1;
  } else if (heads.latest) {
    process.stdout.write(
      `Published heads matched: ${heads.checked} (latest ${heads.latest.type} of ${heads.latest.publishedAt}, event ${heads.latest.lastId}) in ${file}.\n`,
    );
  } else {
    process.stdout.write(`No published head to check against (${heads.note ?? file}).\n`);
  }
} finally {
  await database.close();
}
