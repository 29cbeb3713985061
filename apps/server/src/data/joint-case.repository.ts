import type {
  CriticalEventCreate,
  InformalContactCreate,
  InformationKind,
  JointCaseCreate,
  JointCaseView,
} from '@tandem/shared';
import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError, conflict, forbidden, invalidInput, notFound } from '../http/errors.js';
import { caseEventPolicy, jointCasePolicy, ppEpisodePolicy } from '../policy/index.js';
import type { FieldCipher } from '../security/field-encryption.js';
import type { CaseAccess } from './case-access.repository.js';
import type { DutyRepository } from './duty.repository.js';
import { decodeCursor, toPage } from './keyset.js';
import { ensureNextMeeting } from './meeting.repository.js';
import type { PersonRepository } from './person.repository.js';
import type { PpEpisodeRepository } from './pp-episode.repository.js';
import type { RepositoryContext } from './repository-context.js';
import { rowFilterToSql } from './row-filter-sql.js';
import type { VictimFileRepository } from './victim-file.repository.js';

/**
 * The joint case: his programme episode, her support episode and the children, under a
 * case-level agreement and her consent (DOMAIN.md §2 step 5). The case page is assembled
 * here section by section, each section through its own policy.
 */
export class JointCaseRepository {
  constructor(
    private readonly ctx: RepositoryContext,
    private readonly cipher: FieldCipher,
    private readonly people: PersonRepository,
    private readonly episodes: PpEpisodeRepository,
    private readonly victimFiles: VictimFileRepository,
    private readonly duties: DutyRepository,
    private readonly access: CaseAccess,
  ) {}

  private selectVisible() {
    return this.ctx.trx
      .selectFrom('joint_case')
      .selectAll('joint_case')
      .where((eb) => rowFilterToSql(eb, jointCasePolicy.visibleRows(this.ctx.actor)));
  }

  async create(input: z.infer<typeof JointCaseCreate>): Promise<JointCaseView> {
    if (!jointCasePolicy.canCreate(this.ctx.actor)) {
      this.ctx.audit.record({ action: 'joint_case.create', outcome: 'denied', resourceType: 'joint_case' });
      throw forbidden('Her case manager opens the joint case');
    }
    const support = await this.victimFiles.getSupportEpisode(input.vssEpisodeId).catch(() => {
      throw invalidInput('vssEpisodeId', 'No such support episode in your reach');
    });
    const episode = await this.ctx.trx
      .selectFrom('pp_episode')
      .select(['id', 'agency_id', 'status', 'person_id'])
      .where('id', '=', input.ppEpisodeId)
      .executeTakeFirst();
    const referral = episode
      ? await this.ctx.trx
          .selectFrom('partner_referral')
          .select('id')
          .where('episode_id', '=', episode.id)
          .where('partner_person_id', '=', support.personId)
          .executeTakeFirst()
      : undefined;
    // Her service reaches his episode only through the referral that named her.
    if (!episode || !referral)
      throw invalidInput('ppEpisodeId', 'She was not named in this programme episode');
    if (['completed', 'dropped_out', 'excluded'].includes(episode.status)) {
      throw invalidInput('ppEpisodeId', 'His programme episode has ended');
    }
    const consent = await this.victimFiles.consentById(input.consentId);
    if (
      !consent ||
      consent.person_id !== support.personId ||
      consent.scope !== 'joint_case' ||
      consent.revoked_on
    ) {
      throw new AppError(
        409,
        'no_consent',
        'A joint case needs her informed consent (scope "joint case") in force',
        [{ path: 'consentId', message: 'Record her consent to the joint case first' }],
      );
    }
    const existing = await this.ctx.trx
      .selectFrom('joint_case')
      .select('id')
      .where('pp_episode_id', '=', episode.id)
      .where('partner_person_id', '=', support.personId)
      .executeTakeFirst();
    if (existing)
      throw conflict('ppEpisodeId', 'There is already a joint case for this programme episode and her');
    await this.assertStaff(input.ppCaseManagerId, episode.agency_id, 'ppCaseManagerId', 'pp_case_manager');
    await this.assertStaff(input.vssCaseManagerId, support.agencyId, 'vssCaseManagerId', 'vss_case_manager');
    if (input.partnerContactWorkerId) {
      await this.assertStaff(
        input.partnerContactWorkerId,
        null,
        'partnerContactWorkerId',
        'partner_contact_worker',
      );
    }
    if (input.agreement.validTo < input.agreement.validFrom)
      throw invalidInput('agreement.validTo', 'The end date is before the start date');
    for (const [index, childId] of input.childIds.entries()) {
      const visible = await this.people.getMany([childId]);
      if (visible[0]?.kind !== 'child')
        throw invalidInput(`childIds.${index}`, 'No such child in your reach');
    }

    const number = await sql<{ n: string }>`SELECT nextval('joint_case_number_seq')::text AS n`.execute(
      this.ctx.trx,
    );
    const caseNumber = `TND-${new Date().getUTCFullYear()}-${number.rows[0]!.n.padStart(6, '0')}`;
    const agreement = await this.ctx.trx
      .insertInto('agreement')
      .values({
        level: 'case',
        title: input.agreement.title,
        valid_from: input.agreement.validFrom,
        valid_to: input.agreement.validTo,
        created_by: this.ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const parties = [
      { agencyId: episode.agency_id, receives: [] as InformationKind[] },
      { agencyId: support.agencyId, receives: [] as InformationKind[] },
      ...input.agreement.otherParties.filter(
        (party) => party.agencyId !== episode.agency_id && party.agencyId !== support.agencyId,
      ),
    ];
    const uniqueParties = [...new Map(parties.map((party) => [party.agencyId, party])).values()];
    for (const [index, party] of uniqueParties.entries()) {
      const agency = await this.ctx.trx
        .selectFrom('agency')
        .select('id')
        .where('id', '=', party.agencyId)
        .executeTakeFirst();
      if (!agency) throw invalidInput(`agreement.otherParties.${index}.agencyId`, 'No such agency');
      await this.ctx.trx
        .insertInto('agreement_party')
        .values({
          agreement_id: agreement.id,
          agency_id: party.agencyId,
          signatory_name: party.agencyId === support.agencyId ? 'VSS case manager' : 'Case manager',
          signed_on: input.agreement.validFrom,
          receives: party.receives,
        })
        .execute();
    }
    const created = await this.ctx.trx
      .insertInto('joint_case')
      .values({
        case_number: caseNumber,
        pp_episode_id: episode.id,
        vss_episode_id: support.id,
        partner_person_id: support.personId,
        pp_agency_id: episode.agency_id,
        vss_agency_id: support.agencyId,
        consent_id: consent.id,
        agreement_id: agreement.id,
        pp_case_manager_id: input.ppCaseManagerId,
        vss_case_manager_id: input.vssCaseManagerId,
        partner_contact_worker_id: input.partnerContactWorkerId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.ctx.trx
      .updateTable('agreement')
      .set({ joint_case_id: created.id })
      .where('id', '=', agreement.id)
      .execute();
    if (input.childIds.length > 0) {
      await this.ctx.trx
        .insertInto('joint_case_child')
        .values(input.childIds.map((childId) => ({ joint_case_id: created.id, child_person_id: childId })))
        .execute();
    }
    this.ctx.audit.record({
      action: 'joint_case.create',
      outcome: 'success',
      resourceType: 'joint_case',
      resourceId: created.id,
      subjectPersonId: support.personId,
      basis: { agreementId: agreement.id, consentId: consent.id },
      details: { caseNumber, ppEpisodeId: episode.id },
    });
    await this.access.recompute(episode.id);
    await ensureNextMeeting(this.ctx.trx, this.ctx.audit, created.id);
    return this.get(created.id);
  }

  /** Newest first, by keyset (created_at, id). */
  async list(
    filter: {
      mine?: boolean;
      reassessmentDue?: boolean;
      limit?: number;
      cursor?: string | undefined;
      only?: string;
    } = {},
  ) {
    const limit = filter.limit ?? 50;
    const after = decodeCursor(filter.cursor, 2);
    const rows = await this.selectVisible()
      .$if(filter.mine === true, (qb) =>
        qb.where((eb) =>
          eb.or([
            eb('joint_case.pp_case_manager_id', '=', this.ctx.actor.userId),
            eb('joint_case.vss_case_manager_id', '=', this.ctx.actor.userId),
            eb('joint_case.partner_contact_worker_id', '=', this.ctx.actor.userId),
          ]),
        ),
      )
      .$if(filter.reassessmentDue === true, (qb) =>
        qb.where('joint_case.reassessment_due_since', 'is not', null),
      )
      .$if(filter.only !== undefined, (qb) => qb.where('joint_case.id', '=', filter.only!))
      .$if(after !== null, (qb) =>
        qb.where((eb) =>
          eb(
            eb.refTuple('joint_case.created_at', 'joint_case.id'),
            '<',
            eb.tuple(new Date(String(after![0])), String(after![1])),
          ),
        ),
      )
      .orderBy('joint_case.created_at', 'desc')
      .orderBy('joint_case.id', 'desc')
      .limit(limit + 1)
      .execute();
    return toPage(
      rows,
      limit,
      (row) => ({
        id: row.id,
        caseNumber: row.case_number,
        status: row.status as 'open' | 'closed',
        reassessmentDue: row.reassessment_due_since !== null,
        createdAt: new Date(row.created_at).toISOString(),
      }),
      (row) => [new Date(row.created_at).toISOString(), row.id],
    );
  }

  async get(id: string): Promise<JointCaseView> {
    const row = await this.selectVisible().where('joint_case.id', '=', id).executeTakeFirst();
    if (!row) {
      this.ctx.audit.record({
        action: 'joint_case.read',
        outcome: 'denied',
        resourceType: 'joint_case',
        resourceId: id,
      });
      throw notFound();
    }
    const ppEpisode = await this.episodes.findVisible(row.pp_episode_id);
    const seesHerFile = await this.victimFiles.canSeeFile(row.partner_person_id);
    const victimSide = seesHerFile ? await this.victimFiles.victimFile(row.partner_person_id) : null;
    const childIds = (
      await this.ctx.trx
        .selectFrom('joint_case_child')
        .select('child_person_id')
        .where('joint_case_id', '=', id)
        .execute()
    ).map((child) => child.child_person_id);
    const himId = (
      await this.ctx.trx
        .selectFrom('pp_episode')
        .select('person_id')
        .where('id', '=', row.pp_episode_id)
        .executeTakeFirstOrThrow()
    ).person_id;
    const myAccess = new Set<InformationKind>([
      ...(await this.access.kindsHeld(this.ctx.actor, himId)),
      ...(await this.access.kindsHeld(this.ctx.actor, row.partner_person_id)),
    ]);
    const hisProgrammeKinds: InformationKind[] = [
      'programme',
      'safety_concerns',
      'risk',
      'recidivism',
      'questionnaires',
    ];
    const herFileKinds: InformationKind[] = ['victim_core', 'victim_disclosures'];
    if (ppEpisode?.canEdit) for (const kind of hisProgrammeKinds) myAccess.add(kind);
    if (seesHerFile) for (const kind of herFileKinds) myAccess.add(kind);
    myAccess.add('case_coordination');
    const names = await this.ctx.trx
      .selectFrom('app_user')
      .select(['id', 'display_name'])
      .where('id', 'in', [
        row.pp_case_manager_id,
        row.vss_case_manager_id,
        ...(row.partner_contact_worker_id ? [row.partner_contact_worker_id] : []),
      ])
      .execute();
    const nameOf = (userId: string | null) => names.find((user) => user.id === userId)?.display_name ?? null;
    this.ctx.audit.record({
      action: 'joint_case.read',
      outcome: 'success',
      resourceType: 'joint_case',
      resourceId: id,
      details: { sections: [...myAccess] },
    });
    return {
      id: row.id,
      caseNumber: row.case_number,
      status: row.status as 'open' | 'closed',
      reassessmentDueSince: row.reassessment_due_since
        ? new Date(row.reassessment_due_since).toISOString()
        : null,
      ppCaseManager: nameOf(row.pp_case_manager_id),
      vssCaseManager: nameOf(row.vss_case_manager_id),
      partnerContactWorker: nameOf(row.partner_contact_worker_id),
      agreementId: row.agreement_id,
      myAccess: [...myAccess],
      perpetratorSide: ppEpisode,
      victimSide,
      children: await this.people.getMany(childIds),
      events: await this.events(row.pp_episode_id, 'critical'),
      informalContacts: (await this.events(row.pp_episode_id, 'informal_contact')).map((event) => ({
        id: event.id,
        occurredOn: event.occurredOn,
        withWhom: event.withWhom ?? '',
        summary: event.description,
        recordedBy: event.recordedBy,
      })),
      sharedItems: await this.sharedItems(id, row.partner_person_id),
      duties: seesHerFile ? await this.duties.list({ state: 'open', jointCaseId: id }) : [],
      partnerContacts: victimSide
        ? victimSide.partnerContacts.filter((contact) => contact.ppEpisodeId === row.pp_episode_id)
        : [],
    };
  }

  async close(id: string): Promise<JointCaseView> {
    const row = await this.selectVisible().where('joint_case.id', '=', id).executeTakeFirst();
    if (
      !row ||
      !jointCasePolicy.canClose(this.ctx.actor, {
        ppCaseManagerId: row.pp_case_manager_id,
        vssCaseManagerId: row.vss_case_manager_id,
      })
    ) {
      this.ctx.audit.record({
        action: 'joint_case.close',
        outcome: 'denied',
        resourceType: 'joint_case',
        resourceId: id,
      });
      throw notFound();
    }
    if (row.status === 'closed')
      throw new AppError(409, 'already_closed', 'This joint case is already closed');
    await this.ctx.trx.updateTable('joint_case').set({ status: 'closed' }).where('id', '=', id).execute();
    this.ctx.audit.record({
      action: 'joint_case.close',
      outcome: 'success',
      resourceType: 'joint_case',
      resourceId: id,
    });
    await this.access.recompute(row.pp_episode_id);
    await ensureNextMeeting(this.ctx.trx, this.ctx.audit, id);
    return this.get(id);
  }

  /**
   * A critical event on his episode (DOMAIN.md §2 step 7). It makes every joint case of the
   * episode due for reassessment now; a breach of an order or a safety concern raises duties
   * to inform. Recorded by the victim side about her, it stays on the victim side.
   */
  async recordCriticalEvent(
    episodeId: string,
    input: z.infer<typeof CriticalEventCreate>,
    aboutPartnerId?: string,
  ) {
    const episode = await this.requireEventScope(episodeId, aboutPartnerId, 'case_event.critical');
    if (this.ctx.actor.side === 'victim' && !aboutPartnerId && input.source === 'her') {
      // Recorded on his side, what she reported reaches the programme (unattributed): only with her consent.
      await this.assertHerConsentToShare(episodeId);
    }
    const row = await this.ctx.trx
      .insertInto('case_event')
      .values({
        episode_id: episodeId,
        partner_person_id: aboutPartnerId ?? null,
        owner_agency_id: this.ctx.actor.agencyId!,
        owner_side: this.ctx.actor.side,
        event_type: 'critical',
        kind: input.kind,
        occurred_on: input.occurredOn,
        source: input.source,
        source_agency_id: input.sourceAgencyId ?? null,
        description: input.description,
        recorded_by: this.ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.ctx.trx
      .updateTable('joint_case')
      .set({ reassessment_due_since: sql`coalesce(reassessment_due_since, now())` })
      .where('pp_episode_id', '=', episodeId)
      .where('status', '=', 'open')
      .execute();
    this.ctx.audit.record({
      action: 'case_event.critical',
      outcome: 'success',
      resourceType: 'case_event',
      resourceId: row.id,
      subjectPersonId: aboutPartnerId ?? episode.person_id,
      details: { kind: input.kind },
    });
    if (input.kind === 'order_breach' || input.kind === 'safety_concern') {
      await this.duties.raiseForEpisode(episodeId, input.kind, null);
    }
    return row.id;
  }

  async recordInformalContact(jointCaseId: string, input: z.infer<typeof InformalContactCreate>) {
    const row = await this.selectVisible().where('joint_case.id', '=', jointCaseId).executeTakeFirst();
    if (!row || !jointCasePolicy.canRecordEvents(this.ctx.actor)) {
      this.ctx.audit.record({
        action: 'case_event.informal_contact',
        outcome: 'denied',
        resourceType: 'joint_case',
        resourceId: jointCaseId,
      });
      throw notFound();
    }
    // Informal contacts between case managers are case coordination: both sides see them.
    const created = await this.ctx.trx
      .insertInto('case_event')
      .values({
        episode_id: row.pp_episode_id,
        partner_person_id: null,
        owner_agency_id: this.ctx.actor.agencyId!,
        owner_side: this.ctx.actor.side,
        event_type: 'informal_contact',
        occurred_on: input.occurredOn,
        with_whom: input.withWhom,
        description: input.summary,
        recorded_by: this.ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    this.ctx.audit.record({
      action: 'case_event.informal_contact',
      outcome: 'success',
      resourceType: 'case_event',
      resourceId: created.id,
    });
    return created.id;
  }

  private async events(episodeId: string, type: 'critical' | 'informal_contact') {
    const rows = await this.ctx.trx
      .selectFrom('case_event')
      .innerJoin('pp_episode as e', 'e.id', 'case_event.episode_id')
      .innerJoin('app_user as u', 'u.id', 'case_event.recorded_by')
      .selectAll('case_event')
      .select('u.display_name')
      .where('case_event.episode_id', '=', episodeId)
      .where('case_event.event_type', '=', type)
      .where((eb) => rowFilterToSql(eb, caseEventPolicy.visibleRows(this.ctx.actor)))
      .orderBy('case_event.occurred_on')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind as z.infer<typeof CriticalEventCreate>['kind'],
      occurredOn: row.occurred_on,
      source: caseEventPolicy.sourceFor(
        this.ctx.actor,
        row.source,
      ) as JointCaseView['events'][number]['source'],
      description: row.description,
      recordedBySide: row.owner_side,
      withWhom: row.with_whom,
      recordedBy: row.display_name,
    }));
  }

  /** What was shared of hers with this actor: each read is a read of her data, audited against her. */
  private async sharedItems(jointCaseId: string, herId: string) {
    if (!this.ctx.actor.agencyId) return [];
    const rows = await this.ctx.trx
      .selectFrom('shared_item')
      .selectAll()
      .where('joint_case_id', '=', jointCaseId)
      .where('recipient_agency_id', '=', this.ctx.actor.agencyId)
      .where('recipient_side', '=', this.ctx.actor.side)
      .orderBy('shared_at')
      .execute();
    for (const row of rows) {
      this.ctx.audit.record({
        action: 'shared_item.read',
        outcome: 'success',
        resourceType: 'shared_item',
        resourceId: row.id,
        subjectPersonId: herId,
        basis: row.basis as Record<string, unknown>,
      });
    }
    return rows.map((row) => ({
      id: row.id,
      sharedOn: new Date(row.shared_at).toISOString().slice(0, 10),
      content: this.cipher.decrypt(row.content_enc),
      attribution: (row.source_protected || this.ctx.actor.side === 'perpetrator'
        ? 'another_source'
        : 'her') as 'her' | 'another_source',
    }));
  }

  /** Who may record a critical event on this episode: anyone who sees it (his side) or her file (her side). */
  private async requireEventScope(episodeId: string, aboutPartnerId: string | undefined, action: string) {
    const episode = await this.ctx.trx
      .selectFrom('pp_episode')
      .select(['id', 'person_id', 'agency_id'])
      .where('id', '=', episodeId)
      .where((eb) => rowFilterToSql(eb, ppEpisodePolicy.visibleRows(this.ctx.actor)))
      .executeTakeFirst();
    const partnerOk = aboutPartnerId ? await this.victimFiles.canSeeFile(aboutPartnerId) : true;
    const viaJointCase = episode
      ? true
      : (await this.selectVisible().where('joint_case.pp_episode_id', '=', episodeId).executeTakeFirst()) !==
        undefined;
    if (!viaJointCase || !partnerOk || !jointCasePolicy.canRecordEvents(this.ctx.actor)) {
      this.ctx.audit.record({ action, outcome: 'denied', resourceType: 'pp_episode', resourceId: episodeId });
      throw notFound();
    }
    return (
      episode ??
      (await this.ctx.trx
        .selectFrom('pp_episode')
        .select(['id', 'person_id', 'agency_id'])
        .where('id', '=', episodeId)
        .executeTakeFirstOrThrow())
    );
  }

  private async assertHerConsentToShare(episodeId: string) {
    const partners = await this.ctx.trx
      .selectFrom('partner_referral')
      .select('partner_person_id')
      .where('episode_id', '=', episodeId)
      .execute();
    for (const partner of partners) {
      if (await this.victimFiles.consentInForce(partner.partner_person_id, 'share_risk_information', null))
        return;
    }
    throw new AppError(
      409,
      'no_consent',
      'What she reported stays on the victim side unless she consents to share risk information',
      [
        {
          path: 'source',
          message:
            'Record it about her (kept on the victim side), or record her consent to share risk information first',
        },
      ],
    );
  }

  private async assertStaff(userId: string, agencyId: string | null, path: string, role: string) {
    const user = await this.ctx.trx
      .selectFrom('app_user')
      .select(['id', 'agency_id', 'roles', 'active'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (
      !user ||
      !user.active ||
      !user.roles.includes(role) ||
      (agencyId !== null && user.agency_id !== agencyId)
    ) {
      throw invalidInput(
        path,
        `Choose an active ${role.replaceAll('_', ' ')}${agencyId ? ' of the right agency' : ''}`,
      );
    }
  }
}
