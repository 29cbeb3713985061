import type { Insertable } from 'kysely';
import type { DB } from '../../db/schema.generated.js';
import type { FieldCipher } from '../../security/field-encryption.js';
import type { ScopedDb } from '../scoped-db.js';

/**
 * What she disclosed on the victim side, and what of it was shared (docs/domain.md,
 * information-flow rule 4), with the facts a share rests on. Plain access through the scoped
 * handle; the content is encrypted at rest and decrypted here. The workflow is
 * services/victim-file/disclosures.service.ts.
 */
export class DisclosuresRepository {
  constructor(
    private readonly db: ScopedDb,
    private readonly cipher: FieldCipher,
  ) {}

  async disclosure(id: string) {
    return this.db.query
      .selectFrom('disclosure')
      .select(['id', 'person_id', 'owner_agency_id', 'content_enc'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Her disclosures, decrypted, each with the number of shares made of it. */
  async disclosuresOf(personId: string) {
    const rows = await this.db.query
      .selectFrom('disclosure as d')
      .select(['d.id', 'd.disclosed_on', 'd.content_enc'])
      .select((eb) =>
        eb
          .selectFrom('shared_item as s')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('s.disclosure_id', '=', 'd.id')
          .as('shared_count'),
      )
      .where('d.person_id', '=', personId)
      .orderBy('d.disclosed_on')
      .orderBy('d.created_at')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      disclosedOn: row.disclosed_on,
      content: this.cipher.decrypt(row.content_enc),
      sharedCount: Number(row.shared_count ?? 0),
    }));
  }

  async insertDisclosure(disclosure: {
    personId: string;
    ownerAgencyId: string;
    disclosedOn: string;
    content: string;
  }) {
    const row = await this.db.insertOne(
      'disclosure',
      {
        person_id: disclosure.personId,
        owner_agency_id: disclosure.ownerAgencyId,
        disclosed_on: disclosure.disclosedOn,
        content_enc: this.cipher.encrypt(disclosure.content),
        recorded_by: this.db.actor.userId,
      },
      { action: 'disclosure.record' },
    );
    return row.id;
  }

  /**
   * What a share within one of her joint cases would rest on: the case (its programme, status
   * and agreement), the agreement's dates and her consent to the joint case.
   */
  async shareBasis(jointCaseId: string, personId: string) {
    return this.db.query
      .selectFrom('joint_case as jc')
      .innerJoin('agreement as a', 'a.id', 'jc.agreement_id')
      .leftJoin('consent as c', 'c.id', 'jc.consent_id')
      .select([
        'jc.id',
        'jc.pp_agency_id',
        'jc.agreement_id',
        'jc.status',
        'a.valid_from',
        'a.valid_to',
        'c.id as consent_id',
        'c.given_on as consent_given_on',
        'c.revoked_on as consent_revoked_on',
      ])
      .where('jc.id', '=', jointCaseId)
      .where('jc.partner_person_id', '=', personId)
      .executeTakeFirst();
  }

  async isAgreementParty(agreementId: string, agencyId: string): Promise<boolean> {
    const row = await this.db.query
      .selectFrom('agreement_party')
      .select('agency_id')
      .where('agreement_id', '=', agreementId)
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async insertSharedItem(
    values: Omit<Insertable<DB['shared_item']>, 'basis' | 'shared_by'>,
    basis: { agreementId: string; consentId: string; jointCaseId: string },
  ): Promise<string> {
    const row = await this.db.insertOne(
      'shared_item',
      { ...values, basis: JSON.stringify(basis), shared_by: this.db.actor.userId },
      {
        action: 'disclosure.share',
        basis,
        details: {
          recipientAgencyId: values.recipient_agency_id,
          recipientSide: values.recipient_side,
          sourceProtected: values.source_protected,
        },
      },
    );
    return row.id;
  }
}
