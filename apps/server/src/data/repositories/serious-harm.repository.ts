import type { Insertable } from 'kysely';
import type { DB } from '../../db/schema.generated.js';
import type { FieldCipher } from '../../security/field-encryption.js';
import type { ScopedDb } from '../scoped-db.js';

export type NewSeriousHarmShare = Omit<
  Insertable<DB['serious_harm_share']>,
  'reason_enc' | 'content_enc' | 'recorded_by' | 'status' | 'telling_status'
> & { reason: string; content: string };

/**
 * Serious-harm shares of her information and the admin's reviews of them (docs/domain.md,
 * information-flow rule 4). Plain access through the scoped handle: the policy decides who reads
 * which rows and columns (policy/serious-harm.policy.ts) — a masked column reads as NULL and
 * decrypts to null here. The workflow is services/victim-file/serious-harm.service.ts.
 */
export class SeriousHarmRepository {
  constructor(
    private readonly db: ScopedDb,
    private readonly cipher: FieldCipher,
  ) {}

  private decrypt(value: string | null): string | null {
    return value === null ? null : this.cipher.decrypt(value);
  }

  /** The rows the actor may read, with the names of the agencies and people involved. */
  private shares() {
    return this.db.query
      .selectFrom('serious_harm_share as s')
      .innerJoin('agency as recipient', 'recipient.id', 's.recipient_agency_id')
      .innerJoin('agency as owner', 'owner.id', 's.owner_agency_id')
      .leftJoin('app_user as recorder', 'recorder.id', 's.recorded_by')
      .leftJoin('app_user as decider', 'decider.id', 's.decided_by')
      .leftJoin('serious_harm_review as r', 'r.share_id', 's.id')
      .leftJoin('app_user as reviewer', 'reviewer.id', 'r.reviewed_by')
      .selectAll('s')
      .select([
        'recipient.name as recipient_agency_name',
        'owner.name as owner_agency_name',
        'recorder.display_name as recorded_by_name',
        'decider.display_name as decided_by_name',
        'r.outcome as review_outcome',
        'r.note_enc as review_note_enc',
        'r.reviewed_on',
        'reviewer.display_name as reviewed_by_name',
      ]);
  }

  private async decrypted(rows: Awaited<ReturnType<ReturnType<SeriousHarmRepository['shares']>['execute']>>) {
    return rows.map((row) => ({
      ...row,
      reason: this.decrypt(row.reason_enc),
      content: this.decrypt(row.content_enc),
      decision_note: this.decrypt(row.decision_note_enc),
      postponed_reason: this.decrypt(row.postponed_reason_enc),
      review_note: this.decrypt(row.review_note_enc),
    }));
  }

  async ofPerson(personId: string) {
    const rows = await this.shares()
      .where('s.person_id', '=', personId)
      .orderBy('s.recorded_on', 'desc')
      .orderBy('s.created_at', 'desc')
      .execute();
    return this.decrypted(rows);
  }

  async find(id: string) {
    const rows = await this.shares().where('s.id', '=', id).execute();
    return (await this.decrypted(rows))[0];
  }

  /** Shares with the actor's agency: the policy leaves only those it may read today. */
  async receivedBy(agencyId: string) {
    const rows = await this.shares()
      .where('s.recipient_agency_id', '=', agencyId)
      .orderBy('s.decided_on', 'desc')
      .execute();
    return this.decrypted(rows);
  }

  /** Every share of a service, for its admin's review (the content and notes read as NULL for the admin). */
  async ofService(agencyId: string) {
    const rows = await this.shares()
      .where('s.owner_agency_id', '=', agencyId)
      .orderBy('s.recorded_on', 'desc')
      .orderBy('s.created_at', 'desc')
      .execute();
    return this.decrypted(rows);
  }

  /**
   * Her case managers' open tasks at a service: a colleague's share awaiting a decision, or her
   * being told (not yet, or postponed and its date to reconsider reached).
   */
  async tasksAt(agencyId: string, today: string) {
    return this.db.query
      .selectFrom('serious_harm_share as s')
      .innerJoin('person as p', 'p.id', 's.person_id')
      .select([
        's.id',
        's.person_id',
        's.recorded_by',
        's.recorded_on',
        's.status',
        's.telling_status',
        's.telling_review_on',
        'p.first_name',
        'p.last_name',
      ])
      .where('s.owner_agency_id', '=', agencyId)
      .where((eb) =>
        eb.or([
          eb('s.status', '=', 'proposed'),
          eb.and([eb('s.status', '=', 'authorised'), eb('s.telling_status', '=', 'pending')]),
          eb.and([
            eb('s.status', '=', 'authorised'),
            eb('s.telling_status', '=', 'postponed'),
            eb('s.telling_review_on', '<=', today),
          ]),
        ]),
      )
      .orderBy('s.recorded_on')
      .execute();
  }

  async insertShare(share: NewSeriousHarmShare): Promise<string> {
    const { reason, content, ...values } = share;
    const row = await this.db.insertOne(
      'serious_harm_share',
      {
        ...values,
        reason_enc: this.cipher.encrypt(reason),
        content_enc: this.cipher.encrypt(content),
        recorded_by: this.db.actor.userId,
      },
      {
        action: 'serious_harm.propose',
        basis: { lawfulBasis: values.lawful_basis, legalReference: values.legal_reference },
        details: { recipientAgencyId: values.recipient_agency_id, recipientSide: values.recipient_side },
      },
    );
    return row.id;
  }

  /**
   * The second case manager's decision. Only a share still awaiting one is decided: a second
   * decision racing the first finds no row (false).
   */
  async decide(id: string, decision: { status: 'authorised' | 'declined'; on: string; note?: string }) {
    const rows = await this.db.update(
      'serious_harm_share',
      (eb) => eb.and([eb('id', '=', id), eb('status', '=', 'proposed')]),
      {
        status: decision.status,
        decided_by: this.db.actor.userId,
        decided_on: decision.on,
        decision_note_enc: decision.note ? this.cipher.encrypt(decision.note) : null,
      },
      { action: `serious_harm.${decision.status === 'authorised' ? 'authorise' : 'decline'}` },
    );
    return rows.length === 1;
  }

  /** That she was told, or why not yet and when to reconsider (an authorised share only). */
  async recordTelling(
    id: string,
    telling: { told: string } | { postponedReason: string; reviewOn: string },
  ): Promise<boolean> {
    const set =
      'told' in telling
        ? {
            telling_status: 'told',
            told_on: telling.told,
            postponed_reason_enc: null,
            telling_review_on: null,
          }
        : {
            telling_status: 'postponed',
            told_on: null,
            postponed_reason_enc: this.cipher.encrypt(telling.postponedReason),
            telling_review_on: telling.reviewOn,
          };
    const rows = await this.db.update(
      'serious_harm_share',
      (eb) => eb.and([eb('id', '=', id), eb('status', '=', 'authorised')]),
      set,
      { action: 'serious_harm.telling', details: { telling: set.telling_status } },
    );
    return rows.length === 1;
  }

  async upsertReview(review: {
    shareId: string;
    ownerAgencyId: string;
    outcome: 'appropriate' | 'concerns';
    note: string | undefined;
    reviewedOn: string;
  }): Promise<void> {
    const values = {
      outcome: review.outcome,
      note_enc: review.note ? this.cipher.encrypt(review.note) : null,
      reviewed_by: this.db.actor.userId,
      reviewed_on: review.reviewedOn,
    };
    const updated = await this.db.update(
      'serious_harm_review',
      (eb) => eb('share_id', '=', review.shareId),
      values,
      { action: 'serious_harm.review' },
    );
    if (updated.length > 0) return;
    await this.db.insertOne(
      'serious_harm_review',
      { share_id: review.shareId, owner_agency_id: review.ownerAgencyId, ...values },
      { action: 'serious_harm.review' },
    );
  }
}
