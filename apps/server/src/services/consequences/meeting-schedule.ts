import { AGENDA_ITEMS, type PpStatus } from '@tandem/shared';
import { type ExpressionBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.generated.js';
import { DEFAULT_TIME_ZONE } from '../../domain/clock.js';
import { nextMeetingDate } from '../../domain/meeting-schedule.js';
import type { SystemContext } from './system-context.js';

export interface NewMeeting {
  jointCaseId: string;
  kind: 'scheduled' | 'extraordinary';
  mode: 'in_person' | 'remote';
  scheduledFor: Date;
  timeZone: string;
  durationMinutes?: number;
  triggerEventId?: string | null;
  createdBy: string | null;
}

/** A meeting with its five compulsory agenda items (docs/domain.md, "Phase 2"). */
export async function insertMeeting(system: SystemContext, meeting: NewMeeting): Promise<string | null> {
  const row = await system.db
    .insertInto('case_meeting')
    .values({
      joint_case_id: meeting.jointCaseId,
      kind: meeting.kind,
      mode: meeting.mode,
      scheduled_for: meeting.scheduledFor,
      time_zone: meeting.timeZone,
      duration_minutes: meeting.durationMinutes ?? 60,
      trigger_event_id: meeting.triggerEventId ?? null,
      created_by: meeting.createdBy,
    })
    // The partial unique index keeps one planned scheduled meeting per case. Its predicate is
    // written as literals: PostgreSQL must match it to the index when it plans, parameters or not.
    .onConflict((oc) =>
      oc
        .column('joint_case_id')
        .where('kind', '=', sql.lit('scheduled'))
        .where('status', '=', sql.lit('planned'))
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  if (!row) return null;
  await system.db
    .insertInto('meeting_agenda_item')
    .values(AGENDA_ITEMS.map((item, position) => ({ meeting_id: row.id, item, position })))
    .execute();
  return row.id;
}

/**
 * Keeps exactly one planned scheduled meeting for a joint case while both programmes run, at
 * the date the schedule gives; cancels it when they stop. Called after every change that moves
 * the schedule, and by the maintenance job. The case row is locked first, so two runs at once
 * for one case take turns (and the unique index would refuse a second plan anyway).
 */
export async function ensureNextMeeting(system: SystemContext, jointCaseId: string): Promise<void> {
  const { db } = system;
  const facts = await db
    .selectFrom('joint_case as jc')
    .innerJoin('pp_episode as pe', 'pe.id', 'jc.pp_episode_id')
    .innerJoin('vss_episode as ve', 've.id', 'jc.vss_episode_id')
    .leftJoin('network_membership as nm', 'nm.agency_id', 'jc.pp_agency_id')
    .leftJoin('network as n', 'n.id', 'nm.network_id')
    .select([
      'jc.status',
      'jc.created_at',
      'pe.status as pp_status',
      've.status as vss_status',
      'n.meeting_interval_days',
      'n.high_risk_meeting_interval_days',
      'n.time_zone',
    ])
    .select((eb) => [
      agreedLevelOfCase(eb),
      eb
        .selectFrom('case_meeting as m')
        .select((inner) =>
          inner.fn.coalesce(inner.fn.max('m.held_at'), inner.fn.max('m.scheduled_for')).as('last'),
        )
        .whereRef('m.joint_case_id', '=', 'jc.id')
        .where('m.status', '=', 'closed')
        .as('last_meeting'),
    ])
    .where('jc.id', '=', jointCaseId)
    .forUpdate('jc')
    .executeTakeFirst();
  const planned = await db
    .selectFrom('case_meeting')
    .select(['id', 'scheduled_for'])
    .where('joint_case_id', '=', jointCaseId)
    .where('kind', '=', 'scheduled')
    .where('status', '=', 'planned')
    .execute();
  const timeZone = facts?.time_zone ?? DEFAULT_TIME_ZONE;
  const next = facts
    ? nextMeetingDate({
        caseStatus: facts.status as 'open' | 'closed',
        ppStatus: facts.pp_status as PpStatus,
        vssStatus: facts.vss_status as 'open' | 'closed',
        lastMeetingOrOpening: new Date((facts.last_meeting as Date | null) ?? facts.created_at),
        agreedLevel: (facts.agreed_level as string | null) ?? null,
        intervalDays: facts.meeting_interval_days ?? 28,
        highRiskIntervalDays: facts.high_risk_meeting_interval_days ?? 14,
        timeZone,
      })
    : null;
  if (next === null) {
    if (planned.length > 0) {
      await db
        .updateTable('case_meeting')
        .set({ status: 'cancelled' })
        .where(
          'id',
          'in',
          planned.map((meeting) => meeting.id),
        )
        .execute();
      system.audit.record({
        action: 'meeting.schedule_stopped',
        outcome: 'success',
        resourceType: 'joint_case',
        resourceId: jointCaseId,
      });
    }
    return;
  }
  const current = planned[0];
  if (current && new Date(current.scheduled_for).getTime() === next.getTime()) return;
  // A meeting that is due or already under way keeps its date: the schedule moves the next one only.
  if (
    current &&
    (new Date(current.scheduled_for) <= system.clock.now() || (await meetingHasStarted(system, current.id)))
  )
    return;
  if (current) {
    await db
      .updateTable('case_meeting')
      .set({ scheduled_for: next, time_zone: timeZone })
      .where('id', '=', current.id)
      .execute();
  } else {
    await insertMeeting(system, {
      jointCaseId,
      kind: 'scheduled',
      mode: 'in_person',
      scheduledFor: next,
      timeZone,
      createdBy: null,
    });
  }
  system.audit.record({
    action: 'meeting.scheduled',
    outcome: 'success',
    resourceType: 'joint_case',
    resourceId: jointCaseId,
    details: { scheduledFor: next.toISOString() },
  });
}

async function meetingHasStarted(system: SystemContext, meetingId: string): Promise<boolean> {
  const touched = await system.db
    .selectFrom('meeting_agenda_item')
    .select('item')
    .where('meeting_id', '=', meetingId)
    .where('status', '!=', 'open')
    .executeTakeFirst();
  return touched !== undefined;
}

/** The cases the maintenance job keeps on schedule. */
export async function openJointCaseIds(system: SystemContext): Promise<string[]> {
  const rows = await system.db.selectFrom('joint_case').select('id').where('status', '=', 'open').execute();
  return rows.map((row) => row.id);
}

/** The level in force on the joint case aliased `jc`: its latest agreement (a subquery, selected as `agreed_level`). */
export function agreedLevelOfCase(eb: ExpressionBuilder<DB & { jc: DB['joint_case'] }, 'jc'>) {
  return eb
    .selectFrom('agreed_risk_level as a')
    .select('a.level')
    .whereRef('a.joint_case_id', '=', 'jc.id')
    .orderBy('a.agreed_on', 'desc')
    .orderBy('a.created_at', 'desc')
    .limit(1)
    .as('agreed_level');
}
