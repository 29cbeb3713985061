import type { ConsentScope, ContactPreferences, ContactSafetyConcernView } from '@tandem/shared';
import type { FieldCipher } from '../../security/field-encryption.js';
import type { ScopedDb } from '../scoped-db.js';
import {
  CONSENT_COLUMNS,
  type ConsentRecord,
  type ConsentRow,
  contactDetails,
  EPISODE_COLUMNS,
  type NewPartnerContact,
  type PartnerContactRecord,
  type SupportEpisodeRecord,
  type SupportEpisodeRow,
  toConsent,
  toPartnerContact,
  toSupportEpisode,
} from './victim-file.records.js';

export type { ConsentRecord, PartnerContactRecord, SupportEpisodeRecord } from './victim-file.records.js';

/**
 * Her file on the victim side (docs/domain.md, "Partner contact", information-flow rules 2 and 4):
 * support episodes, consent per scope, how she may be contacted, the partner-contact log (what
 * she disclosed and what of it was shared: disclosures.repository.ts). Plain access through the
 * scoped handle: the policy decides which rows and columns the actor reaches. Her free text is
 * encrypted at rest and decrypted here (victim-file.records.ts); the workflows are in
 * services/victim-file/.
 */
export class VictimFileRepository {
  constructor(
    private readonly db: ScopedDb,
    private readonly cipher: FieldCipher,
  ) {}

  // Support episodes.

  /** One support episode, as stored (her support text left encrypted: the checks on it need none). */
  async supportEpisode(id: string) {
    return this.db.query
      .selectFrom('vss_episode')
      .select(['id', 'person_id', 'agency_id', 'intake_date', 'status', 'case_manager_id'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async supportEpisodesOf(personId: string): Promise<SupportEpisodeRecord[]> {
    const rows = await this.db.query
      .selectFrom('vss_episode')
      .select(EPISODE_COLUMNS)
      .where('person_id', '=', personId)
      .orderBy('intake_date')
      .orderBy('id')
      .execute();
    return rows.map((row) => toSupportEpisode(this.cipher, row));
  }

  async insertSupportEpisode(episode: {
    personId: string;
    agencyId: string;
    intakeDate: string;
    supportGiven: string | null;
    caseManagerId: string;
  }): Promise<SupportEpisodeRecord> {
    const row = await this.db.insertOne(
      'vss_episode',
      {
        person_id: episode.personId,
        agency_id: episode.agencyId,
        intake_date: episode.intakeDate,
        support_given_enc: this.encryptOrNull(episode.supportGiven),
        case_manager_id: episode.caseManagerId,
      },
      { action: 'vss_episode.open' },
    );
    return toSupportEpisode(this.cipher, row as SupportEpisodeRow);
  }

  async closeSupportEpisode(id: string): Promise<boolean> {
    const rows = await this.db.update(
      'vss_episode',
      (eb) => eb('id', '=', id),
      { status: 'closed' },
      { action: 'vss_episode.close' },
    );
    return rows.length > 0;
  }

  // Consents.

  private consents() {
    return this.db.query.selectFrom('consent').select(CONSENT_COLUMNS);
  }

  async consent(id: string): Promise<ConsentRecord | null> {
    const row = await this.consents().where('id', '=', id).executeTakeFirst();
    return row ? toConsent(this.cipher, row) : null;
  }

  async consentsOf(personId: string): Promise<ConsentRecord[]> {
    const rows = await this.consents()
      .where('person_id', '=', personId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => toConsent(this.cipher, row));
  }

  /** Her consents for one scope and recipient (null = the programme of her joint case), newest first. */
  async consentsFor(
    personId: string,
    scope: ConsentScope,
    recipientAgencyId: string | null,
  ): Promise<ConsentRecord[]> {
    const rows = await this.consents()
      .where('person_id', '=', personId)
      .where('scope', '=', scope)
      .where('recipient_agency_id', recipientAgencyId === null ? 'is' : '=', recipientAgencyId)
      .orderBy('given_on', 'desc')
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((row) => toConsent(this.cipher, row));
  }

  async insertConsent(consent: {
    personId: string;
    ownerAgencyId: string;
    scope: ConsentScope;
    recipientAgencyId: string | null;
    givenOn: string;
    note: string | null;
  }): Promise<ConsentRecord> {
    const row = await this.db.insertOne(
      'consent',
      {
        person_id: consent.personId,
        owner_agency_id: consent.ownerAgencyId,
        scope: consent.scope,
        recipient_agency_id: consent.recipientAgencyId,
        given_on: consent.givenOn,
        note_enc: this.encryptOrNull(consent.note),
        recorded_by: this.db.actor.userId,
      },
      {
        action: 'consent.give',
        details: { scope: consent.scope, recipientAgencyId: consent.recipientAgencyId },
      },
    );
    return toConsent(this.cipher, row as ConsentRow);
  }

  /** Revokes a consent still in force; null when there is none the actor may revoke. */
  async revokeConsent(id: string, revokedOn: string, note: string | undefined, scope: ConsentScope) {
    const [row] = await this.db.update(
      'consent',
      (eb) => eb.and([eb('id', '=', id), eb('revoked_on', 'is', null)]),
      { revoked_on: revokedOn, ...(note !== undefined && { note_enc: this.cipher.encrypt(note) }) },
      { action: 'consent.revoke', details: { scope } },
    );
    return row ? toConsent(this.cipher, row as ConsentRow) : null;
  }

  // How she may be contacted.

  async contactPreferences(personId: string): Promise<ContactPreferences | null> {
    const row = await this.db.query
      .selectFrom('contact_preference')
      .select(['safe_channel', 'may_leave_message', 'details_enc'])
      .where('person_id', '=', personId)
      .executeTakeFirst();
    if (!row) return null;
    return {
      safeChannel: row.safe_channel as ContactPreferences['safeChannel'],
      mayLeaveMessage: row.may_leave_message,
      ...contactDetails(this.cipher, row.details_enc),
    };
  }

  async saveContactPreferences(
    personId: string,
    ownerAgencyId: string,
    preferences: ContactPreferences,
    at: Date,
  ) {
    const values = {
      safe_channel: preferences.safeChannel,
      may_leave_message: preferences.mayLeaveMessage,
      details_enc: this.cipher.encrypt(
        JSON.stringify({
          safeTimes: preferences.safeTimes,
          codeWord: preferences.codeWord,
          notes: preferences.notes,
        }),
      ),
      updated_by: this.db.actor.userId,
      updated_at: at,
    };
    const audit = { action: 'contact_preference.set', details: { safeChannel: preferences.safeChannel } };
    const updated = await this.db.update(
      'contact_preference',
      (eb) => eb('person_id', '=', personId),
      values,
      audit,
    );
    if (updated.length > 0) return;
    await this.db.insert(
      'contact_preference',
      { person_id: personId, owner_agency_id: ownerAgencyId, ...values },
      audit,
    );
  }

  // The partner-contact log.

  async partnerContactsOf(personId: string, episodeId?: string): Promise<PartnerContactRecord[]> {
    const rows = await this.db.query
      .selectFrom('partner_contact as pc')
      .leftJoin('app_user as u', 'u.id', 'pc.recorded_by')
      .select([
        'pc.id',
        'pc.episode_id',
        'pc.contacted_on',
        'pc.channel',
        'pc.outcome',
        'pc.topics_covered',
        'pc.hopes_and_fears_enc',
        'pc.her_view_of_risk_enc',
        'pc.notes_enc',
        'u.display_name',
      ])
      .where('pc.partner_person_id', '=', personId)
      .$if(episodeId !== undefined, (qb) => qb.where('pc.episode_id', '=', episodeId!))
      .orderBy('pc.contacted_on')
      .orderBy('pc.created_at')
      .execute();
    return rows.map((row) => toPartnerContact(this.cipher, row));
  }

  async insertPartnerContact(contact: NewPartnerContact): Promise<string> {
    const row = await this.db.insertOne(
      'partner_contact',
      {
        partner_person_id: contact.personId,
        episode_id: contact.ppEpisodeId,
        owner_agency_id: contact.ownerAgencyId,
        contacted_on: contact.contactedOn,
        channel: contact.channel,
        outcome: contact.outcome,
        topics_covered: [...contact.topicsCovered],
        hopes_and_fears_enc: this.encryptOrNull(contact.hopesAndFears),
        her_view_of_risk_enc: this.encryptOrNull(contact.herViewOfRisk),
        notes_enc: this.encryptOrNull(contact.notes),
        recorded_by: this.db.actor.userId,
      },
      { action: 'partner_contact.log', details: { outcome: contact.outcome } },
    );
    return row.id;
  }

  // That contacting her may be unsafe (victim side only: the table's policy).

  async contactSafetyConcernsOf(personId: string): Promise<ContactSafetyConcernView[]> {
    const rows = await this.db.query
      .selectFrom('contact_safety_concern as c')
      .leftJoin('app_user as u', 'u.id', 'c.recorded_by')
      .select(['c.id', 'c.recorded_on', 'c.concern_enc', 'c.measures_enc', 'u.display_name'])
      .where('c.person_id', '=', personId)
      .orderBy('c.recorded_on')
      .orderBy('c.created_at')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      recordedOn: row.recorded_on,
      concern: this.cipher.decrypt(row.concern_enc),
      measures: this.cipher.decrypt(row.measures_enc),
      recordedBy: row.display_name ?? '',
    }));
  }

  async insertContactSafetyConcern(concern: {
    personId: string;
    ownerAgencyId: string;
    recordedOn: string;
    concern: string;
    measures: string;
  }): Promise<string> {
    const row = await this.db.insertOne(
      'contact_safety_concern',
      {
        person_id: concern.personId,
        owner_agency_id: concern.ownerAgencyId,
        recorded_on: concern.recordedOn,
        concern_enc: this.cipher.encrypt(concern.concern),
        measures_enc: this.cipher.encrypt(concern.measures),
        recorded_by: this.db.actor.userId,
      },
      { action: 'contact_safety_concern.record' },
    );
    return row.id;
  }

  /**
   * The partners named to the agency's partner contact who have no open support episode and no
   * safety plan there, with the outcome of their latest contact (the caller leaves out a woman
   * who declined). The victim-side reads go through their own policies, as everywhere.
   */
  async namedWithoutSafetyPlan(agencyId: string) {
    const rows = await this.db.query
      .selectFrom('partner_referral as r')
      .innerJoin('person as p', 'p.id', 'r.partner_person_id')
      .select([
        'r.episode_id',
        'r.partner_person_id',
        'r.relationship',
        'r.created_at',
        'p.first_name',
        'p.last_name',
        (eb) =>
          eb
            .selectFrom('partner_contact as pc')
            .select('pc.outcome')
            .whereRef('pc.partner_person_id', '=', 'r.partner_person_id')
            .orderBy('pc.contacted_on', 'desc')
            .orderBy('pc.created_at', 'desc')
            .limit(1)
            .as('latest_outcome'),
      ])
      .where('r.partner_contact_agency_id', '=', agencyId)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('vss_episode as v')
              .select('v.id')
              .whereRef('v.person_id', '=', 'r.partner_person_id')
              .where('v.status', '=', 'open'),
          ),
        ),
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('safety_plan as sp')
              .select('sp.person_id')
              .whereRef('sp.person_id', '=', 'r.partner_person_id')
              .where('sp.kind', '=', 'safety'),
          ),
        ),
      )
      .orderBy('r.created_at')
      .orderBy('r.id')
      .execute();
    return rows;
  }

  // Where she appears beyond her file.

  /**
   * The programme episodes that named her. His name and status come through only where the
   * policy lets his episode and record reach the actor (his release); elsewhere they are NULL.
   */
  async namedIn(personId: string) {
    return this.db.query
      .selectFrom('partner_referral as r')
      .leftJoin('pp_episode as e', 'e.id', 'r.episode_id')
      .leftJoin('person as him', 'him.id', 'e.person_id')
      .select([
        'r.episode_id',
        'r.relationship',
        'r.created_at',
        'e.status',
        'him.first_name',
        'him.last_name',
      ])
      .where('r.partner_person_id', '=', personId)
      .orderBy('r.created_at')
      .orderBy('r.id')
      .execute();
  }

  /** Her joint cases the actor may see. */
  async jointCasesOf(personId: string) {
    return this.db.query
      .selectFrom('joint_case')
      .select(['id', 'case_number', 'status'])
      .where('partner_person_id', '=', personId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  private encryptOrNull(text: string | null | undefined): string | null {
    return text ? this.cipher.encrypt(text) : null;
  }
}
