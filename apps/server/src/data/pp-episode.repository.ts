import type { AttendanceCreate, PpEpisodeUpdate, ReleaseCreate, StatusChange } from '@tandem/shared';
import {
  AGENCY_KIND_SIDES,
  type AgencyKind,
  type InformationKind,
  PP_TRANSITIONS,
  type PpEpisodeView,
  type PpStatus,
  type ReferralCreate,
  STATUSES_RAISING_DUTY,
} from '@tandem/shared';
import type { z } from 'zod';
import { AppError, forbidden, invalidInput, notFound } from '../http/errors.js';
import { ppEpisodePolicy } from '../policy/index.js';
import type { CaseAccess } from './case-access.repository.js';
import { todayIso } from './case-access.repository.js';
import type { DutyRepository } from './duty.repository.js';
import { decodeCursor, toPage } from './keyset.js';
import { ensureNextMeeting } from './meeting.repository.js';
import type { PersonRepository } from './person.repository.js';
import type { RepositoryContext } from './repository-context.js';
import { rowFilterToSql } from './row-filter-sql.js';

type Release = z.infer<typeof ReleaseCreate>;

/**
 * His programme episode: referral, intake, status machine, attendance, his release of
 * information and the partners he named. Owned by the programme's perpetrator side.
 */
export class PpEpisodeRepository {
  constructor(
    private readonly ctx: RepositoryContext,
    private readonly people: PersonRepository,
    private readonly duties: DutyRepository,
    private readonly access: CaseAccess,
  ) {}

  private selectVisible() {
    return this.ctx.trx
      .selectFrom('pp_episode')
      .selectAll('pp_episode')
      .where((eb) => rowFilterToSql(eb, ppEpisodePolicy.visibleRows(this.ctx.actor)));
  }

  async refer(input: ReferralCreate): Promise<PpEpisodeView> {
    const agencyId = this.ctx.actor.agencyId;
    if (!ppEpisodePolicy.canRefer(this.ctx.actor) || !agencyId) {
      this.ctx.audit.record({ action: 'pp_episode.refer', outcome: 'denied', resourceType: 'pp_episode' });
      throw forbidden('Only a perpetrator-programme case manager records referrals');
    }
    if (input.referringAgencyId) await this.assertAgencyExists(input.referringAgencyId, 'referringAgencyId');
    const personId = await this.people.insert({
      kind: 'perpetrator',
      ownerAgencyId: agencyId,
      ownerSide: 'perpetrator',
      firstName: input.person.firstName,
      lastName: input.person.lastName,
      dateOfBirth: input.person.dateOfBirth,
    });
    const episode = await this.ctx.trx
      .insertInto('pp_episode')
      .values({
        person_id: personId,
        agency_id: agencyId,
        pathway: input.pathway,
        referring_agency_id: input.referringAgencyId ?? null,
        court_order: input.order ? JSON.stringify(input.order) : null,
        referral_date: input.referralDate,
        programme_type: input.programmeType ?? null,
        planned_sessions: input.plannedSessions ?? null,
        planned_end_date: input.plannedEndDate ?? null,
        schedule: input.schedule ?? null,
        status: 'referred',
        case_manager_id: this.ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.insertStatusChange(episode.id, null, 'referred', input.referralDate, null);
    this.ctx.audit.record({
      action: 'pp_episode.refer',
      outcome: 'success',
      resourceType: 'pp_episode',
      resourceId: episode.id,
      subjectPersonId: personId,
      details: { pathway: input.pathway },
    });
    return this.get(episode.id);
  }

  /** Newest referrals first, by keyset (referral date, id) so deep pages cost the same as the first. */
  async list(query: { limit: number; cursor?: string | undefined; status?: PpStatus | undefined }) {
    const after = decodeCursor(query.cursor, 2);
    const rows = await this.selectVisible()
      .innerJoin('person', 'person.id', 'pp_episode.person_id')
      .select(['person.first_name', 'person.last_name'])
      .$if(query.status !== undefined, (qb) => qb.where('pp_episode.status', '=', query.status!))
      .$if(after !== null, (qb) =>
        qb.where((eb) =>
          eb(
            eb.refTuple('pp_episode.referral_date', 'pp_episode.id'),
            '<',
            eb.tuple(String(after![0]), String(after![1])),
          ),
        ),
      )
      .orderBy('pp_episode.referral_date', 'desc')
      .orderBy('pp_episode.id', 'desc')
      .limit(query.limit + 1)
      .execute();
    for (const row of rows.slice(0, query.limit)) {
      this.ctx.audit.record({
        action: 'pp_episode.list',
        outcome: 'success',
        resourceType: 'pp_episode',
        resourceId: row.id,
        subjectPersonId: row.person_id,
      });
    }
    return toPage(
      rows,
      query.limit,
      (row) => ({
        id: row.id,
        personName: `${row.first_name} ${row.last_name}`,
        status: row.status as PpStatus,
        pathway: row.pathway as PpEpisodeView['pathway'],
        referralDate: row.referral_date,
      }),
      (row) => [row.referral_date, row.id],
    );
  }

  /** The episode if this actor may see it, else null (for pages that show it when allowed). */
  async findVisible(id: string): Promise<PpEpisodeView | null> {
    const row = await this.selectVisible()
      .select('pp_episode.id')
      .where('pp_episode.id', '=', id)
      .executeTakeFirst();
    return row ? this.get(id) : null;
  }

  /** The episode as this actor may see it; 404 when it does not exist or is not theirs to see. */
  async get(id: string): Promise<PpEpisodeView> {
    const row = await this.selectVisible().where('pp_episode.id', '=', id).executeTakeFirst();
    if (!row) {
      this.ctx.audit.record({
        action: 'pp_episode.read',
        outcome: 'denied',
        resourceType: 'pp_episode',
        resourceId: id,
      });
      throw notFound();
    }
    const [person, history, attendance, release, partners] = await Promise.all([
      this.people.get(row.person_id),
      this.ctx.trx
        .selectFrom('pp_status_change as c')
        .innerJoin('app_user as u', 'u.id', 'c.changed_by')
        .select(['c.from_status', 'c.to_status', 'c.changed_on', 'c.reason', 'u.display_name'])
        .where('c.episode_id', '=', id)
        .orderBy('c.created_at')
        .execute(),
      this.ctx.trx
        .selectFrom('attendance')
        .selectAll()
        .where('episode_id', '=', id)
        .orderBy('session_date')
        .execute(),
      this.ctx.trx
        .selectFrom('release_of_information')
        .selectAll()
        .where('episode_id', '=', id)
        .executeTakeFirst(),
      this.ctx.trx
        .selectFrom('partner_referral')
        .selectAll()
        .where('episode_id', '=', id)
        .orderBy('created_at')
        .execute(),
    ]);
    this.ctx.audit.record({
      action: 'pp_episode.read',
      outcome: 'success',
      resourceType: 'pp_episode',
      resourceId: id,
      subjectPersonId: row.person_id,
    });
    const showPartnerLink = ppEpisodePolicy.canSeePartnerRecordLink(this.ctx.actor);
    return {
      id: row.id,
      person,
      agencyId: row.agency_id,
      pathway: row.pathway as PpEpisodeView['pathway'],
      referringAgencyId: row.referring_agency_id,
      order: (row.court_order as PpEpisodeView['order']) ?? null,
      referralDate: row.referral_date,
      intakeDate: row.intake_date,
      assessment: row.assessment,
      programmeType: row.programme_type as PpEpisodeView['programmeType'],
      plannedSessions: row.planned_sessions,
      plannedEndDate: row.planned_end_date,
      schedule: row.schedule,
      status: row.status as PpStatus,
      caseManagerId: row.case_manager_id,
      statusHistory: history.map((change) => ({
        from: change.from_status as PpStatus | null,
        to: change.to_status as PpStatus,
        date: change.changed_on,
        reason: change.reason,
        changedBy: change.display_name,
      })),
      attendance: attendance.map((session) => ({
        id: session.id,
        sessionDate: session.session_date,
        status: session.status as PpEpisodeView['attendance'][number]['status'],
        note: session.note,
      })),
      release: release ? { signedOn: release.signed_on, scope: release.scope as InformationKind[] } : null,
      partners: partners.map((partner) => ({
        id: partner.id,
        label: partner.label,
        relationship: partner.relationship as 'current' | 'former',
        partnerContactAgencyId: partner.partner_contact_agency_id,
        partnerPersonId: showPartnerLink ? partner.partner_person_id : null,
      })),
      canEdit: ppEpisodePolicy.canManage(this.ctx.actor, { agencyId: row.agency_id }),
    };
  }

  async update(id: string, changes: z.infer<typeof PpEpisodeUpdate>): Promise<PpEpisodeView> {
    await this.loadManageable(id, 'pp_episode.update');
    await this.ctx.trx
      .updateTable('pp_episode')
      .set({
        ...(changes.intakeDate !== undefined && { intake_date: changes.intakeDate }),
        ...(changes.assessment !== undefined && { assessment: changes.assessment }),
        ...(changes.programmeType !== undefined && { programme_type: changes.programmeType }),
        ...(changes.plannedSessions !== undefined && { planned_sessions: changes.plannedSessions }),
        ...(changes.plannedEndDate !== undefined && { planned_end_date: changes.plannedEndDate }),
        ...(changes.schedule !== undefined && { schedule: changes.schedule }),
      })
      .where('id', '=', id)
      .execute();
    this.ctx.audit.record({
      action: 'pp_episode.update',
      outcome: 'success',
      resourceType: 'pp_episode',
      resourceId: id,
      details: { fields: Object.keys(changes) },
    });
    return this.get(id);
  }

  /**
   * Moves the episode along the status machine (PP_TRANSITIONS). Suspension, dropout and
   * exclusion raise a duty to inform each partner he named.
   */
  async changeStatus(id: string, change: z.infer<typeof StatusChange>): Promise<PpEpisodeView> {
    const episode = await this.loadManageable(id, 'pp_episode.status');
    const from = episode.status as PpStatus;
    if (!PP_TRANSITIONS[from].includes(change.to)) {
      const allowed = PP_TRANSITIONS[from];
      throw new AppError(409, 'invalid_transition', `A programme cannot go from ${from} to ${change.to}`, [
        {
          path: 'to',
          message: allowed.length ? `From ${from} it can go to: ${allowed.join(', ')}` : `${from} is final`,
        },
      ]);
    }
    await this.ctx.trx
      .updateTable('pp_episode')
      .set({
        status: change.to,
        ...(change.to === 'intake' && !episode.intake_date && { intake_date: change.date }),
      })
      .where('id', '=', id)
      .execute();
    await this.insertStatusChange(id, from, change.to, change.date, change.reason ?? null);
    this.ctx.audit.record({
      action: 'pp_episode.status',
      outcome: 'success',
      resourceType: 'pp_episode',
      resourceId: id,
      subjectPersonId: episode.person_id,
      details: { from, to: change.to },
    });
    // Meetings run for as long as both attend: the schedule follows his status.
    const jointCases = await this.ctx.trx
      .selectFrom('joint_case')
      .select('id')
      .where('pp_episode_id', '=', id)
      .execute();
    for (const jointCase of jointCases) await ensureNextMeeting(this.ctx.trx, this.ctx.audit, jointCase.id);
    if (STATUSES_RAISING_DUTY.includes(change.to)) {
      await this.duties.raiseForEpisode(
        id,
        `status_${change.to}` as 'status_suspended',
        change.reason ?? null,
      );
    }
    return this.get(id);
  }

  async recordAttendance(id: string, session: z.infer<typeof AttendanceCreate>): Promise<PpEpisodeView> {
    const episode = await this.loadManageable(id, 'pp_episode.attendance');
    if (!['intake', 'active'].includes(episode.status)) {
      throw invalidInput('sessionDate', 'Attendance is recorded while the programme is at intake or active');
    }
    const inserted = await this.ctx.trx
      .insertInto('attendance')
      .values({
        episode_id: id,
        session_date: session.sessionDate,
        status: session.status,
        note: session.note ?? null,
        recorded_by: this.ctx.actor.userId,
      })
      .onConflict((oc) => oc.columns(['episode_id', 'session_date']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw invalidInput('sessionDate', 'Attendance for this session date is already recorded');
    this.ctx.audit.record({
      action: 'pp_episode.attendance',
      outcome: 'success',
      resourceType: 'pp_episode',
      resourceId: id,
      subjectPersonId: episode.person_id,
    });
    return this.get(id);
  }

  /**
   * His signed release and the partners he named. Each partner's record is created for the
   * victim-side service that will contact her — and never comes back: the programme keeps a
   * label. Naming her to another agency needs an organisation-level agreement between them.
   */
  async recordRelease(id: string, release: Release): Promise<PpEpisodeView> {
    const episode = await this.loadManageable(id, 'pp_episode.release');
    const existing = await this.ctx.trx
      .selectFrom('release_of_information')
      .select('episode_id')
      .where('episode_id', '=', id)
      .executeTakeFirst();
    if (existing) {
      await this.ctx.trx
        .updateTable('release_of_information')
        .set({ signed_on: release.signedOn, scope: release.scope })
        .where('episode_id', '=', id)
        .execute();
    } else {
      await this.ctx.trx
        .insertInto('release_of_information')
        .values({
          episode_id: id,
          signed_on: release.signedOn,
          scope: release.scope,
          recorded_by: this.ctx.actor.userId,
        })
        .execute();
    }
    const count = await this.ctx.trx
      .selectFrom('partner_referral')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('episode_id', '=', id)
      .executeTakeFirstOrThrow();
    let index = Number(count.n);
    for (const [position, partner] of release.partners.entries()) {
      const agencyKind = await this.agencyKind(
        partner.partnerContactAgencyId,
        `partners.${position}.partnerContactAgencyId`,
      );
      if (!AGENCY_KIND_SIDES[agencyKind].includes('victim')) {
        throw invalidInput(
          `partners.${position}.partnerContactAgencyId`,
          'Partner contact is offered by a victim-side service',
        );
      }
      if (partner.partnerContactAgencyId !== episode.agency_id) {
        await this.assertOrganisationAgreement(
          episode.agency_id,
          partner.partnerContactAgencyId,
          `partners.${position}.partnerContactAgencyId`,
        );
      }
      const partnerId = await this.people.insert({
        kind: 'partner',
        ownerAgencyId: partner.partnerContactAgencyId,
        ownerSide: 'victim',
        firstName: partner.firstName,
        lastName: partner.lastName,
        contact: partner.contact,
      });
      index += 1;
      const referral = await this.ctx.trx
        .insertInto('partner_referral')
        .values({
          episode_id: id,
          partner_person_id: partnerId,
          label: `${partner.relationship === 'current' ? 'Current' : 'Former'} partner ${index} (${partner.firstName})`,
          relationship: partner.relationship,
          partner_contact_agency_id: partner.partnerContactAgencyId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      this.ctx.audit.record({
        action: 'partner.referred_for_contact',
        outcome: 'success',
        resourceType: 'partner_referral',
        resourceId: referral.id,
        subjectPersonId: partnerId,
        basis: { release: { episodeId: id, signedOn: release.signedOn } },
        details: { toAgencyId: partner.partnerContactAgencyId },
      });
    }
    this.ctx.audit.record({
      action: 'pp_episode.release',
      outcome: 'success',
      resourceType: 'pp_episode',
      resourceId: id,
      subjectPersonId: episode.person_id,
      details: { scope: release.scope },
    });
    await this.access.recompute(id);
    return this.get(id);
  }

  private async loadManageable(id: string, action: string) {
    const row = await this.selectVisible().where('pp_episode.id', '=', id).executeTakeFirst();
    if (!row || !ppEpisodePolicy.canManage(this.ctx.actor, { agencyId: row.agency_id })) {
      this.ctx.audit.record({ action, outcome: 'denied', resourceType: 'pp_episode', resourceId: id });
      throw notFound();
    }
    return row;
  }

  private async insertStatusChange(
    episodeId: string,
    from: PpStatus | null,
    to: PpStatus,
    date: string,
    reason: string | null,
  ) {
    await this.ctx.trx
      .insertInto('pp_status_change')
      .values({
        episode_id: episodeId,
        from_status: from,
        to_status: to,
        changed_on: date,
        reason,
        changed_by: this.ctx.actor.userId,
      })
      .execute();
  }

  private async agencyKind(agencyId: string, path: string): Promise<AgencyKind> {
    const row = await this.ctx.trx
      .selectFrom('agency')
      .select('kind')
      .where('id', '=', agencyId)
      .where('active', '=', true)
      .executeTakeFirst();
    if (!row) throw invalidInput(path, 'No such agency');
    return row.kind as AgencyKind;
  }

  private async assertAgencyExists(agencyId: string, path: string) {
    await this.agencyKind(agencyId, path);
  }

  /** No person-level information crosses agencies without an agreement that covers it. */
  private async assertOrganisationAgreement(fromAgencyId: string, toAgencyId: string, path: string) {
    const today = todayIso();
    const agreement = await this.ctx.trx
      .selectFrom('agreement as a')
      .innerJoin('agreement_party as p1', (join) =>
        join.onRef('p1.agreement_id', '=', 'a.id').on('p1.agency_id', '=', fromAgencyId),
      )
      .innerJoin('agreement_party as p2', (join) =>
        join.onRef('p2.agreement_id', '=', 'a.id').on('p2.agency_id', '=', toAgencyId),
      )
      .select('a.id')
      .where('a.level', '=', 'organisation')
      .where('a.valid_from', '<=', today)
      .where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>=', today)]))
      .executeTakeFirst();
    if (!agreement) {
      throw invalidInput(
        path,
        'There is no agreement in force between your agency and this service: her details cannot be sent there',
      );
    }
  }
}
