import type {
  ConsentCreate,
  ConsentRevoke,
  ConsentScope,
  ConsentView,
  ContactPreferences,
  DisclosureCreate,
  PartnerContactCreate,
  ShareCreate,
  VictimFileView,
  VssEpisodeCreate,
  VssEpisodeView,
} from '@tandem/shared';
import type { z } from 'zod';
import { AppError, forbidden, invalidInput, notFound } from '../http/errors.js';
import { jointCasePolicy, ppEpisodePolicy, victimFilePolicy } from '../policy/index.js';
import type { FieldCipher } from '../security/field-encryption.js';
import { type CaseAccess, todayIso } from './case-access.repository.js';
import { ensureNextMeeting } from './meeting.repository.js';
import type { PersonRepository } from './person.repository.js';
import type { RepositoryContext } from './repository-context.js';
import { rowFilterToSql } from './row-filter-sql.js';

type PartnerContactInput = z.infer<typeof PartnerContactCreate>;

/**
 * Her file on the victim side: support episodes, consent per scope, how she may be contacted,
 * the partner-contact log, what she disclosed and what of it was shared, on which basis.
 */
export class VictimFileRepository {
  constructor(
    private readonly ctx: RepositoryContext,
    private readonly cipher: FieldCipher,
    private readonly people: PersonRepository,
    private readonly access: CaseAccess,
  ) {}

  private visible(
    columns: { agency: string; person: string },
    kind: 'victim_core' | 'victim_disclosures' = 'victim_core',
  ) {
    return victimFilePolicy.visibleRows(this.ctx.actor, columns, kind);
  }

  /** Her person record, if this actor may work on her file; 404 otherwise. */
  private async requireWorkableFile(personId: string, action: string) {
    const person = await this.ctx.trx
      .selectFrom('person')
      .select(['id', 'kind', 'owner_agency_id'])
      .where('id', '=', personId)
      .where((eb) => rowFilterToSql(eb, this.visible({ agency: 'owner_agency_id', person: 'id' }), 'person'))
      .executeTakeFirst();
    if (!person || person.kind !== 'partner' || !victimFilePolicy.canWork(this.ctx.actor)) {
      this.ctx.audit.record({ action, outcome: 'denied', resourceType: 'person', resourceId: personId });
      throw notFound();
    }
    return person;
  }

  async openSupportEpisode(input: z.infer<typeof VssEpisodeCreate>): Promise<VssEpisodeView> {
    const agencyId = this.ctx.actor.agencyId;
    if (!victimFilePolicy.canWork(this.ctx.actor) || !agencyId) {
      this.ctx.audit.record({ action: 'vss_episode.open', outcome: 'denied', resourceType: 'vss_episode' });
      throw forbidden('Only victim-side staff open a support episode');
    }
    const personId = input.personId
      ? (await this.requireWorkableFile(input.personId, 'vss_episode.open')).id
      : await this.people.insert({
          kind: 'partner',
          ownerAgencyId: agencyId,
          ownerSide: 'victim',
          firstName: input.person!.firstName,
          lastName: input.person!.lastName,
          dateOfBirth: input.person!.dateOfBirth,
        });
    const row = await this.ctx.trx
      .insertInto('vss_episode')
      .values({
        person_id: personId,
        agency_id: agencyId,
        intake_date: input.intakeDate,
        support_given: input.supportGiven ?? null,
        case_manager_id: this.ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    this.ctx.audit.record({
      action: 'vss_episode.open',
      outcome: 'success',
      resourceType: 'vss_episode',
      resourceId: row.id,
      subjectPersonId: personId,
    });
    return (await this.supportEpisodes(personId)).find((episode) => episode.id === row.id)!;
  }

  async supportEpisodes(personId: string): Promise<VssEpisodeView[]> {
    const rows = await this.ctx.trx
      .selectFrom('vss_episode')
      .selectAll()
      .where('person_id', '=', personId)
      .where((eb) =>
        rowFilterToSql(
          eb,
          this.visible({ agency: 'vss_episode.agency_id', person: 'vss_episode.person_id' }),
        ),
      )
      .orderBy('intake_date')
      .execute();
    if (rows.length === 0) return [];
    const [person] = await this.people.getMany([personId]);
    return rows.map((row) => ({
      id: row.id,
      person: person!,
      agencyId: row.agency_id,
      intakeDate: row.intake_date,
      supportGiven: row.support_given,
      status: row.status as 'open' | 'closed',
      caseManagerId: row.case_manager_id,
    }));
  }

  /** Her support ends: joint-case meetings stop with it. */
  async closeSupportEpisode(id: string): Promise<void> {
    const episode = await this.getSupportEpisode(id);
    if (!victimFilePolicy.canWork(this.ctx.actor) || episode.agencyId !== this.ctx.actor.agencyId) {
      this.ctx.audit.record({
        action: 'vss_episode.close',
        outcome: 'denied',
        resourceType: 'vss_episode',
        resourceId: id,
      });
      throw notFound();
    }
    await this.ctx.trx.updateTable('vss_episode').set({ status: 'closed' }).where('id', '=', id).execute();
    this.ctx.audit.record({
      action: 'vss_episode.close',
      outcome: 'success',
      resourceType: 'vss_episode',
      resourceId: id,
      subjectPersonId: episode.personId,
    });
    const cases = await this.ctx.trx
      .selectFrom('joint_case')
      .select('id')
      .where('vss_episode_id', '=', id)
      .execute();
    for (const jointCase of cases) await ensureNextMeeting(this.ctx.trx, this.ctx.audit, jointCase.id);
  }

  async getSupportEpisode(
    id: string,
  ): Promise<{ id: string; personId: string; agencyId: string; caseManagerId: string | null }> {
    const row = await this.ctx.trx
      .selectFrom('vss_episode')
      .select(['id', 'person_id', 'agency_id', 'case_manager_id'])
      .where('id', '=', id)
      .where((eb) =>
        rowFilterToSql(
          eb,
          this.visible({ agency: 'vss_episode.agency_id', person: 'vss_episode.person_id' }),
        ),
      )
      .executeTakeFirst();
    if (!row) throw notFound();
    return {
      id: row.id,
      personId: row.person_id,
      agencyId: row.agency_id,
      caseManagerId: row.case_manager_id,
    };
  }

  async giveConsent(personId: string, input: z.infer<typeof ConsentCreate>): Promise<ConsentView> {
    const person = await this.requireWorkableFile(personId, 'consent.give');
    if (input.recipientAgencyId) {
      const agency = await this.ctx.trx
        .selectFrom('agency')
        .select('id')
        .where('id', '=', input.recipientAgencyId)
        .executeTakeFirst();
      if (!agency) throw invalidInput('recipientAgencyId', 'No such agency');
    }
    const row = await this.ctx.trx
      .insertInto('consent')
      .values({
        person_id: personId,
        owner_agency_id: person.owner_agency_id,
        scope: input.scope,
        recipient_agency_id: input.recipientAgencyId ?? null,
        given_on: input.givenOn,
        note: input.note ?? null,
        recorded_by: this.ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    this.ctx.audit.record({
      action: 'consent.give',
      outcome: 'success',
      resourceType: 'consent',
      resourceId: row.id,
      subjectPersonId: personId,
      details: { scope: input.scope, recipientAgencyId: input.recipientAgencyId ?? null },
    });
    await this.access.recomputeForPartner(personId);
    return toConsentView(row);
  }

  /** Revocation takes effect at once: grants that rested on the consent go in this transaction. */
  async revokeConsent(consentId: string, input: z.infer<typeof ConsentRevoke>): Promise<ConsentView> {
    const consent = await this.ctx.trx
      .selectFrom('consent')
      .selectAll()
      .where('id', '=', consentId)
      .executeTakeFirst();
    if (!consent) throw notFound();
    await this.requireWorkableFile(consent.person_id, 'consent.revoke');
    if (consent.revoked_on) throw new AppError(409, 'already_revoked', 'This consent is already revoked');
    const row = await this.ctx.trx
      .updateTable('consent')
      .set({ revoked_on: input.revokedOn, note: input.note ?? consent.note })
      .where('id', '=', consentId)
      .returningAll()
      .executeTakeFirstOrThrow();
    this.ctx.audit.record({
      action: 'consent.revoke',
      outcome: 'success',
      resourceType: 'consent',
      resourceId: consentId,
      subjectPersonId: consent.person_id,
      details: { scope: consent.scope },
    });
    await this.access.recomputeForPartner(consent.person_id);
    return toConsentView(row);
  }

  /** Her consent in force for a scope (and recipient), or null. */
  async consentInForce(personId: string, scope: ConsentScope, recipientAgencyId: string | null) {
    return (
      (await this.ctx.trx
        .selectFrom('consent')
        .selectAll()
        .where('person_id', '=', personId)
        .where('scope', '=', scope)
        .where('revoked_on', 'is', null)
        // A consent dated in the future is not yet in force.
        .where('given_on', '<=', todayIso())
        .$if(recipientAgencyId !== null, (qb) => qb.where('recipient_agency_id', '=', recipientAgencyId!))
        .$if(recipientAgencyId === null, (qb) => qb.where('recipient_agency_id', 'is', null))
        .executeTakeFirst()) ?? null
    );
  }

  async consentById(consentId: string) {
    return this.ctx.trx.selectFrom('consent').selectAll().where('id', '=', consentId).executeTakeFirst();
  }

  async setContactPreferences(
    personId: string,
    preferences: ContactPreferences,
  ): Promise<ContactPreferences> {
    const person = await this.requireWorkableFile(personId, 'contact_preference.set');
    const values = {
      owner_agency_id: person.owner_agency_id,
      safe_channel: preferences.safeChannel,
      may_leave_message: preferences.mayLeaveMessage,
      details_enc: this.cipher.encrypt(
        JSON.stringify({
          safeTimes: preferences.safeTimes,
          codeWord: preferences.codeWord,
          notes: preferences.notes,
        }),
      ),
      updated_by: this.ctx.actor.userId,
    };
    await this.ctx.trx
      .insertInto('contact_preference')
      .values({ person_id: personId, ...values })
      .onConflict((oc) => oc.column('person_id').doUpdateSet(values))
      .execute();
    this.ctx.audit.record({
      action: 'contact_preference.set',
      outcome: 'success',
      resourceType: 'person',
      resourceId: personId,
      subjectPersonId: personId,
    });
    return preferences;
  }

  async logPartnerContact(personId: string, input: PartnerContactInput) {
    const person = await this.requireWorkableFile(personId, 'partner_contact.log');
    const referral = await this.ctx.trx
      .selectFrom('partner_referral')
      .select('id')
      .where('episode_id', '=', input.ppEpisodeId)
      .where('partner_person_id', '=', personId)
      .executeTakeFirst();
    if (!referral) throw invalidInput('ppEpisodeId', 'She was not named in this programme episode');
    const row = await this.ctx.trx
      .insertInto('partner_contact')
      .values({
        partner_person_id: personId,
        episode_id: input.ppEpisodeId,
        owner_agency_id: person.owner_agency_id,
        contacted_on: input.contactedOn,
        channel: input.channel,
        outcome: input.outcome,
        topics_covered: input.topicsCovered,
        hopes_and_fears: input.hopesAndFears ?? null,
        her_view_of_risk: input.herViewOfRisk ?? null,
        notes: input.notes ?? null,
        recorded_by: this.ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    this.ctx.audit.record({
      action: 'partner_contact.log',
      outcome: 'success',
      resourceType: 'partner_contact',
      resourceId: row.id,
      subjectPersonId: personId,
      details: { outcome: input.outcome },
    });
    return row.id;
  }

  async partnerContacts(personId: string, episodeId?: string) {
    const rows = await this.ctx.trx
      .selectFrom('partner_contact as pc')
      .innerJoin('app_user as u', 'u.id', 'pc.recorded_by')
      .selectAll('pc')
      .select('u.display_name')
      .where('pc.partner_person_id', '=', personId)
      .$if(episodeId !== undefined, (qb) => qb.where('pc.episode_id', '=', episodeId!))
      .where((eb) =>
        rowFilterToSql(eb, this.visible({ agency: 'pc.owner_agency_id', person: 'pc.partner_person_id' })),
      )
      .orderBy('pc.contacted_on')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      ppEpisodeId: row.episode_id,
      contactedOn: row.contacted_on,
      channel: row.channel as PartnerContactInput['channel'],
      outcome: row.outcome as PartnerContactInput['outcome'],
      topicsCovered: row.topics_covered as PartnerContactInput['topicsCovered'],
      hopesAndFears: row.hopes_and_fears ?? undefined,
      herViewOfRisk: row.her_view_of_risk ?? undefined,
      notes: row.notes ?? undefined,
      recordedBy: row.display_name,
    }));
  }

  async recordDisclosure(personId: string, input: z.infer<typeof DisclosureCreate>) {
    const person = await this.requireWorkableFile(personId, 'disclosure.record');
    const row = await this.ctx.trx
      .insertInto('disclosure')
      .values({
        person_id: personId,
        owner_agency_id: person.owner_agency_id,
        disclosed_on: input.disclosedOn,
        content_enc: this.cipher.encrypt(input.content),
        recorded_by: this.ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    this.ctx.audit.record({
      action: 'disclosure.record',
      outcome: 'success',
      resourceType: 'disclosure',
      resourceId: row.id,
      subjectPersonId: personId,
    });
    return row.id;
  }

  /**
   * Shares something she disclosed with the programme or another agency of her joint case —
   * only with her consent in force for that recipient, and recorded with its basis. By default
   * source-protected: the recipient sees the content, not that it came from her.
   */
  async share(disclosureId: string, input: z.infer<typeof ShareCreate>) {
    const disclosure = await this.ctx.trx
      .selectFrom('disclosure')
      .selectAll()
      .where('id', '=', disclosureId)
      .where((eb) =>
        rowFilterToSql(
          eb,
          this.visible(
            { agency: 'disclosure.owner_agency_id', person: 'disclosure.person_id' },
            'victim_disclosures',
          ),
        ),
      )
      .executeTakeFirst();
    if (!disclosure || !victimFilePolicy.canShare(this.ctx.actor)) {
      this.ctx.audit.record({
        action: 'disclosure.share',
        outcome: 'denied',
        resourceType: 'disclosure',
        resourceId: disclosureId,
      });
      throw notFound();
    }
    const jointCase = await this.ctx.trx
      .selectFrom('joint_case')
      .select(['id', 'pp_agency_id', 'agreement_id', 'status', 'partner_person_id'])
      .where('id', '=', input.jointCaseId)
      .where('partner_person_id', '=', disclosure.person_id)
      .executeTakeFirst();
    if (!jointCase || jointCase.status !== 'open')
      throw invalidInput('jointCaseId', 'Share within her open joint case');
    // The joint case must still stand: its case-level agreement in force and her consent to it not revoked.
    const agreement = await this.ctx.trx
      .selectFrom('agreement')
      .select(['valid_from', 'valid_to'])
      .where('id', '=', jointCase.agreement_id)
      .executeTakeFirstOrThrow();
    const today = todayIso();
    const agreementInForce =
      agreement.valid_from <= today && (agreement.valid_to === null || agreement.valid_to >= today);
    const refuse = (
      code: 'no_basis' | 'no_consent',
      message: string,
      field: { path: string; message: string },
    ) => {
      this.ctx.audit.record({
        action: 'disclosure.share',
        outcome: 'denied',
        resourceType: 'disclosure',
        resourceId: disclosureId,
        subjectPersonId: disclosure.person_id,
        details: { reason: code },
      });
      return new AppError(409, code, message, [field]);
    };
    if (!agreementInForce || !(await this.consentInForce(disclosure.person_id, 'joint_case', null))) {
      throw refuse(
        'no_basis',
        'The joint case no longer has a basis for sharing: its agreement is not in force or she revoked her consent to it',
        {
          path: 'jointCaseId',
          message: 'Renew the case-level agreement or her consent to the joint case first',
        },
      );
    }
    const recipientAgencyId = input.recipientAgencyId ?? jointCase.pp_agency_id;
    const recipientSide = input.recipientAgencyId ? 'neutral' : 'perpetrator';
    if (input.recipientAgencyId) {
      const party = await this.ctx.trx
        .selectFrom('agreement_party')
        .select('agency_id')
        .where('agreement_id', '=', jointCase.agreement_id)
        .where('agency_id', '=', input.recipientAgencyId)
        .executeTakeFirst();
      if (!party) throw invalidInput('recipientAgencyId', 'That agency is not party to the case agreement');
    }
    const consent = await this.consentInForce(
      disclosure.person_id,
      'share_disclosures',
      input.recipientAgencyId ?? null,
    );
    if (!consent) {
      throw refuse(
        'no_consent',
        'She has not consented to share her disclosures with this recipient (or revoked it)',
        {
          path: 'recipientAgencyId',
          message: 'Record her consent with scope "share disclosures" for this recipient first',
        },
      );
    }
    const basis = { agreementId: jointCase.agreement_id, consentId: consent.id, jointCaseId: jointCase.id };
    const row = await this.ctx.trx
      .insertInto('shared_item')
      .values({
        joint_case_id: jointCase.id,
        disclosure_id: disclosureId,
        recipient_agency_id: recipientAgencyId,
        recipient_side: recipientSide,
        content_enc: disclosure.content_enc,
        source_protected: input.sourceProtected,
        basis: JSON.stringify(basis),
        shared_by: this.ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    this.ctx.audit.record({
      action: 'disclosure.share',
      outcome: 'success',
      resourceType: 'shared_item',
      resourceId: row.id,
      subjectPersonId: disclosure.person_id,
      basis,
      details: { recipientAgencyId, recipientSide, sourceProtected: input.sourceProtected },
    });
    return row.id;
  }

  async victimFile(personId: string): Promise<VictimFileView> {
    await this.requireVisible(personId);
    const person = await this.people.get(personId, 'victim_file.read');
    const [episodes, consents, preference, contacts, disclosures] = await Promise.all([
      this.supportEpisodes(personId),
      this.ctx.trx
        .selectFrom('consent')
        .selectAll()
        .where('person_id', '=', personId)
        .orderBy('created_at')
        .execute(),
      this.ctx.trx
        .selectFrom('contact_preference')
        .selectAll()
        .where('person_id', '=', personId)
        .executeTakeFirst(),
      this.partnerContacts(personId),
      this.ctx.trx
        .selectFrom('disclosure as d')
        .selectAll('d')
        .select((eb) =>
          eb
            .selectFrom('shared_item as s')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('s.disclosure_id', '=', 'd.id')
            .as('shared_count'),
        )
        .where('d.person_id', '=', personId)
        .where((eb) =>
          rowFilterToSql(
            eb,
            this.visible({ agency: 'd.owner_agency_id', person: 'd.person_id' }, 'victim_disclosures'),
          ),
        )
        .orderBy('d.disclosed_on')
        .execute(),
    ]);
    const details = preference
      ? (JSON.parse(this.cipher.decrypt(preference.details_enc)) as Partial<ContactPreferences>)
      : null;
    // The episodes that named her: his name and status only where his release lets them reach her service.
    const named = await this.ctx.trx
      .selectFrom('partner_referral as r')
      .innerJoin('pp_episode', 'pp_episode.id', 'r.episode_id')
      .leftJoin('person as him', (join) =>
        join
          .onRef('him.id', '=', 'pp_episode.person_id')
          .on((eb) => rowFilterToSql(eb, ppEpisodePolicy.visibleRows(this.ctx.actor))),
      )
      .select([
        'r.episode_id',
        'r.relationship',
        'r.created_at',
        'him.first_name',
        'him.last_name',
        'pp_episode.status',
      ])
      .where('r.partner_person_id', '=', personId)
      .orderBy('r.created_at')
      .execute();
    const jointCases = await this.ctx.trx
      .selectFrom('joint_case')
      .select(['id', 'case_number', 'status'])
      .where('partner_person_id', '=', personId)
      .where((eb) => rowFilterToSql(eb, jointCasePolicy.visibleRows(this.ctx.actor)))
      .orderBy('created_at')
      .execute();
    return {
      namedIn: named.map((row) => ({
        ppEpisodeId: row.episode_id,
        relationship: row.relationship as 'current' | 'former',
        referredOn: new Date(row.created_at).toISOString().slice(0, 10),
        hisName: row.first_name ? `${row.first_name} ${row.last_name}` : null,
        status: row.first_name ? row.status : null,
      })),
      jointCases: jointCases.map((row) => ({
        id: row.id,
        caseNumber: row.case_number,
        status: row.status as 'open' | 'closed',
      })),
      person,
      episodes,
      consents: consents.map(toConsentView),
      contactPreferences: preference
        ? {
            safeChannel: preference.safe_channel as ContactPreferences['safeChannel'],
            mayLeaveMessage: preference.may_leave_message,
            ...(details?.safeTimes && { safeTimes: details.safeTimes }),
            ...(details?.codeWord && { codeWord: details.codeWord }),
            ...(details?.notes && { notes: details.notes }),
          }
        : null,
      partnerContacts: contacts,
      disclosures: disclosures.map((row) => ({
        id: row.id,
        disclosedOn: row.disclosed_on,
        content: this.cipher.decrypt(row.content_enc),
        sharedCount: Number(row.shared_count ?? 0),
      })),
    };
  }

  /** True when the actor may see her file at all (victim side, owner or granted). */
  async canSeeFile(personId: string): Promise<boolean> {
    const row = await this.ctx.trx
      .selectFrom('person')
      .select('id')
      .where('id', '=', personId)
      .where('kind', '=', 'partner')
      .where((eb) => rowFilterToSql(eb, this.visible({ agency: 'owner_agency_id', person: 'id' }), 'person'))
      .executeTakeFirst();
    return row !== undefined;
  }

  private async requireVisible(personId: string) {
    if (!(await this.canSeeFile(personId))) {
      this.ctx.audit.record({
        action: 'victim_file.read',
        outcome: 'denied',
        resourceType: 'person',
        resourceId: personId,
      });
      throw notFound();
    }
  }
}

function toConsentView(row: {
  id: string;
  scope: string;
  recipient_agency_id: string | null;
  given_on: string;
  revoked_on: string | null;
  note: string | null;
}): ConsentView {
  return {
    id: row.id,
    scope: row.scope as ConsentScope,
    recipientAgencyId: row.recipient_agency_id,
    givenOn: row.given_on,
    revokedOn: row.revoked_on,
    note: row.note,
  };
}
