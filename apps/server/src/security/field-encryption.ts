import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { keyFolderOf } from './key-folder.js';

/**
 * Application-level encryption of sensitive fields (TOTP secrets now; her location and
 * contact details later) with AES-256-GCM. A ciphertext names the key that made it,
 * so keys can be rotated: the first key encrypts, every listed key decrypts.
 *
 * Format: `v1:<keyId>:<iv base64url>:<tag base64url>:<ciphertext base64url>`
 */
export class FieldCipher {
  readonly #keys: Map<string, Buffer>;
  readonly currentKeyId: string;

  constructor(keys: ReadonlyArray<{ id: string; key: Buffer }>) {
    const first = keys[0];
    if (!first) throw new Error('At least one field-encryption key is required');
    for (const { id, key } of keys) {
      if (key.length !== 32) throw new Error(`Field-encryption key ${id} must be 32 bytes`);
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) throw new Error(`Field-encryption key id ${id} is not valid`);
    }
    this.#keys = new Map(keys.map(({ id, key }) => [id, key]));
    this.currentKeyId = first.id;
  }

  /** Parses "id:base64,id:base64". */
  static fromSpec(spec: string): FieldCipher {
    return new FieldCipher(
      spec
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => {
          const [id, encoded] = part.split(':');
          if (!id || !encoded) throw new Error('FIELD_ENCRYPTION_KEYS must look like "keyId:base64key"');
          return { id, key: Buffer.from(encoded, 'base64') };
        }),
    );
  }

  encrypt(plaintext: string): string {
    const key = this.#keys.get(this.currentKeyId)!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [
      'v1',
      this.currentKeyId,
      iv.toString('base64url'),
      tag.toString('base64url'),
      ciphertext.toString('base64url'),
    ].join(':');
  }

  decrypt(envelope: string): string {
    const [version, keyId, iv, tag, ciphertext] = envelope.split(':');
    if (version !== 'v1' || !keyId || !iv || !tag || ciphertext === undefined) {
      throw new Error('Not an encrypted field value');
    }
    const key = this.#keys.get(keyId);
    if (!key) throw new Error(`Unknown field-encryption key ${keyId}`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  /** True when the value was made with an older key and should be re-encrypted. */
  needsRotation(envelope: string): boolean {
    return envelope.split(':')[1] !== this.currentKeyId;
  }
}

/**
 * Without FIELD_ENCRYPTION_KEYS (development and demo only; production refuses to start),
 * a key is generated once and kept in the key folder BESIDE the data folder, readable by the
 * owner alone — never inside it, so no copy or backup of the data carries its key. A key left
 * inside the data folder by an earlier version is moved out on first use.
 */
export function loadFieldCipher(
  spec: string | undefined,
  dataDir: string,
  keyFile = path.join(keyFolderOf(dataDir), 'field-encryption.key'),
): FieldCipher {
  if (spec) return FieldCipher.fromSpec(spec);
  const legacy = path.join(dataDir, 'field-encryption.key');
  if (!existsSync(keyFile)) {
    mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
    if (existsSync(legacy)) {
      copyFileSync(legacy, keyFile);
      chmodSync(keyFile, 0o600);
      unlinkSync(legacy);
    } else {
      writeFileSync(keyFile, `local:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    }
  }
  return FieldCipher.fromSpec(readFileSync(keyFile, 'utf8').trim());
}
