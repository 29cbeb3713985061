import { restore } from '../backup/operations.js';
import { loadConfig } from '../config.js';
import { systemClock } from '../domain/clock.js';

/**
 * `npm run restore -- <archive>`: restores a backup into a NEW database — an empty DATA_DIR
 * (PGlite) or a database without the schema (PostgreSQL) — with the escrowed keys configured,
 * and proves it faithful before saying so: every table and row as the manifest lists them, the
 * audit chain intact to the backup's head, every encrypted field readable. Sessions are dropped
 * (everyone signs in again); the restore is recorded in the audit trail and in the published heads.
 */
const archive = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
if (!archive) {
  process.stderr.write('Usage: npm run restore -- <backup archive> (its .manifest.json beside it)\n');
  process.exit(2);
}
const config = loadConfig();
try {
  const report = await restore(config, archive, systemClock);
  process.stdout.write(
    [
      `Restored ${report.manifest.archive} (taken ${report.manifest.createdAt}) into ${config.DATABASE_URL ? `schema ${config.DATABASE_SCHEMA}` : config.dataDir}.`,
      `  Every table and row matches the manifest; audit chain intact (${report.auditEventsVerified} events); ${report.encryptedValuesRead} encrypted values read with the escrowed keys.`,
      `  ${report.sessionsDropped} sessions dropped: everyone signs in again.`,
      '',
    ].join('\n'),
  );
} catch (error) {
  process.stderr.write(`RESTORE FAILED: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
