import type { FieldCipher } from '../../security/field-encryption.js';
import type { ScopedDb } from '../scoped-db.js';

export interface NewAgreedLevel {
  jointCaseId: string;
  level: string;
  rationale: string;
  ppResponseId: string | null;
  vssResponseId: string | null;
  agreedOn: string;
  nextReassessmentOn: string;
}

export interface NewProposal {
  jointCaseId: string;
  level: string;
  fromLevel: string;
  rationale: string;
  ppResponseId: string | null;
  vssResponseId: string | null;
  proposedOn: string;
  proposedSide: 'perpetrator' | 'victim';
}

/**
 * The joint case as the instruments read it, its agreed risk level (with the proposals to lower
 * it that await the other side) and its reassessment schedule. Plain table access through the
 * scoped handle: the policy decides which cases, levels and proposals the actor reads and writes
 * (instrumentPolicy, jointCasePolicy); the workflow is services/instruments/agreed-level.service.ts.
 */
export class AgreedLevelsRepository {
  constructor(
    private readonly db: ScopedDb,
    private readonly cipher: FieldCipher,
  ) {}

  private cases() {
    return this.db.query
      .selectFrom('joint_case as jc')
      .leftJoin('pp_episode as pe', 'pe.id', 'jc.pp_episode_id')
      .select([
        'jc.id',
        'jc.case_number',
        'jc.status',
        'jc.pp_episode_id',
        'jc.pp_agency_id',
        'jc.vss_agency_id',
        'jc.pp_case_manager_id',
        'jc.vss_case_manager_id',
        'jc.partner_contact_worker_id',
        // NULL for the perpetrator side: the policy never lets the link to her record through.
        'jc.partner_person_id',
        'jc.reassessment_due_since',
        'jc.next_reassessment_on',
        // His episode, where the actor may read it (his programme; others through his release).
        'pe.person_id as him_id',
        'pe.status as pp_status',
        'pe.referral_date',
        'pe.intake_date',
        'pe.planned_end_date',
      ]);
  }

  /** One joint case, if the actor may see it. */
  async jointCase(jointCaseId: string) {
    return this.cases().where('jc.id', '=', jointCaseId).executeTakeFirst();
  }

  /** The open joint cases the actor is named on (case manager or partner-contact worker), in one query. */
  async openCasesNamingMe(limit: number) {
    const me = this.db.actor.userId;
    return this.cases()
      .where('jc.status', '=', 'open')
      .where((eb) =>
        eb.or([
          eb('jc.pp_case_manager_id', '=', me),
          eb('jc.vss_case_manager_id', '=', me),
          eb('jc.partner_contact_worker_id', '=', me),
        ]),
      )
      .orderBy('jc.case_number')
      .limit(limit)
      .execute();
  }

  /** The agreed levels of a case, oldest first. */
  async ofCase(jointCaseId: string) {
    const rows = await this.db.query
      .selectFrom('agreed_risk_level')
      .select(['id', 'level', 'rationale_enc', 'agreed_on', 'next_reassessment_on'])
      .where('joint_case_id', '=', jointCaseId)
      .orderBy('agreed_on')
      .orderBy('created_at')
      .execute();
    return rows.map(({ rationale_enc, ...row }) => ({
      ...row,
      rationale: this.cipher.decrypt(rationale_enc),
    }));
  }

  /** The date of the latest agreed level of each of these cases (cases never assessed are absent). */
  async latestAgreedOn(jointCaseIds: readonly string[]): Promise<Map<string, string>> {
    if (jointCaseIds.length === 0) return new Map();
    const rows = await this.db.query
      .selectFrom('agreed_risk_level')
      .select(['joint_case_id', (eb) => eb.fn.max('agreed_on').as('agreed_on')])
      .where('joint_case_id', 'in', [...jointCaseIds])
      .groupBy('joint_case_id')
      .execute();
    return new Map(rows.map((row) => [row.joint_case_id, String(row.agreed_on)]));
  }

  async insert(level: NewAgreedLevel): Promise<string> {
    const row = await this.db.insertOne(
      'agreed_risk_level',
      {
        joint_case_id: level.jointCaseId,
        level: level.level,
        rationale_enc: this.cipher.encrypt(level.rationale),
        pp_response_id: level.ppResponseId,
        vss_response_id: level.vssResponseId,
        agreed_on: level.agreedOn,
        next_reassessment_on: level.nextReassessmentOn,
        recorded_by: this.db.actor.userId,
      },
      { action: 'risk.agree', details: { level: level.level, nextOn: level.nextReassessmentOn } },
    );
    return row.id;
  }

  /** The agreed level sets the next reassessment and answers the one a critical event made due. */
  async scheduleReassessment(jointCaseId: string, nextOn: string): Promise<void> {
    await this.db.update(
      'joint_case',
      (eb) => eb('id', '=', jointCaseId),
      { reassessment_due_since: null, next_reassessment_on: nextOn },
      { action: 'risk.reassessment_scheduled', details: { nextOn } },
    );
  }

  /** The proposal to lower the level that awaits the other side, if any. */
  async pendingProposal(jointCaseId: string) {
    const row = await this.db.query
      .selectFrom('agreed_level_proposal')
      .select([
        'id',
        'level',
        'from_level',
        'rationale_enc',
        'pp_response_id',
        'vss_response_id',
        'proposed_on',
        'proposed_by',
        'proposed_side',
      ])
      .where('joint_case_id', '=', jointCaseId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (!row) return undefined;
    const { rationale_enc, ...rest } = row;
    return { ...rest, rationale: this.cipher.decrypt(rationale_enc) };
  }

  async insertProposal(proposal: NewProposal): Promise<string> {
    const row = await this.db.insertOne(
      'agreed_level_proposal',
      {
        joint_case_id: proposal.jointCaseId,
        level: proposal.level,
        from_level: proposal.fromLevel,
        rationale_enc: this.cipher.encrypt(proposal.rationale),
        pp_response_id: proposal.ppResponseId,
        vss_response_id: proposal.vssResponseId,
        proposed_on: proposal.proposedOn,
        proposed_by: this.db.actor.userId,
        proposed_side: proposal.proposedSide,
      },
      { action: 'risk.lowering_proposed', details: { level: proposal.level, from: proposal.fromLevel } },
    );
    return row.id;
  }

  /** Closes the pending proposal of a case: confirmed (with the level it became) or superseded. */
  async decideProposal(
    jointCaseId: string,
    decidedAt: Date,
    decision: { status: 'confirmed'; agreedLevelId: string } | { status: 'superseded' },
  ) {
    await this.db.update(
      'agreed_level_proposal',
      (eb) => eb.and([eb('joint_case_id', '=', jointCaseId), eb('status', '=', 'pending')]),
      {
        status: decision.status,
        decided_by: this.db.actor.userId,
        decided_at: decidedAt,
        agreed_level_id: decision.status === 'confirmed' ? decision.agreedLevelId : null,
      },
      { action: decision.status === 'confirmed' ? 'risk.lowering_confirmed' : 'risk.lowering_superseded' },
    );
  }
}
