import type { Insertable } from 'kysely';
import type { DB } from '../../db/schema.generated.js';
import type { ScopedDb } from '../scoped-db.js';

/**
 * Multi-Agency Standard Agreements with their parties, and Phase 1 team meetings, through the
 * scoped handle: an agency reads the agreements it is party to, the coordinator those of their
 * networks (policy/agreement.policy.ts).
 */
export class AgreementsRepository {
  constructor(private readonly db: ScopedDb) {}

  async find(id: string) {
    return this.db.query.selectFrom('agreement').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Newest in force first; optionally one network's. */
  async list(query: { networkId?: string | undefined; limit: number }) {
    return this.db.query
      .selectFrom('agreement')
      .selectAll()
      .$if(query.networkId !== undefined, (qb) => qb.where('network_id', '=', query.networkId!))
      .orderBy('valid_from', 'desc')
      .orderBy('id')
      .limit(query.limit)
      .execute();
  }

  async partiesOf(agreementIds: readonly string[]) {
    if (agreementIds.length === 0) return [];
    return this.db.query
      .selectFrom('agreement_party')
      .selectAll()
      .where('agreement_id', 'in', [...agreementIds])
      .orderBy('agreement_id')
      .orderBy('signed_on')
      .orderBy('agency_id')
      .execute();
  }

  async insert(values: Insertable<DB['agreement']>): Promise<string> {
    const row = await this.db.insertOne('agreement', values, {
      action: 'agreement.create',
      details: { level: values.level },
    });
    return row.id;
  }

  async insertParties(rows: readonly Insertable<DB['agreement_party']>[]): Promise<void> {
    await this.db.insert('agreement_party', rows, { action: 'agreement.party_add' });
  }

  async insertPhase1Meeting(values: Insertable<DB['phase1_meeting']>) {
    return this.db.insertOne('phase1_meeting', values, { action: 'phase1_meeting.create' });
  }

  async findPhase1Meeting(id: string) {
    return this.db.query.selectFrom('phase1_meeting').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Newest first; the policy keeps them to the actor's networks. */
  async phase1Meetings(query: { networkId?: string | undefined; limit: number }) {
    return this.db.query
      .selectFrom('phase1_meeting')
      .selectAll()
      .$if(query.networkId !== undefined, (qb) => qb.where('network_id', '=', query.networkId!))
      .orderBy('held_on', 'desc')
      .orderBy('id')
      .limit(query.limit)
      .execute();
  }
}
