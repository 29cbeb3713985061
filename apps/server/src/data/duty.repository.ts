import type { DutyTrigger, DutyView } from '@tandem/shared';
import { sql } from 'kysely';
import { AppError, notFound } from '../http/errors.js';
import { dutyPolicy } from '../policy/index.js';
import type { RepositoryContext } from './repository-context.js';
import { rowFilterToSql } from './row-filter-sql.js';

/** Working days from a moment, skipping Saturdays and Sundays. */
export function addWorkingDays(from: Date, days: number): Date {
  const result = new Date(from);
  let remaining = days;
  while (remaining > 0) {
    result.setUTCDate(result.getUTCDate() + 1);
    const day = result.getUTCDay();
    if (day !== 0 && day !== 6) remaining -= 1;
  }
  return result;
}

/**
 * Duties to inform her (DOMAIN.md §2 step 8). Raised by the data layer whenever a triggering
 * fact is recorded — whoever records it — and owned by her partner-contact service.
 */
export class DutyRepository {
  constructor(
    private readonly ctx: RepositoryContext,
    private readonly dueWorkingDays: number,
  ) {}

  /** One duty per partner he named (and whose record exists), assigned to her partner-contact service. */
  async raiseForEpisode(episodeId: string, trigger: DutyTrigger, reason: string | null): Promise<number> {
    const partners = await this.ctx.trx
      .selectFrom('partner_referral as r')
      .leftJoin('joint_case as jc', (join) =>
        join
          .onRef('jc.pp_episode_id', '=', 'r.episode_id')
          .onRef('jc.partner_person_id', '=', 'r.partner_person_id'),
      )
      .select(['r.partner_person_id', 'r.partner_contact_agency_id', 'jc.partner_contact_worker_id'])
      .where('r.episode_id', '=', episodeId)
      .execute();
    const dueAt = addWorkingDays(new Date(), this.dueWorkingDays);
    for (const partner of partners) {
      const row = await this.ctx.trx
        .insertInto('duty_to_inform')
        .values({
          episode_id: episodeId,
          partner_person_id: partner.partner_person_id,
          owner_agency_id: partner.partner_contact_agency_id,
          assigned_user_id: partner.partner_contact_worker_id,
          trigger,
          reason,
          due_at: dueAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      this.ctx.audit.record({
        action: 'duty.raise',
        outcome: 'success',
        resourceType: 'duty_to_inform',
        resourceId: row.id,
        subjectPersonId: partner.partner_person_id,
        details: { trigger, episodeId },
      });
    }
    return partners.length;
  }

  private selectVisible() {
    return this.ctx.trx
      .selectFrom('duty_to_inform')
      .innerJoin('person as her', 'her.id', 'duty_to_inform.partner_person_id')
      .leftJoin('contact_preference as pref', 'pref.person_id', 'duty_to_inform.partner_person_id')
      .leftJoin('joint_case as jc', (join) =>
        join
          .onRef('jc.pp_episode_id', '=', 'duty_to_inform.episode_id')
          .onRef('jc.partner_person_id', '=', 'duty_to_inform.partner_person_id'),
      )
      .selectAll('duty_to_inform')
      .select(['her.first_name', 'her.last_name', 'pref.safe_channel', 'jc.id as joint_case_id'])
      .select((eb) =>
        eb
          .selectFrom('partner_contact as pc')
          .select('pc.outcome')
          .whereRef('pc.partner_person_id', '=', 'duty_to_inform.partner_person_id')
          .whereRef('pc.episode_id', '=', 'duty_to_inform.episode_id')
          .orderBy('pc.contacted_on', 'desc')
          .orderBy('pc.created_at', 'desc')
          .limit(1)
          .as('last_contact_outcome'),
      )
      .where((eb) => rowFilterToSql(eb, dutyPolicy.visibleRows(this.ctx.actor)));
  }

  async list(filter: {
    state: 'open' | 'done' | 'closed';
    overdueOnly?: boolean;
    jointCaseId?: string;
    limit?: number;
  }): Promise<DutyView[]> {
    const rows = await this.selectVisible()
      .where('duty_to_inform.state', '=', filter.state)
      .$if(filter.overdueOnly === true, (qb) => qb.where('duty_to_inform.due_at', '<', new Date()))
      .$if(filter.jointCaseId !== undefined, (qb) => qb.where('jc.id', '=', filter.jointCaseId!))
      .orderBy('duty_to_inform.due_at')
      .orderBy('duty_to_inform.id')
      .limit(filter.limit ?? 100)
      .execute();
    return rows.map((row) => this.toView(row));
  }

  private toView(
    row: Awaited<ReturnType<ReturnType<DutyRepository['selectVisible']>['executeTakeFirstOrThrow']>>,
  ): DutyView {
    this.ctx.audit.record({
      action: 'duty.read',
      outcome: 'success',
      resourceType: 'duty_to_inform',
      resourceId: row.id,
      subjectPersonId: row.partner_person_id,
    });
    return {
      id: row.id,
      trigger: row.trigger as DutyTrigger,
      reason: row.reason,
      partnerPersonId: row.partner_person_id,
      partnerName: `${row.first_name} ${row.last_name}`,
      ppEpisodeId: row.episode_id,
      jointCaseId: row.joint_case_id,
      raisedAt: new Date(row.raised_at).toISOString(),
      dueAt: new Date(row.due_at).toISOString(),
      overdue: row.state === 'open' && new Date(row.due_at) < new Date(),
      state: row.state as DutyView['state'],
      doneOn: row.done_on,
      doneHow: row.done_how,
      closedReason: row.closed_reason,
      safeChannel: row.safe_channel,
      lastContactOutcome: (row.last_contact_outcome as DutyView['lastContactOutcome']) ?? null,
    };
  }

  async resolve(
    id: string,
    resolution: { kind: 'done'; doneOn: string; how: string } | { kind: 'closed'; reason: string },
  ) {
    const action = resolution.kind === 'done' ? 'duty.done' : 'duty.close';
    const duty = await this.selectVisible().where('duty_to_inform.id', '=', id).executeTakeFirst();
    if (!duty || !dutyPolicy.canResolve(this.ctx.actor)) {
      this.ctx.audit.record({ action, outcome: 'denied', resourceType: 'duty_to_inform', resourceId: id });
      throw notFound();
    }
    if (duty.state !== 'open') throw new AppError(409, 'already_resolved', 'This duty is already resolved');
    await this.ctx.trx
      .updateTable('duty_to_inform')
      .set({
        state: resolution.kind,
        ...(resolution.kind === 'done'
          ? { done_on: resolution.doneOn, done_how: resolution.how }
          : { closed_reason: resolution.reason }),
        resolved_by: this.ctx.actor.userId,
        resolved_at: sql`now()`,
      })
      .where('id', '=', id)
      .execute();
    this.ctx.audit.record({
      action,
      outcome: 'success',
      resourceType: 'duty_to_inform',
      resourceId: id,
      subjectPersonId: duty.partner_person_id,
    });
    return this.toView(
      await this.selectVisible().where('duty_to_inform.id', '=', id).executeTakeFirstOrThrow(),
    );
  }
}
