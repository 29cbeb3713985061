import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FieldCipher } from '../security/field-encryption.js';
import { reencryptAll } from '../security/key-rotation.js';
import { makeJointCase, makeNetworkScenario } from '../testing/scenario.js';
import { startTestSystem, type TestSystem } from '../testing/test-system.js';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

describe('field encryption', () => {
  it('keeps her address out of the database in clear, and rotates keys without losing it', async () => {
    const scenario = await makeNetworkScenario(system);
    const made = await makeJointCase(scenario, { herAddress: 'Via Cifrata 99' });
    const row = await system.database.db
      .selectFrom('person')
      .select('contact_enc')
      .where('id', '=', made.herId)
      .executeTakeFirstOrThrow();
    expect(row.contact_enc).not.toContain('Cifrata');
    expect(row.contact_enc?.startsWith('v1:test:')).toBe(true);

    const oldKey = system.cipher;
    const rotated = new FieldCipher([
      { id: 'next', key: randomBytes(32) },
      { id: 'test', key: system.cipherKey },
    ]);
    const counts = await reencryptAll(system.database.db, rotated);
    expect(counts['person.contact_enc']).toBeGreaterThan(0);
    const after = await system.database.db
      .selectFrom('person')
      .select('contact_enc')
      .where('id', '=', made.herId)
      .executeTakeFirstOrThrow();
    expect(after.contact_enc?.startsWith('v1:next:')).toBe(true);
    expect(JSON.parse(rotated.decrypt(after.contact_enc!)).address).toBe('Via Cifrata 99');
    expect(() => oldKey.decrypt(after.contact_enc!)).toThrow();
  });

  it('refuses a tampered ciphertext', () => {
    const cipher = new FieldCipher([{ id: 'k', key: randomBytes(32) }]);
    const sealed = cipher.encrypt('secret');
    const parts = sealed.split(':');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => cipher.decrypt(parts.join(':'))).toThrow();
  });
});
