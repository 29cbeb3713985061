import type { AgendaItemName, AgendaItemUpdate, MeetingView, QualitativeNoteCreate } from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import { guardHerDetails } from './her-details-guard.js';
import { meetingView, runnableMeeting } from './meeting-view.js';

/**
 * Address a compulsory agenda item, or defer it with a reason (docs/domain.md, "Phase 2"). The
 * notes are joint: the programme reads them as written.
 */
export async function updateAgendaItem(
  scope: CommandScope,
  meetingId: string,
  item: AgendaItemName,
  input: z.infer<typeof AgendaItemUpdate>,
): Promise<MeetingView> {
  const meeting = await runnableMeeting(scope, meetingId, 'meeting.agenda');
  await guardHerDetails(
    scope,
    meeting.joint_case_id,
    [{ path: 'notes', text: input.notes }],
    input.confirmHerDetails,
  );
  const updated = await scope.repos.meetings.updateAgendaItem(meetingId, item, {
    status: input.status,
    notes: input.notes || null,
    deferredReason: input.status === 'deferred' ? (input.deferredReason ?? null) : null,
    at: scope.clock.now(),
  });
  if (!updated) throw scope.db.refuse('meeting.agenda', 'case_meeting', meetingId);
  return meetingView(scope, meetingId);
}

/**
 * What a professional perceives as danger beyond the checklist. A note written on the victim
 * side stays there (the policy never shows it to the perpetrator side), so it needs no check
 * against her details.
 */
export async function addQualitativeNote(
  scope: CommandScope,
  meetingId: string,
  input: z.infer<typeof QualitativeNoteCreate>,
): Promise<MeetingView> {
  await runnableMeeting(scope, meetingId, 'meeting.qualitative_note');
  await scope.repos.meetings.insertQualitativeNote(meetingId, {
    concernLevel: input.concernLevel,
    text: input.text,
  });
  return meetingView(scope, meetingId);
}
