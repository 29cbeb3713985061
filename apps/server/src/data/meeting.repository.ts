import {
  AGENDA_ITEMS,
  type AgendaItemName,
  type AgendaItemUpdate,
  type MeetingClose,
  type MeetingCreate,
  type MeetingSummary,
  type MeetingView,
  type PpStatus,
  type QualitativeNoteCreate,
} from '@tandem/shared';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { Database } from '../db/schema.js';
import { AppError, forbidden, invalidInput, notFound } from '../http/errors.js';
import { meetingPolicy } from '../policy/index.js';
import type { FieldCipher } from '../security/field-encryption.js';
import { nextMeetingDate } from '../services/meeting-schedule.js';
import type { RepositoryContext } from './repository-context.js';
import { rowFilterToSql } from './row-filter-sql.js';

/**
 * Phase 2 case-manager meetings: scheduled automatically at the network's interval while both
 * programmes run, extraordinary ones after critical events, the five compulsory agenda items,
 * qualitative notes, minutes and attendance. A meeting closes only when every item is
 * addressed or explicitly deferred with a reason.
 */
export class MeetingRepository {
  constructor(
    private readonly ctx: RepositoryContext,
    private readonly cipher: FieldCipher,
  ) {}

  private selectVisible() {
    return this.ctx.trx
      .selectFrom('case_meeting as m')
      .innerJoin('joint_case as jc', 'jc.id', 'm.joint_case_id')
      .selectAll('m')
      .select([
        'jc.case_number',
        'jc.pp_case_manager_id',
        'jc.vss_case_manager_id',
        'jc.partner_contact_worker_id',
      ])
      .where((eb) => rowFilterToSql(eb, meetingPolicy.visibleRows(this.ctx.actor)));
  }

  private async runnable(meetingId: string, action: string) {
    const meeting = await this.selectVisible().where('m.id', '=', meetingId).executeTakeFirst();
    if (!meeting) {
      this.ctx.audit.record({
        action,
        outcome: 'denied',
        resourceType: 'case_meeting',
        resourceId: meetingId,
      });
      throw notFound();
    }
    const staff = {
      ppCaseManagerId: meeting.pp_case_manager_id,
      vssCaseManagerId: meeting.vss_case_manager_id,
      partnerContactWorkerId: meeting.partner_contact_worker_id,
    };
    if (!meetingPolicy.canRun(this.ctx.actor, staff)) {
      this.ctx.audit.record({
        action,
        outcome: 'denied',
        resourceType: 'case_meeting',
        resourceId: meetingId,
      });
      throw forbidden('The case managers of the joint case run its meetings');
    }
    if (meeting.status !== 'planned')
      throw new AppError(409, 'meeting_closed', 'This meeting is already closed');
    return meeting;
  }

  async list(filter: {
    jointCaseId?: string;
    from?: Date;
    to?: Date;
    mine?: boolean;
    limit?: number;
  }): Promise<MeetingSummary[]> {
    const rows = await this.selectVisible()
      .$if(filter.jointCaseId !== undefined, (qb) => qb.where('m.joint_case_id', '=', filter.jointCaseId!))
      .$if(filter.from !== undefined, (qb) => qb.where('m.scheduled_for', '>=', filter.from!))
      .$if(filter.to !== undefined, (qb) => qb.where('m.scheduled_for', '<', filter.to!))
      .$if(filter.mine === true, (qb) =>
        qb.where((eb) =>
          eb.or([
            eb('jc.pp_case_manager_id', '=', this.ctx.actor.userId),
            eb('jc.vss_case_manager_id', '=', this.ctx.actor.userId),
            eb('jc.partner_contact_worker_id', '=', this.ctx.actor.userId),
          ]),
        ),
      )
      .where('m.status', '!=', 'cancelled')
      .orderBy('m.scheduled_for')
      .limit(filter.limit ?? 100)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      jointCaseId: row.joint_case_id,
      caseNumber: row.case_number,
      kind: row.kind as MeetingSummary['kind'],
      mode: row.mode as MeetingSummary['mode'],
      scheduledFor: new Date(row.scheduled_for).toISOString(),
      status: row.status as MeetingSummary['status'],
    }));
  }

  async get(meetingId: string): Promise<MeetingView> {
    const meeting = await this.selectVisible().where('m.id', '=', meetingId).executeTakeFirst();
    if (!meeting) {
      this.ctx.audit.record({
        action: 'meeting.read',
        outcome: 'denied',
        resourceType: 'case_meeting',
        resourceId: meetingId,
      });
      throw notFound();
    }
    const agenda = await this.ctx.trx
      .selectFrom('meeting_agenda_item')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('position')
      .execute();
    const notes = await this.ctx.trx
      .selectFrom('qualitative_note as q')
      .innerJoin('app_user as u', 'u.id', 'q.author_id')
      .select(['q.id', 'q.author_side', 'q.concern_level', 'q.text_enc', 'u.display_name'])
      .where('q.meeting_id', '=', meetingId)
      .orderBy('q.created_at')
      .execute();
    const teamIds = [
      meeting.pp_case_manager_id,
      meeting.vss_case_manager_id,
      meeting.partner_contact_worker_id,
    ].filter((id): id is string => id !== null);
    const team = await this.ctx.trx
      .selectFrom('app_user')
      .select(['id', 'display_name'])
      .where('id', 'in', teamIds)
      .execute();
    const roleOf = (id: string) =>
      id === meeting.pp_case_manager_id
        ? 'pp_case_manager'
        : id === meeting.vss_case_manager_id
          ? 'vss_case_manager'
          : 'partner_contact_worker';
    const attendees = meeting.attendance.length
      ? await this.ctx.trx
          .selectFrom('app_user')
          .select(['id', 'display_name'])
          .where('id', 'in', meeting.attendance)
          .execute()
      : [];
    this.ctx.audit.record({
      action: 'meeting.read',
      outcome: 'success',
      resourceType: 'case_meeting',
      resourceId: meetingId,
    });
    const decrypt = (value: string | null) => (value ? this.cipher.decrypt(value) : null);
    return {
      id: meeting.id,
      jointCaseId: meeting.joint_case_id,
      caseNumber: meeting.case_number,
      kind: meeting.kind as MeetingView['kind'],
      mode: meeting.mode as MeetingView['mode'],
      scheduledFor: new Date(meeting.scheduled_for).toISOString(),
      durationMinutes: meeting.duration_minutes,
      place: meeting.place,
      status: meeting.status as MeetingView['status'],
      agenda: agenda.map((item) => ({
        item: item.item as AgendaItemName,
        status: item.status as 'open' | 'addressed' | 'deferred',
        notes: decrypt(item.notes_enc),
        deferredReason: item.deferred_reason,
      })),
      qualitativeNotes: notes.map((note) => ({
        id: note.id,
        authorName: note.display_name,
        authorSide: note.author_side,
        concernLevel: note.concern_level as 'low' | 'medium' | 'high',
        text: this.cipher.decrypt(note.text_enc),
      })),
      attendance: attendees.map((attendee) => ({ id: attendee.id, name: attendee.display_name })),
      team: teamIds.map((id) => ({
        id,
        name: team.find((member) => member.id === id)?.display_name ?? '',
        role: roleOf(id) as 'pp_case_manager' | 'vss_case_manager' | 'partner_contact_worker',
      })),
      minutes: decrypt(meeting.minutes_enc),
      decisions: decrypt(meeting.decisions_enc),
      closedAt: meeting.closed_at ? new Date(meeting.closed_at).toISOString() : null,
    };
  }

  /** An extraordinary meeting (after a critical event, or whenever the case managers need one). */
  async create(jointCaseId: string, input: z.infer<typeof MeetingCreate>): Promise<MeetingView> {
    const jointCase = await this.ctx.trx
      .selectFrom('joint_case as jc')
      .select([
        'jc.id',
        'jc.status',
        'jc.pp_case_manager_id',
        'jc.vss_case_manager_id',
        'jc.partner_contact_worker_id',
        'jc.pp_episode_id',
      ])
      .where('jc.id', '=', jointCaseId)
      .where((eb) => rowFilterToSql(eb, meetingPolicy.visibleRows(this.ctx.actor)))
      .executeTakeFirst();
    if (!jointCase) throw notFound();
    if (
      !meetingPolicy.canRun(this.ctx.actor, {
        ppCaseManagerId: jointCase.pp_case_manager_id,
        vssCaseManagerId: jointCase.vss_case_manager_id,
        partnerContactWorkerId: jointCase.partner_contact_worker_id,
      })
    ) {
      this.ctx.audit.record({
        action: 'meeting.create',
        outcome: 'denied',
        resourceType: 'joint_case',
        resourceId: jointCaseId,
      });
      throw forbidden('The case managers of the joint case call its meetings');
    }
    if (jointCase.status !== 'open') throw invalidInput('jointCaseId', 'The joint case is closed');
    if (input.triggerEventId) {
      const event = await this.ctx.trx
        .selectFrom('case_event')
        .select('id')
        .where('id', '=', input.triggerEventId)
        .where('episode_id', '=', jointCase.pp_episode_id)
        .executeTakeFirst();
      if (!event) throw invalidInput('triggerEventId', 'No such critical event in this case');
    }
    const id = await insertMeeting(this.ctx.trx, {
      jointCaseId,
      kind: input.kind,
      mode: input.mode,
      scheduledFor: new Date(input.scheduledFor),
      durationMinutes: input.durationMinutes,
      place: input.place ?? null,
      triggerEventId: input.triggerEventId ?? null,
      createdBy: this.ctx.actor.userId,
    });
    this.ctx.audit.record({
      action: 'meeting.create',
      outcome: 'success',
      resourceType: 'case_meeting',
      resourceId: id,
      details: { kind: input.kind, mode: input.mode },
    });
    return this.get(id);
  }

  async updateAgendaItem(
    meetingId: string,
    item: AgendaItemName,
    input: z.infer<typeof AgendaItemUpdate>,
  ): Promise<MeetingView> {
    await this.runnable(meetingId, 'meeting.agenda');
    await this.ctx.trx
      .updateTable('meeting_agenda_item')
      .set({
        status: input.status,
        notes_enc: input.notes ? this.cipher.encrypt(input.notes) : null,
        deferred_reason: input.status === 'deferred' ? (input.deferredReason ?? null) : null,
        updated_by: this.ctx.actor.userId,
        updated_at: new Date(),
      })
      .where('meeting_id', '=', meetingId)
      .where('item', '=', item)
      .execute();
    this.ctx.audit.record({
      action: 'meeting.agenda',
      outcome: 'success',
      resourceType: 'case_meeting',
      resourceId: meetingId,
      details: { item, status: input.status },
    });
    return this.get(meetingId);
  }

  async addQualitativeNote(
    meetingId: string,
    input: z.infer<typeof QualitativeNoteCreate>,
  ): Promise<MeetingView> {
    await this.runnable(meetingId, 'meeting.qualitative_note');
    await this.ctx.trx
      .insertInto('qualitative_note')
      .values({
        meeting_id: meetingId,
        author_id: this.ctx.actor.userId,
        author_side: this.ctx.actor.side,
        concern_level: input.concernLevel,
        text_enc: this.cipher.encrypt(input.text),
      })
      .execute();
    this.ctx.audit.record({
      action: 'meeting.qualitative_note',
      outcome: 'success',
      resourceType: 'case_meeting',
      resourceId: meetingId,
      details: { concernLevel: input.concernLevel },
    });
    return this.get(meetingId);
  }

  /** Closes the meeting — refused while any compulsory item is neither addressed nor deferred — and plans the next. */
  async close(meetingId: string, input: z.infer<typeof MeetingClose>): Promise<MeetingView> {
    const meeting = await this.runnable(meetingId, 'meeting.close');
    const open = await this.ctx.trx
      .selectFrom('meeting_agenda_item')
      .select('item')
      .where('meeting_id', '=', meetingId)
      .where('status', '=', 'open')
      .orderBy('position')
      .execute();
    if (open.length > 0) {
      throw new AppError(
        409,
        'agenda_incomplete',
        `The meeting cannot be closed: ${open.map((row) => row.item.replaceAll('_', ' ')).join(', ')} not yet addressed or deferred`,
        open.map((row) => ({
          path: `agenda.${row.item}`,
          message: 'Address this item or defer it with a reason',
        })),
      );
    }
    const staff = await this.ctx.trx
      .selectFrom('app_user')
      .select('id')
      .where('id', 'in', input.attendance)
      .execute();
    const known = new Set(staff.map((row) => row.id));
    const unknown = input.attendance.findIndex((id) => !known.has(id));
    if (unknown >= 0) throw invalidInput(`attendance.${unknown}`, 'No such staff member');
    await this.ctx.trx
      .updateTable('case_meeting')
      .set({
        status: 'closed',
        attendance: input.attendance,
        minutes_enc: input.minutes ? this.cipher.encrypt(input.minutes) : null,
        decisions_enc: input.decisions ? this.cipher.encrypt(input.decisions) : null,
        closed_at: new Date(),
        closed_by: this.ctx.actor.userId,
      })
      .where('id', '=', meetingId)
      .execute();
    this.ctx.audit.record({
      action: 'meeting.close',
      outcome: 'success',
      resourceType: 'case_meeting',
      resourceId: meetingId,
      details: { attended: input.attendance.length },
    });
    await ensureNextMeeting(this.ctx.trx, this.ctx.audit, meeting.joint_case_id);
    return this.get(meetingId);
  }

  /** An iCalendar file for the meeting: time, place and case number only — no names of the couple. */
  async calendar(meetingId: string): Promise<string> {
    const meeting = await this.get(meetingId);
    const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const start = new Date(meeting.scheduledFor);
    const end = new Date(start.getTime() + meeting.durationMinutes * 60_000);
    const escapeText = (text: string) => text.replace(/[\\;,]/g, (char) => `\\${char}`).replace(/\n/g, '\\n');
    return [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Tandem//Phase 2 meetings//EN',
      'BEGIN:VEVENT',
      `UID:${meeting.id}@tandem`,
      `DTSTAMP:${stamp(new Date().toISOString())}`,
      `DTSTART:${stamp(start.toISOString())}`,
      `DTEND:${stamp(end.toISOString())}`,
      `SUMMARY:${escapeText(`Case-manager meeting ${meeting.caseNumber}${meeting.kind === 'extraordinary' ? ' (extraordinary)' : ''}`)}`,
      `LOCATION:${escapeText(meeting.mode === 'remote' ? 'Remote' : (meeting.place ?? ''))}`,
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
  }
}

export async function insertMeeting(
  trx: Kysely<Database>,
  meeting: {
    jointCaseId: string;
    kind: 'scheduled' | 'extraordinary';
    mode: 'in_person' | 'remote';
    scheduledFor: Date;
    durationMinutes?: number;
    place?: string | null;
    triggerEventId?: string | null;
    createdBy: string | null;
  },
): Promise<string> {
  const row = await trx
    .insertInto('case_meeting')
    .values({
      joint_case_id: meeting.jointCaseId,
      kind: meeting.kind,
      mode: meeting.mode,
      scheduled_for: meeting.scheduledFor,
      duration_minutes: meeting.durationMinutes ?? 60,
      place: meeting.place ?? null,
      trigger_event_id: meeting.triggerEventId ?? null,
      created_by: meeting.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('meeting_agenda_item')
    .values(AGENDA_ITEMS.map((item, position) => ({ meeting_id: row.id, item, position })))
    .execute();
  return row.id;
}

/**
 * Keeps exactly one planned scheduled meeting for a joint case while both programmes run, at
 * the date the schedule gives; cancels it when they stop. Called by the data layer after every
 * change that moves the schedule, and by the maintenance job.
 */
export async function ensureNextMeeting(
  trx: Kysely<Database>,
  audit: AuditRecorder,
  jointCaseId: string,
): Promise<void> {
  const facts = await trx
    .selectFrom('joint_case as jc')
    .innerJoin('pp_episode as pe', 'pe.id', 'jc.pp_episode_id')
    .innerJoin('vss_episode as ve', 've.id', 'jc.vss_episode_id')
    .innerJoin('network_membership as nm', 'nm.agency_id', 'jc.pp_agency_id')
    .innerJoin('network as n', 'n.id', 'nm.network_id')
    .select([
      'jc.status',
      'jc.created_at',
      'pe.status as pp_status',
      've.status as vss_status',
      'n.meeting_interval_days',
      'n.high_risk_meeting_interval_days',
    ])
    .select((eb) => [
      eb
        .selectFrom('agreed_risk_level as a')
        .select('a.level')
        .whereRef('a.joint_case_id', '=', 'jc.id')
        .orderBy('a.agreed_on', 'desc')
        .orderBy('a.created_at', 'desc')
        .limit(1)
        .as('agreed_level'),
      eb
        .selectFrom('case_meeting as m')
        .select((inner) => inner.fn.max('m.scheduled_for').as('last'))
        .whereRef('m.joint_case_id', '=', 'jc.id')
        .where('m.status', '=', 'closed')
        .as('last_meeting'),
    ])
    .where('jc.id', '=', jointCaseId)
    .executeTakeFirst();
  const planned = await trx
    .selectFrom('case_meeting')
    .select(['id', 'scheduled_for'])
    .where('joint_case_id', '=', jointCaseId)
    .where('kind', '=', 'scheduled')
    .where('status', '=', 'planned')
    .execute();
  const next = facts
    ? nextMeetingDate({
        caseStatus: facts.status as 'open' | 'closed',
        ppStatus: facts.pp_status as PpStatus,
        vssStatus: facts.vss_status as 'open' | 'closed',
        lastMeetingOrOpening: new Date((facts.last_meeting as Date | null) ?? facts.created_at),
        agreedLevel: (facts.agreed_level as string | null) ?? null,
        intervalDays: facts.meeting_interval_days,
        highRiskIntervalDays: facts.high_risk_meeting_interval_days,
      })
    : null;
  if (next === null) {
    if (planned.length > 0) {
      await trx
        .updateTable('case_meeting')
        .set({ status: 'cancelled' })
        .where(
          'id',
          'in',
          planned.map((meeting) => meeting.id),
        )
        .execute();
      audit.record({
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
    (new Date(current.scheduled_for) <= new Date() || (await meetingHasStarted(trx, current.id)))
  )
    return;
  if (current) {
    await trx.updateTable('case_meeting').set({ scheduled_for: next }).where('id', '=', current.id).execute();
  } else {
    await insertMeeting(trx, {
      jointCaseId,
      kind: 'scheduled',
      mode: 'in_person',
      scheduledFor: next,
      createdBy: null,
    });
  }
  audit.record({
    action: 'meeting.scheduled',
    outcome: 'success',
    resourceType: 'joint_case',
    resourceId: jointCaseId,
    details: { scheduledFor: next.toISOString() },
  });
}

async function meetingHasStarted(trx: Kysely<Database>, meetingId: string): Promise<boolean> {
  const touched = await trx
    .selectFrom('meeting_agenda_item')
    .select('item')
    .where('meeting_id', '=', meetingId)
    .where('status', '!=', 'open')
    .executeTakeFirst();
  return touched !== undefined;
}

export async function openJointCaseIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{ id: string }>`SELECT id FROM joint_case WHERE status = 'open'`.execute(db);
  return rows.rows.map((row) => row.id);
}
