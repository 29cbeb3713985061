import { JOINT_MEETING_FIELDS, type MeetingSummary, type MeetingView } from '@tandem/shared';
import type { CommandScope } from '../../data/command-scope.js';
import { addDays, instantAt } from '../../domain/clock.js';
import { AppError, forbidden } from '../../domain/errors.js';
import { type MeetingTeam, meetingPolicy } from '../../policy/meeting.policy.js';

type MeetingRow = NonNullable<Awaited<ReturnType<CommandScope['repos']['meetings']['find']>>>;
type SummaryRow = Awaited<ReturnType<CommandScope['repos']['meetings']['list']>>[number];

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

const teamOf = (row: MeetingRow): MeetingTeam => ({
  ppCaseManagerId: row.pp_case_manager_id,
  vssCaseManagerId: row.vss_case_manager_id,
  partnerContactWorkerId: row.partner_contact_worker_id,
});

function toSummary(row: SummaryRow): MeetingSummary {
  return {
    id: row.id,
    jointCaseId: row.joint_case_id,
    caseNumber: row.case_number,
    kind: row.kind as MeetingSummary['kind'],
    mode: row.mode as MeetingSummary['mode'],
    scheduledFor: iso(row.scheduled_for),
    heldAt: isoOrNull(row.held_at),
    timeZone: row.time_zone,
    status: row.status as MeetingSummary['status'],
  };
}

/**
 * One meeting as the actor may see it (docs/domain.md, "Phase 2"), composed from the
 * policy-bound repositories; null when the actor may not see it. The victim side's
 * qualitative notes come in a field of their own, and only to readers the policy lets read them.
 */
export async function findMeetingView(scope: CommandScope, meetingId: string): Promise<MeetingView | null> {
  const { meetings } = scope.repos;
  const row = await meetings.find(meetingId);
  if (!row) return null;
  const team = teamOf(row);
  const teamIds = [team.ppCaseManagerId, team.vssCaseManagerId, team.partnerContactWorkerId].filter(
    (id): id is string => id !== null,
  );
  const [agenda, notes, names] = await Promise.all([
    meetings.agenda(meetingId),
    meetings.qualitativeNotes(meetingId),
    meetings.staffNames([...new Set([...teamIds, ...row.attendance])]),
  ]);
  const nameOf = (id: string) => names.find((person) => person.id === id)?.display_name ?? '';
  const roleOf = (id: string): MeetingView['team'][number]['role'] =>
    id === team.ppCaseManagerId
      ? 'pp_case_manager'
      : id === team.vssCaseManagerId
        ? 'vss_case_manager'
        : 'partner_contact_worker';
  return {
    id: row.id,
    jointCaseId: row.joint_case_id,
    caseNumber: row.case_number,
    kind: row.kind as MeetingView['kind'],
    mode: row.mode as MeetingView['mode'],
    scheduledFor: iso(row.scheduled_for),
    heldAt: isoOrNull(row.held_at),
    timeZone: row.time_zone,
    durationMinutes: row.duration_minutes,
    place: row.place,
    status: row.status as MeetingView['status'],
    agenda,
    qualitativeNotes: notes.filter((note) => note.authorSide !== 'victim'),
    victimSideNotes: notes.filter((note) => note.authorSide === 'victim'),
    seenByProgramme: [...JOINT_MEETING_FIELDS],
    attendance: row.attendance.map((id) => ({ id, name: nameOf(id) })),
    team: teamIds.map((id) => ({ id, name: nameOf(id), role: roleOf(id) })),
    minutes: row.minutes,
    decisions: row.decisions,
    closedAt: isoOrNull(row.closed_at),
    can: meetingPolicy.abilities(scope.actor, { status: row.status, caseStatus: row.case_status, team }),
  };
}

export async function meetingView(
  scope: CommandScope,
  meetingId: string,
  action = 'meeting.read',
): Promise<MeetingView> {
  const view = await findMeetingView(scope, meetingId);
  if (!view) throw scope.db.refuse(action, 'case_meeting', meetingId);
  return view;
}

/**
 * A planned meeting the actor runs (named on the case), for a command on it. Anyone else gets
 * the one refusal — or, if they can see the meeting, a 403 — and a closed meeting a 409.
 */
export async function runnableMeeting(scope: CommandScope, meetingId: string, action: string) {
  const row = await scope.repos.meetings.find(meetingId);
  if (!row) throw scope.db.refuse(action, 'case_meeting', meetingId);
  if (!meetingPolicy.runs(scope.actor, teamOf(row))) {
    scope.audit.record({ action, outcome: 'denied', resourceType: 'case_meeting', resourceId: meetingId });
    throw forbidden('The case managers of the joint case run its meetings');
  }
  if (row.status !== 'planned') throw new AppError(409, 'meeting_closed', 'This meeting is already closed');
  return row;
}

/** The meetings of a joint case, in time order (cancelled ones left out). */
export async function meetingsOfCase(scope: CommandScope, jointCaseId: string): Promise<MeetingSummary[]> {
  // A case the actor may not see has no meetings to list: the one answer for "not yours".
  if (!(await scope.repos.meetings.jointCase(jointCaseId)))
    throw scope.db.refuse('meeting.list', 'joint_case', jointCaseId);
  const rows = await scope.repos.meetings.list({ jointCaseId, limit: 100 });
  return rows.map(toSummary);
}

/** For the home page: the meetings of the actor's cases from today to a week ahead, in the actor's zone. */
export async function meetingsThisWeek(scope: CommandScope): Promise<MeetingSummary[]> {
  const { timeZone, today, userId } = scope.actor;
  const rows = await scope.repos.meetings.list({
    namedOn: userId,
    from: instantAt(timeZone, today, 0),
    to: instantAt(timeZone, addDays(today, 7), 0),
    limit: 100,
  });
  return rows.map(toSummary);
}
