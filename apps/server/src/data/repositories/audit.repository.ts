import type { ScopedDb } from '../scoped-db.js';

/** PLACEHOLDER: filled in by the migration of this domain to the scoped handle. */
export class AuditRepository {
  constructor(readonly db: ScopedDb) {}
}
