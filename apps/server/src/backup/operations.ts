import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { headSettingsOf, publishRestoreMarker } from '../audit/audit-head.js';
import { verifyAuditChain } from '../audit/audit-trail.js';
import type { Config } from '../config.js';
import { systemDb } from '../data/system-db.js';
import { inAuditedTransaction } from '../data/transaction.js';
import { type DatabaseHandle, openDatabase } from '../db/database.js';
import type { Clock } from '../domain/clock.js';
import { FieldCipher } from '../security/field-encryption.js';
import { keyFolderOf } from '../security/key-folder.js';
import { requestImage } from './backup-socket.js';
import {
  type BackupManifest,
  describeDatabase,
  differences,
  type Query,
  quoteIdent,
  readManifest,
  TRANSIENT_TABLES,
} from './manifest.js';
import { dumpRunningPglite, pgliteQuery, restorePgliteArchive, writePgliteBackup } from './pglite-backup.js';
import { backupPostgres, clientQuery, restorePostgresArchive } from './postgres-backup.js';

/**
 * `npm run backup` and `npm run restore` for both engines (README, "Operations"). A backup is an
 * archive and its manifest, never the keys; a restore goes into a new, empty database, proves it
 * holds exactly what the manifest lists — every table, every row, the audit chain intact to the
 * backup's head, every encrypted field readable with the escrowed keys — then drops sessions,
 * records the restore in the audit trail and marks it in the published heads.
 */

export type OperationsConfig = Pick<
  Config,
  | 'DATABASE_URL'
  | 'DATABASE_SCHEMA'
  | 'dataDir'
  | 'BACKUP_DIR'
  | 'FIELD_ENCRYPTION_KEYS'
  | 'NODE_ENV'
  | 'AUDIT_HEAD_FILE'
  | 'AUDIT_HEAD_SIGNING_KEY'
  | 'AUDIT_HEAD_PUBLIC_KEY'
>;

export async function backup(
  config: OperationsConfig,
  clock: Clock,
  /** A handle to the database this process already runs (tests); otherwise the running server is asked. */
  running?: DatabaseHandle,
): Promise<{ archive: string; manifest: BackupManifest; source: string }> {
  const now = clock.now();
  if (config.DATABASE_URL) {
    const made = await backupPostgres(config.DATABASE_URL, config.DATABASE_SCHEMA, config.BACKUP_DIR, now);
    return { ...made, source: `pg_dump of schema ${config.DATABASE_SCHEMA}, from an exported snapshot` };
  }
  if (running?.pglite) {
    const image = await dumpRunningPglite(running.pglite, running.db);
    return { ...(await writePgliteBackup(image, config.BACKUP_DIR, now)), source: 'this process’s database' };
  }
  const served = await requestImage(config.dataDir);
  const image = served ?? (await imageOfStoppedDatabase(config.dataDir));
  return {
    ...(await writePgliteBackup(image, config.BACKUP_DIR, now)),
    source: served
      ? 'the running server’s image of its data'
      : `the data folder ${config.dataDir} (no server running)`,
  };
}

export interface RestoreReport {
  manifest: BackupManifest;
  auditEventsVerified: number;
  encryptedValuesRead: number;
  sessionsDropped: number;
}

export async function restore(
  config: OperationsConfig,
  archive: string,
  clock: Clock,
): Promise<RestoreReport> {
  const manifest = readManifest(archive);
  const cipher = escrowedCipher(config);
  if (manifest.engine === 'postgres') {
    if (!config.DATABASE_URL)
      throw new Error('This is a PostgreSQL backup: set DATABASE_URL to the database to restore into');
    if (manifest.schema !== config.DATABASE_SCHEMA)
      throw new Error(
        `This backup restores into schema ${manifest.schema}: set DATABASE_SCHEMA=${manifest.schema}`,
      );
    await restorePostgresArchive(archive, config.DATABASE_URL, manifest.schema);
  } else {
    if (config.DATABASE_URL)
      throw new Error('This is a PGlite backup: unset DATABASE_URL and set DATA_DIR to a new folder');
    await restorePgliteArchive(archive, config.dataDir);
  }
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.dataDir,
    schema: config.DATABASE_SCHEMA,
  });
  try {
    const found = await withQuery(database, async (query) => {
      const description = await describeDatabase(query);
      return { description, encrypted: await readEveryEncryptedValue(query, cipher) };
    });
    const problems = differences(manifest.contents, found.description);
    if (found.encrypted.unreadable > 0)
      problems.push(
        `${found.encrypted.unreadable} encrypted values cannot be read with the configured keys (the backup needs ${manifest.contents.fieldKeyIds.join(', ')}): restore the escrowed keys`,
      );
    const db = systemDb(database.db, 'operator_command');
    const chain = await verifyAuditChain(db);
    if (!chain.ok)
      problems.push(`the audit chain is broken at event ${chain.firstBrokenId}: ${chain.reason}`);
    if (problems.length > 0) throw new Error(`The restore is not faithful:\n  ${problems.join('\n  ')}`);
    const sessionsDropped = await dropTransientRows(database);
    publishRestoreMarker(headSettingsOf(config), manifest.contents.audit, manifest.createdAt, clock.now());
    await inAuditedTransaction(db, null, null, async (_trx, audit) => {
      audit.record({
        action: 'system.restore',
        outcome: 'success',
        details: {
          backupCreatedAt: manifest.createdAt,
          backupLastEventId: manifest.contents.audit.lastId,
          engine: manifest.engine,
        },
      });
    });
    return {
      manifest,
      auditEventsVerified: chain.checked,
      encryptedValuesRead: found.encrypted.read,
      sessionsDropped,
    };
  } finally {
    await database.close();
  }
}

/**
 * The keys come from escrow, not from the backup: FIELD_ENCRYPTION_KEYS, or the development key
 * file put back in the key folder beside DATA_DIR. None generated here — a new key would read nothing.
 */
function escrowedCipher(config: OperationsConfig): FieldCipher {
  if (config.FIELD_ENCRYPTION_KEYS) return FieldCipher.fromSpec(config.FIELD_ENCRYPTION_KEYS);
  const file = path.join(keyFolderOf(config.dataDir), 'field-encryption.key');
  if (!existsSync(file))
    throw new Error(
      `No field-encryption key: set FIELD_ENCRYPTION_KEYS, or put the escrowed key file at ${file}, before restoring`,
    );
  return FieldCipher.fromSpec(readFileSync(file, 'utf8').trim());
}

/** Decrypts every value of every `*_enc` column: the proof that the data and its keys belong together. */
async function readEveryEncryptedValue(query: Query, cipher: FieldCipher) {
  const columns = await query(
    `SELECT table_name AS table, column_name AS column FROM information_schema.columns
     WHERE table_schema = current_schema() AND column_name LIKE '%\\_enc'`,
  );
  let read = 0;
  let unreadable = 0;
  for (const { table, column } of columns) {
    const rows = await query(
      `SELECT ${quoteIdent(String(column))} AS value FROM ${quoteIdent(String(table))} WHERE ${quoteIdent(String(column))} IS NOT NULL`,
    );
    for (const { value } of rows) {
      try {
        cipher.decrypt(String(value));
        read += 1;
      } catch {
        unreadable += 1;
      }
    }
  }
  return { read, unreadable };
}

async function dropTransientRows(database: DatabaseHandle): Promise<number> {
  return withQuery(database, async (query) => {
    let sessions = 0;
    for (const table of TRANSIENT_TABLES) {
      const rows = await query(`DELETE FROM ${quoteIdent(table)} RETURNING 1`);
      if (table === 'user_session') sessions = rows.length;
    }
    return sessions;
  });
}

async function withQuery<T>(database: DatabaseHandle, work: (query: Query) => Promise<T>): Promise<T> {
  if (database.pglite) return work(pgliteQuery(database.pglite));
  const client = await database.pool!.connect();
  try {
    return await work(clientQuery(client));
  } finally {
    client.release();
  }
}

async function imageOfStoppedDatabase(dataDir: string): Promise<Buffer> {
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) throw new Error(`No database in ${dataDir}`);
  const pglite = await PGlite.create({ dataDir, extensions: { pg_trgm } });
  try {
    return Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer());
  } finally {
    await pglite.close();
  }
}
