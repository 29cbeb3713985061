import type { FieldCipher } from '../../security/field-encryption.js';
import type { ScopedDb } from '../scoped-db.js';

/** PLACEHOLDER: filled in by the migration of this domain to the scoped handle. */
export class MeetingsRepository {
  constructor(
    readonly db: ScopedDb,
    readonly cipher: FieldCipher,
  ) {}
}
