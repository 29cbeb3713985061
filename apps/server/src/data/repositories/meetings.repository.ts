import { AGENDA_ITEMS, type AgendaItemName } from '@tandem/shared';
import type { Updateable } from 'kysely';
import type { DB } from '../../db/schema.generated.js';
import type { FieldCipher } from '../../security/field-encryption.js';
import type { ScopedDb } from '../scoped-db.js';

export interface MeetingListFilter {
  jointCaseId?: string | undefined;
  /** Held (or, until held, planned) at or after this instant ... */
  from?: Date | undefined;
  /** ... and before this one. */
  to?: Date | undefined;
  /** Only the cases this user is named on. */
  namedOn?: string | undefined;
  limit: number;
}

export interface NewMeeting {
  jointCaseId: string;
  kind: 'scheduled' | 'extraordinary';
  mode: 'in_person' | 'remote';
  scheduledFor: Date;
  timeZone: string;
  durationMinutes: number;
  place: string | null;
  triggerEventId: string | null;
}

/** The text columns of a meeting, decrypted. */
export interface MeetingText {
  minutes?: string | null | undefined;
  decisions?: string | null | undefined;
}

/**
 * Phase 2 meetings: the meeting with its joint case's header, the five compulsory agenda items,
 * qualitative notes, attendance. Plain table access through the scoped handle (the policy
 * decides what the actor reads and writes); the workflows are in services/meetings/. Free text
 * is encrypted at rest and decrypted here.
 */
export class MeetingsRepository {
  constructor(
    private readonly db: ScopedDb,
    private readonly cipher: FieldCipher,
  ) {}

  /** The joint case header as the actor may see it (the link to her record only where the policy lets it through). */
  async jointCase(jointCaseId: string) {
    return this.db.query
      .selectFrom('joint_case')
      .select([
        'id',
        'case_number',
        'status',
        'pp_agency_id',
        'vss_agency_id',
        'pp_episode_id',
        'pp_case_manager_id',
        'vss_case_manager_id',
        'partner_contact_worker_id',
        'partner_person_id',
      ])
      .where('id', '=', jointCaseId)
      .executeTakeFirst();
  }

  /** Meetings with their case: what a list shows of each. */
  private meetingsWithCase() {
    return this.db.query
      .selectFrom('case_meeting as m')
      .innerJoin('joint_case as jc', 'jc.id', 'm.joint_case_id')
      .select([
        'm.id',
        'm.joint_case_id',
        'm.kind',
        'm.mode',
        'm.scheduled_for',
        'm.held_at',
        'm.time_zone',
        'm.status',
        'm.duration_minutes',
        'jc.case_number',
      ]);
  }

  /** A meeting in full: its record (text encrypted) and who is named on its case. */
  private selectMeetings() {
    return this.meetingsWithCase().select([
      'm.place_enc',
      'm.attendance',
      'm.minutes_enc',
      'm.decisions_enc',
      'm.closed_at',
      'jc.status as case_status',
      'jc.pp_case_manager_id',
      'jc.vss_case_manager_id',
      'jc.partner_contact_worker_id',
    ]);
  }

  async find(meetingId: string) {
    const row = await this.selectMeetings().where('m.id', '=', meetingId).executeTakeFirst();
    if (!row) return null;
    const { minutes_enc, decisions_enc, place_enc, ...rest } = row;
    return {
      ...rest,
      place: this.decrypt(place_enc),
      minutes: this.decrypt(minutes_enc),
      decisions: this.decrypt(decisions_enc),
    };
  }

  /** Meetings in time order (cancelled ones left out). */
  async list(filter: MeetingListFilter) {
    return (
      this.meetingsWithCase()
        .where('m.status', '!=', 'cancelled')
        .$if(filter.jointCaseId !== undefined, (qb) => qb.where('m.joint_case_id', '=', filter.jointCaseId!))
        .$if(filter.from !== undefined, (qb) =>
          qb.where((eb) => eb(eb.fn.coalesce('m.held_at', 'm.scheduled_for'), '>=', filter.from!)),
        )
        .$if(filter.to !== undefined, (qb) =>
          qb.where((eb) => eb(eb.fn.coalesce('m.held_at', 'm.scheduled_for'), '<', filter.to!)),
        )
        // The user's cases first (an index for each named role), then their meetings by case.
        .$if(filter.namedOn !== undefined, (qb) =>
          qb.where((eb) =>
            eb(
              'm.joint_case_id',
              'in',
              eb
                .selectFrom('joint_case as mine')
                .select('mine.id')
                .where((inner) =>
                  inner.or([
                    inner('mine.pp_case_manager_id', '=', filter.namedOn!),
                    inner('mine.vss_case_manager_id', '=', filter.namedOn!),
                    inner('mine.partner_contact_worker_id', '=', filter.namedOn!),
                  ]),
                ),
            ),
          ),
        )
        .orderBy('m.scheduled_for')
        .orderBy('m.id')
        .limit(filter.limit)
        .execute()
    );
  }

  async agenda(meetingId: string) {
    const rows = await this.db.query
      .selectFrom('meeting_agenda_item')
      .select(['item', 'status', 'notes_enc', 'deferred_reason_enc'])
      .where('meeting_id', '=', meetingId)
      .orderBy('position')
      .execute();
    return rows.map((row) => ({
      item: row.item as AgendaItemName,
      status: row.status as 'open' | 'addressed' | 'deferred',
      notes: this.decrypt(row.notes_enc),
      deferredReason: this.decrypt(row.deferred_reason_enc),
    }));
  }

  /** The qualitative notes the actor may read (the policy keeps the victim side's from the perpetrator side). */
  async qualitativeNotes(meetingId: string) {
    const rows = await this.db.query
      .selectFrom('qualitative_note as q')
      .leftJoin('app_user as u', 'u.id', 'q.author_id')
      .select(['q.id', 'q.author_side', 'q.concern_level', 'q.text_enc', 'u.display_name'])
      .where('q.meeting_id', '=', meetingId)
      .orderBy('q.created_at')
      .orderBy('q.id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      authorName: row.display_name ?? '',
      authorSide: row.author_side,
      concernLevel: row.concern_level as 'low' | 'medium' | 'high',
      text: this.cipher.decrypt(row.text_enc),
    }));
  }

  /** Names of staff accounts the actor may see (colleagues in the actor's networks). */
  async staffNames(userIds: readonly string[]) {
    if (userIds.length === 0) return [];
    return this.db.query
      .selectFrom('app_user')
      .select(['id', 'display_name'])
      .where('id', 'in', [...userIds])
      .execute();
  }

  /** Is there a critical event with this id, visible to the actor, in his episode? */
  async criticalEventOfEpisode(eventId: string, episodeId: string): Promise<boolean> {
    const row = await this.db.query
      .selectFrom('case_event')
      .select('id')
      .where('id', '=', eventId)
      .where('episode_id', '=', episodeId)
      .where('event_type', '=', 'critical')
      .executeTakeFirst();
    return row !== undefined;
  }

  async hasPlannedScheduled(jointCaseId: string): Promise<boolean> {
    const row = await this.db.query
      .selectFrom('case_meeting')
      .select('id')
      .where('joint_case_id', '=', jointCaseId)
      .where('kind', '=', 'scheduled')
      .where('status', '=', 'planned')
      .executeTakeFirst();
    return row !== undefined;
  }

  async belongsToCase(meetingId: string, jointCaseId: string): Promise<boolean> {
    const row = await this.db.query
      .selectFrom('case_meeting')
      .select('id')
      .where('id', '=', meetingId)
      .where('joint_case_id', '=', jointCaseId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** A meeting with its five compulsory agenda items, each written through the write policy. */
  async insert(meeting: NewMeeting): Promise<string> {
    const row = await this.db.insertOne(
      'case_meeting',
      {
        joint_case_id: meeting.jointCaseId,
        kind: meeting.kind,
        mode: meeting.mode,
        scheduled_for: meeting.scheduledFor,
        time_zone: meeting.timeZone,
        duration_minutes: meeting.durationMinutes,
        place_enc: meeting.place ? this.cipher.encrypt(meeting.place) : null,
        trigger_event_id: meeting.triggerEventId,
        created_by: this.db.actor.userId,
      },
      { action: 'meeting.create', details: { kind: meeting.kind, mode: meeting.mode } },
    );
    await this.db.insert(
      'meeting_agenda_item',
      AGENDA_ITEMS.map((item, position) => ({ meeting_id: row.id, item, position })),
      { action: 'meeting.agenda_created' },
    );
    return row.id;
  }

  async updateAgendaItem(
    meetingId: string,
    item: AgendaItemName,
    change: {
      status: 'addressed' | 'deferred';
      notes: string | null;
      deferredReason: string | null;
      at: Date;
    },
  ): Promise<boolean> {
    const rows = await this.db.update(
      'meeting_agenda_item',
      (eb) => eb.and([eb('meeting_id', '=', meetingId), eb('item', '=', item)]),
      {
        status: change.status,
        notes_enc: change.notes ? this.cipher.encrypt(change.notes) : null,
        deferred_reason_enc: change.deferredReason ? this.cipher.encrypt(change.deferredReason) : null,
        updated_by: this.db.actor.userId,
        updated_at: change.at,
      },
      { action: 'meeting.agenda', details: { item, status: change.status } },
    );
    return rows.length > 0;
  }

  async insertQualitativeNote(
    meetingId: string,
    note: { concernLevel: string; text: string },
  ): Promise<void> {
    await this.db.insert(
      'qualitative_note',
      {
        meeting_id: meetingId,
        author_id: this.db.actor.userId,
        author_side: this.db.actor.side,
        concern_level: note.concernLevel,
        text_enc: this.cipher.encrypt(note.text),
      },
      { action: 'meeting.qualitative_note', details: { concernLevel: note.concernLevel } },
    );
  }

  async close(
    meetingId: string,
    close: MeetingText & { attendance: string[]; heldAt: Date; closedAt: Date },
  ): Promise<boolean> {
    const set: Updateable<DB['case_meeting']> = {
      status: 'closed',
      attendance: close.attendance,
      minutes_enc: close.minutes ? this.cipher.encrypt(close.minutes) : null,
      decisions_enc: close.decisions ? this.cipher.encrypt(close.decisions) : null,
      held_at: close.heldAt,
      closed_at: close.closedAt,
      closed_by: this.db.actor.userId,
    };
    const rows = await this.db.update(
      'case_meeting',
      (eb) => eb.and([eb('id', '=', meetingId), eb('status', '=', 'planned')]),
      set,
      {
        action: 'meeting.close',
        details: { attended: close.attendance.length, heldAt: close.heldAt.toISOString() },
      },
    );
    return rows.length > 0;
  }

  /** An extraordinary meeting the system proposed: accepted (planned, at its date) or declined (cancelled). */
  async decideProposal(
    meetingId: string,
    set: { status: 'planned' | 'cancelled'; scheduled_for?: Date; mode?: string },
  ): Promise<boolean> {
    const rows = await this.db.update(
      'case_meeting',
      (eb) => eb.and([eb('id', '=', meetingId), eb('status', '=', 'proposed')]),
      set,
      { action: 'meeting.decide_proposal', details: { status: set.status } },
    );
    return rows.length > 0;
  }

  private decrypt(value: string | null): string | null {
    return value ? this.cipher.decrypt(value) : null;
  }
}
