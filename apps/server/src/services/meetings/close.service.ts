import type { MeetingClose, MeetingView } from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import { AppError, invalidInput } from '../../domain/errors.js';
import { ensureNextMeeting } from '../consequences/meeting-schedule.js';
import { systemContextOf } from '../consequences/system-context.js';
import { guardHerDetails } from './her-details-guard.js';
import { meetingView, runnableMeeting } from './meeting-view.js';

/**
 * Closes a meeting — refused while any compulsory item is neither addressed nor deferred with a
 * reason — and plans the next (docs/domain.md, "Phase 2"). The record keeps when the meeting
 * was actually held, which may be before or after its planned date; the schedule counts from it.
 */
export async function closeMeeting(
  scope: CommandScope,
  meetingId: string,
  input: z.infer<typeof MeetingClose>,
): Promise<MeetingView> {
  const { repos } = scope;
  const meeting = await runnableMeeting(scope, meetingId, 'meeting.close');
  const open = (await repos.meetings.agenda(meetingId)).filter((item) => item.status === 'open');
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
  const known = new Set((await repos.meetings.staffNames(input.attendance)).map((person) => person.id));
  const unknown = input.attendance.findIndex((id) => !known.has(id));
  if (unknown >= 0) throw invalidInput(`attendance.${unknown}`, 'No such staff member');
  const now = scope.clock.now();
  const heldAt = input.heldAt ? new Date(input.heldAt) : now;
  if (heldAt.getTime() > now.getTime())
    throw invalidInput('heldAt', 'A meeting is closed once it has been held: this time is still to come');
  await guardHerDetails(
    scope,
    meeting.joint_case_id,
    [
      { path: 'minutes', text: input.minutes },
      { path: 'decisions', text: input.decisions },
    ],
    input.confirmHerDetails,
  );
  const closed = await repos.meetings.close(meetingId, {
    attendance: [...new Set(input.attendance)],
    minutes: input.minutes ?? null,
    decisions: input.decisions ?? null,
    heldAt,
    closedAt: now,
  });
  if (!closed) throw new AppError(409, 'meeting_closed', 'This meeting is already closed');
  await ensureNextMeeting(systemContextOf(scope, 'workflow_consequence'), meeting.joint_case_id);
  return meetingView(scope, meetingId);
}
