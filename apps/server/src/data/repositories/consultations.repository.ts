import type { FieldCipher } from '../../security/field-encryption.js';
import type { ScopedDb } from '../scoped-db.js';

export interface NewConsultation {
  jointCaseId: string;
  consultedAgencyId: string;
  consultedOn: string;
  reply: string;
  difference: number;
  agreedLevelId: string | null;
}

/**
 * Consultations of the other agencies of a case when its two sides diverge, and the agencies the
 * case-level agreement names. Plain table access through the scoped handle: the policy decides who
 * reads and records them (instrumentPolicy.consultations); the workflow is
 * services/instruments/consultation.service.ts.
 */
export class ConsultationsRepository {
  constructor(
    private readonly db: ScopedDb,
    private readonly cipher: FieldCipher,
  ) {}

  /**
   * In one statement (the risk page is counted: tests/statements-per-request.test.ts): the
   * agencies of the case-level agreement other than his programme and her service — those a
   * divergence proposes consulting (police, probation, child protection…) — and the consultations
   * of the case, oldest first, what each agency said decrypted. Only an agency of the agreement is
   * ever consulted (consultation.service.ts), so each consultation joins its party.
   */
  async ofCase(jointCaseId: string) {
    const rows = await this.db.query
      .selectFrom('joint_case as jc')
      .innerJoin('agreement_party as ap', 'ap.agreement_id', 'jc.agreement_id')
      .innerJoin('agency as a', 'a.id', 'ap.agency_id')
      .leftJoin('risk_consultation as rc', (join) =>
        join.onRef('rc.joint_case_id', '=', 'jc.id').onRef('rc.consulted_agency_id', '=', 'ap.agency_id'),
      )
      .select([
        'a.id as agency_id',
        'a.name as agency_name',
        'a.kind as agency_kind',
        'rc.id',
        'rc.consulted_on',
        'rc.reply_enc',
        'rc.difference',
        'rc.agreed_level_id',
        'rc.created_at',
      ])
      .where('jc.id', '=', jointCaseId)
      .whereRef('ap.agency_id', '<>', 'jc.pp_agency_id')
      .whereRef('ap.agency_id', '<>', 'jc.vss_agency_id')
      .orderBy('a.name')
      .execute();
    const agencies = [...new Map(rows.map((row) => [row.agency_id, row])).values()].map((row) => ({
      id: row.agency_id,
      name: row.agency_name,
      kind: row.agency_kind,
    }));
    const consultations = rows
      .filter((row) => row.id !== null && row.reply_enc !== null)
      .sort(
        (a, b) =>
          String(a.consulted_on).localeCompare(String(b.consulted_on)) ||
          new Date(a.created_at ?? 0).getTime() - new Date(b.created_at ?? 0).getTime(),
      )
      .map((row) => ({
        id: row.id as string,
        consulted_agency_id: row.agency_id,
        agency_name: row.agency_name,
        agency_kind: row.agency_kind,
        consulted_on: String(row.consulted_on),
        reply: this.cipher.decrypt(row.reply_enc as string),
        difference: Number(row.difference),
        agreed_level_id: row.agreed_level_id,
      }));
    return { agencies, consultations };
  }

  async insert(consultation: NewConsultation): Promise<string> {
    const { actor } = this.db;
    if (!actor.agencyId) throw new Error('A consultation is recorded by a case worker of an agency');
    const row = await this.db.insertOne(
      'risk_consultation',
      {
        joint_case_id: consultation.jointCaseId,
        consulted_agency_id: consultation.consultedAgencyId,
        consulted_on: consultation.consultedOn,
        reply_enc: this.cipher.encrypt(consultation.reply),
        difference: consultation.difference,
        agreed_level_id: consultation.agreedLevelId,
        owner_agency_id: actor.agencyId,
        owner_side: actor.side,
        recorded_by: actor.userId,
      },
      {
        action: 'risk.consultation_record',
        details: { consultedAgencyId: consultation.consultedAgencyId, difference: consultation.difference },
      },
    );
    return row.id;
  }

  /** Whether this agreed level is one of the case's (the level agreed after a consultation). */
  async agreedLevelInCase(jointCaseId: string, agreedLevelId: string): Promise<boolean> {
    const row = await this.db.query
      .selectFrom('agreed_risk_level')
      .select('id')
      .where('id', '=', agreedLevelId)
      .where('joint_case_id', '=', jointCaseId)
      .executeTakeFirst();
    return row !== undefined;
  }
}
