import type { FieldCipher } from '../../security/field-encryption.js';
import type { ScopedDb } from '../scoped-db.js';

export interface RecidivismRecord {
  id: string;
  occurredOn: string;
  forms: string[];
  severity: string;
  source: string;
  sourceAgencyId: string | null;
  policeInvolved: boolean;
  ownerAgencyId: string;
  ownerSide: string;
  /** Null where the policy keeps the description from the reader. */
  description: string | null;
}

export interface NewRecidivism {
  jointCaseId: string;
  occurredOn: string;
  forms: readonly string[];
  severity: string;
  source: string;
  sourceAgencyId: string | null;
  policeInvolved: boolean;
  description: string | null;
  ownerAgencyId: string;
  ownerSide: string;
}

/**
 * Recidivism episodes of joint cases through the scoped handle. Which rows a reader gets is the
 * policy's (instrumentPolicy.recidivism: what she reported reaches no one off her service
 * without her consent), and so is which descriptions; what a reader is told about the sources is
 * the service's (services/instruments/recidivism.service.ts).
 */
export class RecidivismRepository {
  constructor(
    private readonly db: ScopedDb,
    private readonly cipher: FieldCipher,
  ) {}

  async insert(episode: NewRecidivism): Promise<string> {
    const row = await this.db.insertOne(
      'recidivism_episode',
      {
        joint_case_id: episode.jointCaseId,
        occurred_on: episode.occurredOn,
        forms: [...episode.forms],
        severity: episode.severity,
        source: episode.source,
        source_agency_id: episode.sourceAgencyId,
        police_involved: episode.policeInvolved,
        description_enc: episode.description ? this.cipher.encrypt(episode.description) : null,
        owner_agency_id: episode.ownerAgencyId,
        owner_side: episode.ownerSide,
        recorded_by: this.db.actor.userId,
      },
      { action: 'recidivism.record', details: { source: episode.source } },
    );
    return row.id;
  }

  /** The episodes of a joint case the actor may read, oldest first. */
  async ofCase(jointCaseId: string): Promise<RecidivismRecord[]> {
    const rows = await this.db.query
      .selectFrom('recidivism_episode')
      .select([
        'id',
        'occurred_on',
        'forms',
        'severity',
        'source',
        'source_agency_id',
        'police_involved',
        'owner_agency_id',
        'owner_side',
        'description_enc',
      ])
      .where('joint_case_id', '=', jointCaseId)
      .orderBy('occurred_on')
      .orderBy('created_at')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      occurredOn: row.occurred_on,
      forms: row.forms,
      severity: row.severity,
      source: row.source,
      sourceAgencyId: row.source_agency_id,
      policeInvolved: row.police_involved,
      ownerAgencyId: row.owner_agency_id,
      ownerSide: row.owner_side,
      description: row.description_enc ? this.cipher.decrypt(row.description_enc) : null,
    }));
  }
}
