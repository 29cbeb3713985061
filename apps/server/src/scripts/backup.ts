import { backup } from '../backup/operations.js';
import { loadConfig } from '../config.js';
import { systemClock } from '../domain/clock.js';

/**
 * `npm run backup`: a consistent backup of the configured database while the service runs —
 * PostgreSQL: pg_dump from an exported snapshot; PGlite: the running server's image of its data
 * (or the folder itself when no server runs) — written to BACKUP_DIR with its manifest. The
 * field-encryption keys are not in it: they are escrowed apart (README, "Operations").
 */
const config = loadConfig();
const { archive, manifest, source } = await backup(config, systemClock);
const rows = Object.values(manifest.contents.tables).reduce((sum, table) => sum + table.rows, 0);
process.stdout.write(
  [
    `Backup written: ${archive} (${manifest.bytes} bytes, sha256 ${manifest.sha256})`,
    `  from ${source}`,
    `  ${Object.keys(manifest.contents.tables).length} tables, ${rows} rows; audit trail to event ${manifest.contents.audit.lastId ?? 'none'}`,
    `  Keys NOT included. To restore, the escrowed field-encryption key(s) ${manifest.contents.fieldKeyIds.join(', ') || '(none used)'} are needed.`,
    '',
  ].join('\n'),
);
