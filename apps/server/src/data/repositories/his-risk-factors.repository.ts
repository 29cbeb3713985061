import type { FieldCipher } from '../../security/field-encryption.js';
import type { ScopedDb } from '../scoped-db.js';

/**
 * What answers about his risk raised on a joint case (services/consequences/his-risk-factors.ts):
 * the action-plan rows keyed by the instrument, and the critical events of that kind — as the
 * reader's policy lets it read them.
 */
export class HisRiskFactorsRepository {
  constructor(
    private readonly db: ScopedDb,
    private readonly cipher: FieldCipher,
  ) {}

  async raisedActions(jointCaseId: string, instrumentId: string) {
    const rows = await this.db.query
      .selectFrom('action_item')
      .select(['id', 'need_enc', 'action_enc', 'term', 'status'])
      .where('joint_case_id', '=', jointCaseId)
      .where('level_action_key', 'like', `${instrumentId}.%`)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      need: this.cipher.decrypt(row.need_enc),
      action: this.cipher.decrypt(row.action_enc),
      term: row.term,
      status: row.status,
    }));
  }

  async raisedEvents(jointCaseId: string, kind: string) {
    const rows = await this.db.query
      .selectFrom('case_event')
      .select(['id', 'occurred_on', 'description_enc', 'trigger_id'])
      .where('joint_case_id', '=', jointCaseId)
      .where('kind', '=', kind)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      occurredOn: row.occurred_on,
      description: row.description_enc ? this.cipher.decrypt(row.description_enc) : '',
      triggerId: row.trigger_id ?? '',
    }));
  }
}
