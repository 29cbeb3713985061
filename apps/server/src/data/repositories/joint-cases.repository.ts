import { type Insertable, sql, type Updateable } from 'kysely';
import type { DB } from '../../db/schema.generated.js';
import type { FieldCipher } from '../../security/field-encryption.js';
import { keysetPage } from '../keyset.js';
import type { ScopedDb } from '../scoped-db.js';

/** A case event as its recorder writes it: the text in clear, encrypted on the way in. */
export type NewCaseEvent = Omit<Insertable<DB['case_event']>, 'description_enc' | 'with_whom_enc'> & {
  description: string;
  withWhom?: string;
};

export interface JointCaseListFilter {
  limit: number;
  cursor?: string | undefined;
  /** Only the cases this user is named on (a case manager or the partner-contact worker). */
  namedUserId?: string;
  reassessmentDue?: boolean;
}

/**
 * The joint case (docs/domain.md, "The joint case"): the case row, the case-level agreement it
 * is opened under, its critical events and informal contacts, and the facts its workflows
 * check (named staff, what was shared with the reader, what has been done at the programme's
 * end, the partners awaiting first contact). Plain table access through the scoped handle: the
 * policy decides every row and column; the workflows are in services/joint-case/.
 */
export class JointCasesRepository {
  constructor(
    private readonly db: ScopedDb,
    private readonly cipher: FieldCipher,
  ) {}

  /** The joint cases the actor may see that name these people (him or her). */
  async casesOfPeople(personIds: readonly string[]) {
    if (personIds.length === 0) return [];
    return this.db.query
      .selectFrom('joint_case')
      .innerJoin('pp_episode', 'pp_episode.id', 'joint_case.pp_episode_id')
      .select(['joint_case.id', 'joint_case.partner_person_id', 'pp_episode.person_id'])
      .where((eb) =>
        eb.or([
          eb('joint_case.partner_person_id', 'in', [...personIds]),
          eb('pp_episode.person_id', 'in', [...personIds]),
        ]),
      )
      .execute();
  }

  async find(id: string) {
    return this.db.query.selectFrom('joint_case').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The joint cases of his episode the actor may see. */
  async casesOfEpisode(episodeId: string) {
    return this.db.query
      .selectFrom('joint_case')
      .select(['id', 'status'])
      .where('pp_episode_id', '=', episodeId)
      .execute();
  }

  /** The case for this man's episode and this woman, if the actor may see it. */
  async findByPair(ppEpisodeId: string, partnerPersonId: string) {
    return this.db.query
      .selectFrom('joint_case')
      .select('id')
      .where('pp_episode_id', '=', ppEpisodeId)
      .where('partner_person_id', '=', partnerPersonId)
      .executeTakeFirst();
  }

  /** Newest first, by keyset (created_at, id). */
  async list(filter: JointCaseListFilter) {
    const cases = this.db.query
      .selectFrom('joint_case')
      .select(['id', 'case_number', 'status', 'reassessment_due_since', 'created_at'])
      .$if(filter.namedUserId !== undefined, (qb) =>
        qb.where((eb) =>
          eb.or([
            eb('pp_case_manager_id', '=', filter.namedUserId!),
            eb('vss_case_manager_id', '=', filter.namedUserId!),
            eb('partner_contact_worker_id', '=', filter.namedUserId!),
          ]),
        ),
      )
      .$if(filter.reassessmentDue === true, (qb) => qb.where('reassessment_due_since', 'is not', null));
    return keysetPage(cases, filter, {
      by: ['created_at', 'id'],
      direction: 'desc',
      key: (row) => [new Date(row.created_at).toISOString(), row.id],
      parse: ([createdAt, id]) => [new Date(String(createdAt)), String(id)],
    });
  }

  /** The next number of the network-wide sequence (a sequence, not a table: no policy applies). */
  async nextCaseNumber(year: string): Promise<string> {
    const result = await sql<{ n: string }>`SELECT nextval('joint_case_number_seq')::text AS n`.execute(
      this.db.query,
    );
    return `TND-${year}-${result.rows[0]!.n.padStart(6, '0')}`;
  }

  async insertAgreement(values: Insertable<DB['agreement']>) {
    return this.db.insertOne('agreement', values, {
      action: 'agreement.create',
      details: { level: values.level },
    });
  }

  async insertAgreementParties(values: Insertable<DB['agreement_party']>[]) {
    await this.db.insert('agreement_party', values, { action: 'agreement.party_add' });
  }

  /** The case-level agreement belongs to the case it was drawn up with. */
  async linkAgreement(agreementId: string, jointCaseId: string) {
    await this.db.update(
      'agreement',
      (eb) => eb('id', '=', agreementId),
      { joint_case_id: jointCaseId },
      {
        action: 'agreement.update',
        details: { fields: ['joint_case_id'] },
      },
    );
  }

  async insert(values: Insertable<DB['joint_case']>, basis: Record<string, unknown>) {
    return this.db.insertOne('joint_case', values, {
      action: 'joint_case.create',
      basis,
      details: { caseNumber: values.case_number, ppEpisodeId: values.pp_episode_id },
    });
  }

  async close(id: string, closing: { closedOn: string; closedBy: string; reason: string | null }) {
    const set: Updateable<DB['joint_case']> = {
      status: 'closed',
      closed_on: closing.closedOn,
      closed_by: closing.closedBy,
      closing_reason_enc: closing.reason === null ? null : this.cipher.encrypt(closing.reason),
    };
    const rows = await this.db.update(
      'joint_case',
      (eb) => eb('id', '=', id).and('status', '=', 'open'),
      set,
      {
        action: 'joint_case.close',
        details: { withReason: closing.reason !== null },
      },
    );
    return rows.length > 0;
  }

  /** Case events oldest first, with what was written (encrypted) and who recorded them (where the actor may read it). */
  private events() {
    return this.db.query
      .selectFrom('case_event')
      .leftJoin('app_user', 'app_user.id', 'case_event.recorded_by')
      .select([
        'case_event.id',
        'case_event.occurred_on',
        'case_event.description_enc',
        'app_user.display_name',
      ])
      .orderBy('case_event.occurred_on')
      .orderBy('case_event.created_at');
  }

  /** Critical events of his episode. */
  async criticalEvents(episodeId: string) {
    const rows = await this.events()
      .select([
        'case_event.kind',
        'case_event.source',
        'case_event.owner_side',
        'case_event.trigger_id',
        'case_event.trigger_facts',
      ])
      .where('case_event.episode_id', '=', episodeId)
      .where('case_event.event_type', '=', 'critical')
      .execute();
    return rows.map(({ description_enc, ...row }) => ({
      ...row,
      description: this.decrypt(description_enc) ?? '',
    }));
  }

  async informalContacts(jointCaseId: string) {
    const rows = await this.events()
      .select('case_event.with_whom_enc')
      .where('case_event.joint_case_id', '=', jointCaseId)
      .where('case_event.event_type', '=', 'informal_contact')
      .execute();
    return rows.map(({ description_enc, with_whom_enc, ...row }) => ({
      ...row,
      description: this.decrypt(description_enc) ?? '',
      withWhom: this.decrypt(with_whom_enc) ?? '',
    }));
  }

  /** A critical event or an informal contact; what was written is encrypted at rest. */
  async insertEvent(event: NewCaseEvent) {
    const { description, withWhom, ...values } = event;
    return this.db.insertOne(
      'case_event',
      {
        ...values,
        description_enc: this.cipher.encrypt(description),
        with_whom_enc: withWhom === undefined ? null : this.cipher.encrypt(withWhom),
      },
      {
        action: values.event_type === 'critical' ? 'case_event.critical' : 'case_event.informal_contact',
        ...(values.kind && { details: { kind: values.kind } }),
      },
    );
  }

  /** Staff accounts as colleagues read them (name, agency, roles, whether active). */
  async staff(userIds: readonly string[]) {
    if (userIds.length === 0) return [];
    return this.db.query
      .selectFrom('app_user')
      .select(['id', 'display_name', 'agency_id', 'roles', 'active'])
      .where('id', 'in', [...userIds])
      .execute();
  }

  /**
   * What was shared of hers with this recipient in this case. The policy hides a share whose
   * basis (her consent, the agreement, the open case) has ended.
   */
  async sharesReceived(jointCaseId: string, recipient: { agencyId: string; side: string }) {
    const rows = await this.db.query
      .selectFrom('shared_item')
      .select(['id', 'shared_at', 'content_enc', 'source_protected', 'consent_id', 'agreement_id'])
      .where('joint_case_id', '=', jointCaseId)
      .where('recipient_agency_id', '=', recipient.agencyId)
      .where('recipient_side', '=', recipient.side)
      .orderBy('shared_at')
      .execute();
    return rows.map(({ content_enc, ...row }) => ({ ...row, content: this.cipher.decrypt(content_enc) }));
  }

  /** What has been done for the case since a date: agreed levels and risk checklists, T3 questionnaires by side. */
  async closingRecords(jointCaseId: string, since: string) {
    const [agreed, checklists, finals] = await Promise.all([
      this.db.query
        .selectFrom('agreed_risk_level')
        .select('id')
        .where('joint_case_id', '=', jointCaseId)
        .where('agreed_on', '>=', since)
        .executeTakeFirst(),
      this.db.query
        .selectFrom('instrument_response')
        .select('id')
        .where('joint_case_id', '=', jointCaseId)
        .where('instrument_kind', '=', 'risk_checklist')
        .where('completed_on', '>=', since)
        .executeTakeFirst(),
      this.db.query
        .selectFrom('instrument_response')
        .select('owner_side')
        .where('joint_case_id', '=', jointCaseId)
        .where('instrument_kind', '=', 'questionnaire')
        .where('timepoint', '=', 'T3')
        .execute(),
    ]);
    return {
      riskAssessed: agreed !== undefined || checklists !== undefined,
      finalQuestionnaireSides: [...new Set(finals.map((row) => row.owner_side))],
    };
  }

  /** Partners named to this service who have had no partner contact logged for that episode yet. */
  async referralsAwaitingContact(agencyId: string) {
    return this.db.query
      .selectFrom('partner_referral')
      .innerJoin('person', 'person.id', 'partner_referral.partner_person_id')
      .select([
        'partner_referral.id',
        'partner_referral.episode_id',
        'partner_referral.partner_person_id',
        'partner_referral.relationship',
        'partner_referral.created_at',
        'person.first_name',
        'person.last_name',
      ])
      .where('partner_referral.partner_contact_agency_id', '=', agencyId)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('partner_contact')
              .select('partner_contact.id')
              .whereRef('partner_contact.episode_id', '=', 'partner_referral.episode_id')
              .whereRef('partner_contact.partner_person_id', '=', 'partner_referral.partner_person_id'),
          ),
        ),
      )
      .orderBy('partner_referral.created_at')
      .execute();
  }

  private decrypt(value: string | null): string | null {
    return value === null ? null : this.cipher.decrypt(value);
  }
}
