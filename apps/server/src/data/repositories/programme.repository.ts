import type { InformationKind, PpStatus } from '@tandem/shared';
import type { Insertable, Updateable } from 'kysely';
import type { DB } from '../../db/schema.generated.js';
import type { FieldCipher } from '../../security/field-encryption.js';
import { keysetPage } from '../keyset.js';
import type { ScopedDb } from '../scoped-db.js';

/**
 * His programme episode and what belongs to it: the status history, attendance, his release
 * and the partners he named. Plain table access through the scoped handle; the workflows
 * (referral, status machine, release) are in services/programme/.
 */
export class ProgrammeRepository {
  constructor(
    private readonly db: ScopedDb,
    private readonly cipher: FieldCipher,
  ) {}

  async find(id: string) {
    return this.db.query.selectFrom('pp_episode').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Newest referrals first, by keyset (referral date, id) so deep pages cost the same as the first. */
  async list(query: { limit: number; cursor?: string | undefined; status?: PpStatus | undefined }) {
    const episodes = this.db.query
      .selectFrom('pp_episode')
      .innerJoin('person', 'person.id', 'pp_episode.person_id')
      .select([
        'pp_episode.id',
        'pp_episode.status',
        'pp_episode.pathway',
        'pp_episode.referral_date',
        'person.first_name',
        'person.last_name',
      ])
      .$if(query.status !== undefined, (qb) => qb.where('pp_episode.status', '=', query.status!));
    return keysetPage(episodes, query, {
      by: ['pp_episode.referral_date', 'pp_episode.id'],
      direction: 'desc',
      key: (row) => [row.referral_date, row.id],
    });
  }

  async insert(values: Insertable<DB['pp_episode']>) {
    return this.db.insertOne('pp_episode', values, {
      action: 'pp_episode.refer',
      details: { pathway: values.pathway },
    });
  }

  async update(id: string, set: Updateable<DB['pp_episode']>, action: string) {
    const rows = await this.db.update('pp_episode', (eb) => eb('id', '=', id), set, {
      action,
      details: { fields: Object.keys(set) },
    });
    return rows.length > 0;
  }

  async statusHistory(episodeId: string) {
    return this.db.query
      .selectFrom('pp_status_change as c')
      .innerJoin('app_user as u', 'u.id', 'c.changed_by')
      .select(['c.from_status', 'c.to_status', 'c.changed_on', 'c.reason', 'u.display_name'])
      .where('c.episode_id', '=', episodeId)
      .orderBy('c.created_at')
      .execute();
  }

  /** The dates the IMPACT schedule follows: when he became active, when the programme ended. */
  async statusDates(episodeId: string) {
    return this.db.query
      .selectFrom('pp_status_change')
      .select(['to_status', 'changed_on'])
      .where('episode_id', '=', episodeId)
      .orderBy('created_at')
      .execute();
  }

  async insertStatusChange(values: Insertable<DB['pp_status_change']>) {
    await this.db.insert('pp_status_change', values, {
      action: 'pp_episode.status',
      details: { from: values.from_status ?? null, to: values.to_status },
    });
  }

  async attendance(episodeId: string) {
    return this.db.query
      .selectFrom('attendance')
      .selectAll()
      .where('episode_id', '=', episodeId)
      .orderBy('session_date')
      .execute();
  }

  async hasAttendance(episodeId: string, sessionDate: string): Promise<boolean> {
    const row = await this.db.query
      .selectFrom('attendance')
      .select('id')
      .where('episode_id', '=', episodeId)
      .where('session_date', '=', sessionDate)
      .executeTakeFirst();
    return row !== undefined;
  }

  async insertAttendance(values: Insertable<DB['attendance']>) {
    await this.db.insert('attendance', values, {
      action: 'pp_episode.attendance',
      details: { status: values.status },
    });
  }

  /** His release, with the reason it names no partner decrypted (free text about him). */
  async release(episodeId: string) {
    const row = await this.db.query
      .selectFrom('release_of_information')
      .selectAll()
      .where('episode_id', '=', episodeId)
      .executeTakeFirst();
    if (!row) return undefined;
    const { no_partners_reason_enc, ...rest } = row;
    return {
      ...rest,
      no_partners_reason:
        no_partners_reason_enc === null ? null : this.cipher.decrypt(no_partners_reason_enc),
    };
  }

  async saveRelease(
    episodeId: string,
    release: { signedOn: string; scope: InformationKind[]; noPartnersReason: string | null },
  ) {
    const changed = await this.db.update(
      'release_of_information',
      (eb) => eb('episode_id', '=', episodeId),
      {
        signed_on: release.signedOn,
        scope: release.scope,
        no_partners_reason_enc: this.encryptReason(release),
      },
      { action: 'pp_episode.release', details: { scope: release.scope } },
    );
    if (changed.length > 0) return;
    await this.db.insert(
      'release_of_information',
      {
        episode_id: episodeId,
        signed_on: release.signedOn,
        scope: release.scope,
        no_partners_reason_enc: this.encryptReason(release),
        recorded_by: this.db.actor.userId,
      },
      { action: 'pp_episode.release', details: { scope: release.scope } },
    );
  }

  private encryptReason(release: { noPartnersReason: string | null }): string | null {
    return release.noPartnersReason === null ? null : this.cipher.encrypt(release.noPartnersReason);
  }

  /** The partners he named: the programme reads labels; the link to her record is the victim side's. */
  async partnerReferrals(episodeId: string) {
    return this.db.query
      .selectFrom('partner_referral')
      .selectAll()
      .where('episode_id', '=', episodeId)
      .orderBy('created_at')
      .execute();
  }

  async referralCount(episodeId: string): Promise<number> {
    const row = await this.db.query
      .selectFrom('partner_referral')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('episode_id', '=', episodeId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insertReferral(values: Insertable<DB['partner_referral']>, basis: Record<string, unknown>) {
    return this.db.insertOne('partner_referral', values, {
      action: 'partner.referred_for_contact',
      basis,
      details: { toAgencyId: values.partner_contact_agency_id },
    });
  }

  /** Her referral in this episode, if the actor may see it (the victim side that contacts her). */
  async referralOf(episodeId: string, partnerPersonId: string) {
    return this.db.query
      .selectFrom('partner_referral')
      .select(['id', 'partner_contact_agency_id'])
      .where('episode_id', '=', episodeId)
      .where('partner_person_id', '=', partnerPersonId)
      .executeTakeFirst();
  }

  /** The episodes of these people the actor may see (search results link to them). */
  async episodesOf(personIds: readonly string[]) {
    if (personIds.length === 0) return [];
    return this.db.query
      .selectFrom('pp_episode')
      .select(['id', 'person_id'])
      .where('person_id', 'in', [...personIds])
      .execute();
  }

  /** When each of these episodes became active and when it ended (set-based, for the due list). */
  async statusDatesOf(episodeIds: readonly string[]) {
    if (episodeIds.length === 0) return [];
    return this.db.query
      .selectFrom('pp_status_change')
      .select(['episode_id', 'to_status', 'changed_on'])
      .where('episode_id', 'in', [...episodeIds])
      .where('to_status', 'in', ['active', 'completed', 'dropped_out', 'excluded'])
      .orderBy('created_at')
      .execute();
  }
}
