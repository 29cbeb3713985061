import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import {
  type BackupManifest,
  type DatabaseDescription,
  describeDatabase,
  manifestPathOf,
  type Query,
  sha256Of,
  writeAtomically,
} from './manifest.js';

/**
 * Backup and restore on embedded PostgreSQL (PGlite). The dump is PGlite's own image of its
 * data folder, taken under its query lock while the server keeps serving: a crash-consistent
 * copy (what was committed is in it; a transaction under way is rolled back when it opens).
 * Anything in the data folder that is not PostgreSQL's — a key an earlier version kept there —
 * is left out.
 */

/** Files of a data folder that are never copied: keys (README, "Operations": key escrow). */
const NOT_DATA = /(^|\/)[^/]*(\.key|\.pem)$/;

/** The running server's image of its data, with no transaction of the app's half done. */
export async function dumpRunningPglite(pglite: PGlite, db: Kysely<Database>): Promise<Buffer> {
  // Holding the app's one connection waits for the transaction under way to finish first.
  const image = await db.connection().execute(() => pglite.dumpDataDir('none'));
  return Buffer.from(await image.arrayBuffer());
}

/**
 * Writes `<dir>/tandem-pglite-<time>.tar.gz` and its manifest from an image. The manifest is
 * computed from the image itself, opened in memory — so a backup that would not open fails
 * here, when it is made, not on the day it is needed.
 */
export async function writePgliteBackup(
  image: Buffer,
  dir: string,
  now: Date,
): Promise<{ archive: string; manifest: BackupManifest }> {
  const tar = withoutEntries(image, (name) => NOT_DATA.test(name));
  const contents = await describeImage(tar);
  const bytes = gzipSync(tar);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const archive = path.join(path.resolve(dir), `tandem-pglite-${stamp(now)}.tar.gz`);
  const manifest: BackupManifest = {
    format: 'tandem-backup/1',
    engine: 'pglite',
    createdAt: now.toISOString(),
    schema: 'public',
    archive: path.basename(archive),
    sha256: sha256Of(bytes),
    bytes: bytes.length,
    contents,
    keysIncluded: false,
  };
  writeAtomically(archive, bytes);
  writeAtomically(manifestPathOf(archive), `${JSON.stringify(manifest, null, 2)}\n`);
  return { archive, manifest };
}

/** Restores an archive into a data folder that must not hold a database yet. */
export async function restorePgliteArchive(archive: string, dataDir: string): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0)
    throw new Error(`${dataDir} is not empty: restore into a new data folder (never over a database)`);
  mkdirSync(dataDir, { recursive: true });
  const tar = gunzipSync(readFileSync(archive));
  const restored = await PGlite.create({ dataDir, loadDataDir: new Blob([tar]), extensions: { pg_trgm } });
  await restored.close();
}

async function describeImage(tar: Buffer): Promise<DatabaseDescription> {
  const copy = await PGlite.create({ loadDataDir: new Blob([tar]), extensions: { pg_trgm } });
  try {
    return await describeDatabase(pgliteQuery(copy));
  } finally {
    await copy.close();
  }
}

export const pgliteQuery =
  (pglite: PGlite): Query =>
  async (text, params) =>
    (await pglite.query<Record<string, unknown>>(text, params)).rows;

/** A tar archive without the entries the predicate names (512-byte headers, data in 512-byte blocks). */
export function withoutEntries(tar: Buffer, drop: (name: string) => boolean): Buffer {
  const kept: Buffer[] = [];
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const name = field(header, 0, 100);
    const prefix = field(header, 345, 155);
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    const end = offset + 512 + Math.ceil(size / 512) * 512;
    if (!drop(prefix ? `${prefix}/${name}` : name)) kept.push(tar.subarray(offset, end));
    offset = end;
  }
  kept.push(Buffer.alloc(1024));
  return Buffer.concat(kept);
}

const field = (header: Buffer, start: number, length: number) =>
  header
    .subarray(start, start + length)
    .toString('utf8')
    .replace(/\0[\s\S]*$/, '');

export const stamp = (now: Date) => now.toISOString().replace(/[:.]/g, '-');
