import type { ActionCreate, ActionUpdate, ActionView } from '@tandem/shared';
import type { z } from 'zod';
import { forbidden, invalidInput, notFound } from '../http/errors.js';
import { actionPolicy, meetingPolicy } from '../policy/index.js';
import { todayIso } from './case-access.repository.js';
import type { RepositoryContext } from './repository-context.js';
import { rowFilterToSql } from './row-filter-sql.js';

/**
 * The joint action plan (DOMAIN.md §3): need → action → term → responsible person and agency,
 * status, reviewed at each meeting; overdue actions surface to their owner and both case managers.
 */
export class ActionPlanRepository {
  constructor(private readonly ctx: RepositoryContext) {}

  private selectVisible() {
    return this.ctx.trx
      .selectFrom('action_item')
      .innerJoin('joint_case as jc', 'jc.id', 'action_item.joint_case_id')
      .leftJoin('app_user as u', 'u.id', 'action_item.responsible_user_id')
      .selectAll('action_item')
      .select(['jc.case_number', 'u.display_name as responsible_name'])
      .where((eb) => rowFilterToSql(eb, actionPolicy.visibleRows(this.ctx.actor)));
  }

  private toView(
    row: Awaited<ReturnType<ReturnType<ActionPlanRepository['selectVisible']>['executeTakeFirstOrThrow']>>,
  ): ActionView {
    const open = row.status === 'open' || row.status === 'in_progress';
    return {
      id: row.id,
      jointCaseId: row.joint_case_id,
      caseNumber: row.case_number,
      need: row.need,
      action: row.action,
      term: row.term,
      responsibleAgencyId: row.responsible_agency_id,
      responsibleUserId: row.responsible_user_id,
      responsibleName: row.responsible_name,
      childPersonId: row.child_person_id,
      victimSideOnly: row.victim_side_only,
      status: row.status as ActionView['status'],
      overdue: open && row.term < todayIso(),
      lastReviewedAt: row.last_reviewed_at ? new Date(row.last_reviewed_at).toISOString() : null,
      lastReviewedMeetingId: row.last_reviewed_meeting_id,
    };
  }

  async list(filter: {
    jointCaseId?: string;
    overdueForMe?: boolean;
    childPersonId?: string;
  }): Promise<ActionView[]> {
    const rows = await this.selectVisible()
      .$if(filter.jointCaseId !== undefined, (qb) =>
        qb.where('action_item.joint_case_id', '=', filter.jointCaseId!),
      )
      .$if(filter.childPersonId !== undefined, (qb) =>
        qb.where('action_item.child_person_id', '=', filter.childPersonId!),
      )
      .$if(filter.overdueForMe === true, (qb) =>
        qb
          .where('action_item.status', 'in', ['open', 'in_progress'])
          .where('action_item.term', '<', todayIso())
          .where((eb) =>
            eb.or([
              eb('action_item.responsible_user_id', '=', this.ctx.actor.userId),
              eb('jc.pp_case_manager_id', '=', this.ctx.actor.userId),
              eb('jc.vss_case_manager_id', '=', this.ctx.actor.userId),
            ]),
          ),
      )
      .orderBy('action_item.term')
      .orderBy('action_item.id')
      .limit(500)
      .execute();
    return rows.map((row) => this.toView(row));
  }

  async create(jointCaseId: string, input: z.infer<typeof ActionCreate>): Promise<ActionView> {
    const jointCase = await this.ctx.trx
      .selectFrom('joint_case as jc')
      .select(['jc.id', 'jc.status'])
      .where('jc.id', '=', jointCaseId)
      .where((eb) => rowFilterToSql(eb, meetingPolicy.visibleRows(this.ctx.actor)))
      .executeTakeFirst();
    if (!jointCase) throw notFound();
    if (!actionPolicy.canCreate(this.ctx.actor, input)) {
      this.ctx.audit.record({
        action: 'action.create',
        outcome: 'denied',
        resourceType: 'joint_case',
        resourceId: jointCaseId,
      });
      throw forbidden(
        input.victimSideOnly
          ? 'Only the victim side records her own safety measures'
          : 'Case managers record actions',
      );
    }
    const agency = await this.ctx.trx
      .selectFrom('agency')
      .select('id')
      .where('id', '=', input.responsibleAgencyId)
      .executeTakeFirst();
    if (!agency) throw invalidInput('responsibleAgencyId', 'No such agency');
    if (input.responsibleUserId) {
      const user = await this.ctx.trx
        .selectFrom('app_user')
        .select('agency_id')
        .where('id', '=', input.responsibleUserId)
        .where('active', '=', true)
        .executeTakeFirst();
      if (!user || user.agency_id !== input.responsibleAgencyId)
        throw invalidInput('responsibleUserId', 'Choose an active person of the responsible agency');
    }
    if (input.childPersonId) {
      const child = await this.ctx.trx
        .selectFrom('joint_case_child')
        .select('child_person_id')
        .where('joint_case_id', '=', jointCaseId)
        .where('child_person_id', '=', input.childPersonId)
        .executeTakeFirst();
      if (!child) throw invalidInput('childPersonId', 'No such child in this joint case');
    }
    if (input.meetingId) await this.assertMeetingOfCase(input.meetingId, jointCaseId, 'meetingId');
    const row = await this.ctx.trx
      .insertInto('action_item')
      .values({
        joint_case_id: jointCaseId,
        need: input.need,
        action: input.action,
        term: input.term,
        responsible_agency_id: input.responsibleAgencyId,
        responsible_user_id: input.responsibleUserId ?? null,
        child_person_id: input.childPersonId ?? null,
        victim_side_only: input.victimSideOnly,
        created_in_meeting_id: input.meetingId ?? null,
        last_reviewed_meeting_id: input.meetingId ?? null,
        last_reviewed_at: input.meetingId ? new Date() : null,
        owner_side: this.ctx.actor.side,
        created_by: this.ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    this.ctx.audit.record({
      action: 'action.create',
      outcome: 'success',
      resourceType: 'action_item',
      resourceId: row.id,
      details: { jointCaseId },
    });
    return this.toView(
      await this.selectVisible().where('action_item.id', '=', row.id).executeTakeFirstOrThrow(),
    );
  }

  async update(actionId: string, input: z.infer<typeof ActionUpdate>): Promise<ActionView> {
    const current = await this.selectVisible().where('action_item.id', '=', actionId).executeTakeFirst();
    if (!current || !actionPolicy.canCreate(this.ctx.actor, { victimSideOnly: current.victim_side_only })) {
      this.ctx.audit.record({
        action: 'action.update',
        outcome: 'denied',
        resourceType: 'action_item',
        resourceId: actionId,
      });
      throw notFound();
    }
    if (input.reviewedInMeetingId)
      await this.assertMeetingOfCase(input.reviewedInMeetingId, current.joint_case_id, 'reviewedInMeetingId');
    await this.ctx.trx
      .updateTable('action_item')
      .set({
        ...(input.status !== undefined && { status: input.status }),
        ...(input.term !== undefined && { term: input.term }),
        ...(input.responsibleUserId !== undefined && { responsible_user_id: input.responsibleUserId }),
        ...(input.reviewedInMeetingId !== undefined && {
          last_reviewed_meeting_id: input.reviewedInMeetingId,
          last_reviewed_at: new Date(),
        }),
      })
      .where('id', '=', actionId)
      .execute();
    this.ctx.audit.record({
      action: 'action.update',
      outcome: 'success',
      resourceType: 'action_item',
      resourceId: actionId,
      details: { fields: Object.keys(input) },
    });
    return this.toView(
      await this.selectVisible().where('action_item.id', '=', actionId).executeTakeFirstOrThrow(),
    );
  }

  private async assertMeetingOfCase(meetingId: string, jointCaseId: string, path: string) {
    const meeting = await this.ctx.trx
      .selectFrom('case_meeting')
      .select('id')
      .where('id', '=', meetingId)
      .where('joint_case_id', '=', jointCaseId)
      .executeTakeFirst();
    if (!meeting) throw invalidInput(path, 'No such meeting in this joint case');
  }
}
