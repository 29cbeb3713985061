import type { AgendaItemName, JOINT_MEETING_FIELDS, MeetingView, SessionView } from '@tandem/shared';
import type { HerDetailsCheck } from '../../../../components/forms/herDetails';

export type JointMeetingField = (typeof JOINT_MEETING_FIELDS)[number];

/** What each agenda item's panel needs from the meeting screen. */
export interface AgendaContext {
  meeting: MeetingView;
  session: SessionView;
  /** The meeting is planned and the user may run it (meeting.can.updateAgenda: its team). */
  canRun: boolean;
  /** Ask again for everything the meeting shows (after a change made here). */
  refresh: () => void;
  /**
   * Mark an item addressed, with its notes for the minutes (asked first if they hold her details,
   * unless `confirmed`: the worker was just asked about the same text). `keepOpen`: the item stays
   * expanded, so what was just added there stays in sight.
   */
  address: (item: AgendaItemName, notes?: string, confirmed?: boolean, keepOpen?: boolean) => Promise<void>;
  /** The meeting's one check of joint text against her recorded details, and its question. */
  herDetails: HerDetailsCheck;
  /** Whether the programme reads this field of the meeting as written (MeetingView.seenByProgramme). */
  seen: (field: JointMeetingField) => boolean;
}
