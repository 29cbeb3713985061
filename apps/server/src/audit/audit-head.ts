import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../domain/clock.js';
import { keyFolderOf } from '../security/key-folder.js';
import { sealAuditTrail } from './audit-trail.js';
import { canonicalJson } from './canonical-json.js';

/**
 * The published head of the audit trail (issue: the trail's tail). A hash chain held only in the
 * database shows a row altered or removed in the middle, but not its last rows removed: the chain
 * that is left still links up. So the head — the last row's id and hash — is signed (Ed25519,
 * with a key kept outside the database) and appended, with the time, to a file the operator
 * chooses, outside the database; `npm run audit:verify` checks the chain against every head
 * published since the last restore.
 *
 * The file is JSON lines: `{"type":"head",...}` at each publication, `{"type":"restore",...}`
 * when a backup is restored (the chain then legitimately goes back to the backup's head).
 */

export interface HeadRecord {
  v: 1;
  type: 'head';
  publishedAt: string;
  /** The last audit row's id (as text: bigint) and hash; null for an empty trail. */
  lastId: string | null;
  hash: string | null;
  /** Which key signed it (a fingerprint of the public key). */
  keyId: string;
  signature: string;
}

export interface RestoreRecord {
  v: 1;
  type: 'restore';
  publishedAt: string;
  /** The head the restored backup ends at: heads published before this line are history. */
  lastId: string | null;
  hash: string | null;
  backupCreatedAt: string;
  keyId: string;
  signature: string;
}

export type PublishedRecord = HeadRecord | RestoreRecord;

export interface HeadSettings {
  file: string;
  signingKey: KeyObject;
  publicKey: KeyObject;
}

type HeadConfig = Pick<Config, 'dataDir' | 'NODE_ENV'> &
  Partial<Pick<Config, 'AUDIT_HEAD_FILE' | 'AUDIT_HEAD_SIGNING_KEY' | 'AUDIT_HEAD_PUBLIC_KEY'>>;

/** The head file: AUDIT_HEAD_FILE, or beside DATA_DIR (not inside: a copy of the data must not carry it). */
export const headFileOf = (config: HeadConfig) =>
  path.resolve(config.AUDIT_HEAD_FILE ?? `${path.resolve(config.dataDir)}.audit-heads.jsonl`);

/**
 * The signing key from AUDIT_HEAD_SIGNING_KEY; without it (development, demo), one generated
 * once in the key folder beside DATA_DIR. Production must set it.
 */
export function headSettingsOf(config: HeadConfig): HeadSettings {
  const signingKey = config.AUDIT_HEAD_SIGNING_KEY
    ? parsePrivateKey(config.AUDIT_HEAD_SIGNING_KEY)
    : localSigningKey(config);
  const publicKey = config.AUDIT_HEAD_PUBLIC_KEY
    ? parsePublicKey(config.AUDIT_HEAD_PUBLIC_KEY)
    : createPublicKey(signingKey);
  return { file: headFileOf(config), signingKey, publicKey };
}

/** The key that checks the heads: AUDIT_HEAD_PUBLIC_KEY, else derived from the signing key. */
export function verificationKeyOf(config: HeadConfig): KeyObject {
  if (config.AUDIT_HEAD_PUBLIC_KEY) return parsePublicKey(config.AUDIT_HEAD_PUBLIC_KEY);
  if (config.AUDIT_HEAD_SIGNING_KEY) return createPublicKey(parsePrivateKey(config.AUDIT_HEAD_SIGNING_KEY));
  return createPublicKey(localSigningKey(config, { create: false }));
}

/** The trail's head now: the last sealed row, in chain order. */
export async function currentHead(
  db: Kysely<Database>,
): Promise<{ lastId: string | null; hash: string | null }> {
  const last = await db
    .selectFrom('audit_event')
    .select(['id', 'hash'])
    .where('seal_seq', 'is not', null)
    .orderBy('seal_seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { lastId: last ? String(last.id) : null, hash: last?.hash ?? null };
}

/** Seals what is pending, reads the head and appends it, signed, to the head file. */
export async function publishAuditHead(
  db: Kysely<Database>,
  settings: HeadSettings,
  clock: Clock,
): Promise<HeadRecord> {
  await sealAuditTrail(db);
  const head = await currentHead(db);
  const record = signed<HeadRecord>(
    { v: 1, type: 'head', publishedAt: clock.now().toISOString(), ...head },
    settings.signingKey,
  );
  appendRecord(settings.file, record);
  return record;
}

/** After a restore: the chain now ends at the backup's head; heads published before are history. */
export function publishRestoreMarker(
  settings: HeadSettings,
  head: { lastId: string | null; hash: string | null },
  backupCreatedAt: string,
  now: Date,
): RestoreRecord {
  const record = signed<RestoreRecord>(
    { v: 1, type: 'restore', publishedAt: now.toISOString(), ...head, backupCreatedAt },
    settings.signingKey,
  );
  appendRecord(settings.file, record);
  return record;
}

export type HeadVerdict =
  | { ok: true; checked: number; latest: PublishedRecord | null; note?: string }
  | { ok: false; checked: number; reason: string };

/**
 * Checks the trail against what was published: every line's signature, and every head since the
 * last restore marker must be a row of the chain with that very hash. A head beyond the chain's
 * end means its last rows were removed.
 */
export async function verifyAgainstPublishedHeads(
  db: Kysely<Database>,
  file: string,
  publicKey: KeyObject,
): Promise<HeadVerdict> {
  if (!existsSync(file))
    return { ok: true, checked: 0, latest: null, note: `no heads published yet in ${file}` };
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  const records: PublishedRecord[] = [];
  for (const [index, line] of lines.entries()) {
    let record: PublishedRecord;
    try {
      record = JSON.parse(line) as PublishedRecord;
    } catch {
      return { ok: false, checked: index, reason: `line ${index + 1} of ${file} is not JSON` };
    }
    if (!hasValidSignature(record, publicKey))
      return {
        ok: false,
        checked: index,
        reason: `line ${index + 1} of ${file} does not carry a valid signature`,
      };
    records.push(record);
  }
  const lastRestore = records.map((record) => record.type).lastIndexOf('restore');
  const inForce = records.slice(Math.max(lastRestore, 0));
  const end = await currentHead(db);
  let checked = 0;
  for (const record of inForce) {
    if (record.lastId === null) continue;
    const row = await db
      .selectFrom('audit_event')
      .select('hash')
      .where('id', '=', record.lastId)
      .executeTakeFirst();
    if (!row) {
      return {
        ok: false,
        checked,
        reason: `the head published at ${record.publishedAt} names event ${record.lastId}, but the trail ends at ${end.lastId ?? 'nothing'}: its last rows were removed`,
      };
    }
    if (row.hash !== record.hash) {
      return {
        ok: false,
        checked,
        reason: `event ${record.lastId} does not have the hash published at ${record.publishedAt}: the trail was rewritten`,
      };
    }
    checked += 1;
  }
  return { ok: true, checked, latest: records.at(-1) ?? null };
}

/** A new key pair for AUDIT_HEAD_SIGNING_KEY / AUDIT_HEAD_PUBLIC_KEY (PEM). */
export function generateHeadKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

function signed<T extends PublishedRecord>(record: Omit<T, 'keyId' | 'signature'>, key: KeyObject): T {
  const keyId = keyIdOf(createPublicKey(key));
  const body = { ...record, keyId };
  const signature = sign(null, Buffer.from(canonicalJson(body)), key).toString('base64');
  return { ...body, signature } as T;
}

function hasValidSignature(record: PublishedRecord, key: KeyObject): boolean {
  const { signature, ...body } = record;
  if (typeof signature !== 'string' || body.keyId !== keyIdOf(key)) return false;
  try {
    return verify(null, Buffer.from(canonicalJson(body)), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

const keyIdOf = (publicKey: KeyObject) =>
  createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);

function appendRecord(file: string, record: PublishedRecord) {
  mkdirSync(path.dirname(file), { recursive: true });
  // One short line per append (O_APPEND): two instances publishing at once do not interleave.
  appendFileSync(file, `${JSON.stringify(record)}\n`, { mode: 0o640 });
}

function localSigningKey(config: HeadConfig, options: { create: boolean } = { create: true }): KeyObject {
  const file = path.join(keyFolderOf(config.dataDir), 'audit-head-ed25519.pem');
  if (!existsSync(file)) {
    if (!options.create || config.NODE_ENV === 'production')
      throw new Error(
        'AUDIT_HEAD_SIGNING_KEY (or AUDIT_HEAD_PUBLIC_KEY to verify) must be set: no local audit-head key exists',
      );
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, generateHeadKeyPair().privateKey, { mode: 0o600 });
  }
  return createPrivateKey(readFileSync(file, 'utf8'));
}

const parsePrivateKey = (text: string) =>
  text.includes('BEGIN')
    ? createPrivateKey(text)
    : createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });

const parsePublicKey = (text: string) =>
  text.includes('BEGIN')
    ? createPublicKey(text)
    : createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
