import type { Answers } from '@tandem/shared';
import type { Insertable } from 'kysely';
import type { DB } from '../../db/schema.generated.js';
import type { FieldCipher } from '../../security/field-encryption.js';
import type { ScopedDb } from '../scoped-db.js';

/** A completed checklist or questionnaire as the actor may read it, its answers decrypted. */
export interface ResponseRecord {
  id: string;
  instrumentId: string;
  version: number;
  instrumentKind: string;
  ownerSide: string;
  ownerAgencyId: string;
  jointCaseId: string | null;
  subjectPersonId: string;
  timepoint: string | null;
  completedOn: string;
  answers: Answers;
  computedLevel: string | null;
  computedScore: number | null;
  areaScores: Record<string, number>;
  judgedLevel: string | null;
  /** Null where the policy keeps the reason from the reader (anyone but the owner and her service). */
  judgementReason: string | null;
}

export interface NewResponse {
  instrumentId: string;
  version: number;
  instrumentKind: string;
  jointCaseId: string;
  ppEpisodeId: string;
  subjectPersonId: string;
  ownerAgencyId: string;
  ownerSide: string;
  infoKind: string;
  timepoint: string | null;
  answers: Answers;
  computedLevel: string | null;
  computedScore: number | null;
  areaScores: Record<string, number>;
  tierCounts: Record<string, number>;
  judgedLevel: string | null;
  judgementReason: string | null;
  completedOn: string;
}

type ResponseRow = {
  id: string;
  instrument_id: string;
  version: number;
  instrument_kind: string;
  owner_side: string;
  owner_agency_id: string;
  joint_case_id: string | null;
  subject_person_id: string;
  timepoint: string | null;
  completed_on: string;
  answers_enc: string;
  computed_level: string | null;
  computed_score: string | number | null;
  area_scores: unknown;
  judged_level: string | null;
  judgement_reason_enc: string | null;
};

const COLUMNS = [
  'id',
  'instrument_id',
  'version',
  'instrument_kind',
  'owner_side',
  'owner_agency_id',
  'joint_case_id',
  'subject_person_id',
  'timepoint',
  'completed_on',
  'answers_enc',
  'computed_level',
  'computed_score',
  'area_scores',
  'judged_level',
  'judgement_reason_enc',
] as const;

/**
 * Instrument responses of joint cases through the scoped handle: the policy decides which rows
 * the actor reads (instrumentPolicy.responses) and keeps the judgement reason from anyone but
 * the owner and her service. Answers are encrypted at rest and decrypted here; how they are
 * shown to a reader is the services' projection (services/instruments/responses.service.ts).
 */
export class ResponsesRepository {
  constructor(
    private readonly db: ScopedDb,
    private readonly cipher: FieldCipher,
  ) {}

  async insert(response: NewResponse): Promise<ResponseRecord> {
    const values: Insertable<DB['instrument_response']> = {
      instrument_id: response.instrumentId,
      version: response.version,
      instrument_kind: response.instrumentKind,
      joint_case_id: response.jointCaseId,
      pp_episode_id: response.ppEpisodeId,
      subject_person_id: response.subjectPersonId,
      owner_agency_id: response.ownerAgencyId,
      owner_side: response.ownerSide,
      info_kind: response.infoKind,
      timepoint: response.timepoint,
      answers_enc: this.cipher.encrypt(JSON.stringify(response.answers)),
      computed_level: response.computedLevel,
      computed_score: response.computedScore,
      area_scores: JSON.stringify(response.areaScores),
      tier_counts: JSON.stringify(response.tierCounts),
      judged_level: response.judgedLevel,
      judgement_reason_enc: response.judgementReason ? this.cipher.encrypt(response.judgementReason) : null,
      completed_on: response.completedOn,
      recorded_by: this.db.actor.userId,
    };
    const row = await this.db.insertOne('instrument_response', values, {
      action: 'instrument.record',
      details: {
        instrumentId: response.instrumentId,
        version: response.version,
        level: response.computedLevel,
        judgedLevel: response.judgedLevel,
      },
    });
    return {
      ...this.toRecord({ ...(row as ResponseRow), judgement_reason_enc: null }),
      judgementReason: response.judgementReason,
    };
  }

  /** The responses of one kind (risk_checklist, questionnaire) of a joint case, oldest first. */
  async ofCase(jointCaseId: string, instrumentKind: string): Promise<ResponseRecord[]> {
    const rows = await this.db.query
      .selectFrom('instrument_response')
      .select(COLUMNS)
      .where('joint_case_id', '=', jointCaseId)
      .where('instrument_kind', '=', instrumentKind)
      .orderBy('completed_on')
      .orderBy('created_at')
      .execute();
    return rows.map((row) => this.toRecord(row));
  }

  /** The instrument and version of the newest response of a kind in a joint case (which tool the case uses). */
  async newestVersionOf(jointCaseId: string, instrumentKind: string) {
    return this.db.query
      .selectFrom('instrument_response')
      .select(['instrument_id', 'version'])
      .where('joint_case_id', '=', jointCaseId)
      .where('instrument_kind', '=', instrumentKind)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** Her newest response to one instrument, across the joint cases the reader sees (her IT safety plan). */
  async newestAbout(subjectPersonId: string, instrumentId: string): Promise<ResponseRecord | null> {
    const row = await this.db.query
      .selectFrom('instrument_response')
      .select(COLUMNS)
      .where('subject_person_id', '=', subjectPersonId)
      .where('instrument_id', '=', instrumentId)
      .orderBy('completed_on', 'desc')
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? this.toRecord(row) : null;
  }

  /** Which of these responses belong to the joint case (for the agreed level's references). */
  async idsInCase(jointCaseId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.query
      .selectFrom('instrument_response')
      .select('id')
      .where('joint_case_id', '=', jointCaseId)
      .where('id', 'in', [...ids])
      .execute();
    return new Set(rows.map((row) => row.id));
  }

  /** The time points each of these cases has a questionnaire for, given by one side (the due list). */
  async questionnaireTimepoints(jointCaseIds: readonly string[], ownerSide: string) {
    if (jointCaseIds.length === 0) return [];
    return this.db.query
      .selectFrom('instrument_response')
      .select(['joint_case_id', 'timepoint'])
      .where('joint_case_id', 'in', [...jointCaseIds])
      .where('instrument_kind', '=', 'questionnaire')
      .where('owner_side', '=', ownerSide)
      .where('timepoint', 'is not', null)
      .groupBy(['joint_case_id', 'timepoint'])
      .execute();
  }

  private toRecord(row: ResponseRow): ResponseRecord {
    return {
      id: row.id,
      instrumentId: row.instrument_id,
      version: row.version,
      instrumentKind: row.instrument_kind,
      ownerSide: row.owner_side,
      ownerAgencyId: row.owner_agency_id,
      jointCaseId: row.joint_case_id,
      subjectPersonId: row.subject_person_id,
      timepoint: row.timepoint,
      completedOn: row.completed_on,
      answers: JSON.parse(this.cipher.decrypt(row.answers_enc)) as Answers,
      computedLevel: row.computed_level,
      computedScore: row.computed_score === null ? null : Number(row.computed_score),
      areaScores: (row.area_scores as Record<string, number> | null) ?? {},
      judgedLevel: row.judged_level,
      judgementReason: row.judgement_reason_enc ? this.cipher.decrypt(row.judgement_reason_enc) : null,
    };
  }
}
