import type { AgendaItemName, MeetingView, SessionView } from '@tandem/shared';

/** What each agenda item's panel needs from the meeting screen. */
export interface AgendaContext {
  meeting: MeetingView;
  session: SessionView;
  /** The user may change the meeting (one of the case's case managers or its partner-contact worker). */
  canRun: boolean;
  /** Ask again for everything the meeting shows (after a change made here). */
  refresh: () => void;
  /** Mark an item addressed, with its notes for the minutes. */
  address: (item: AgendaItemName, notes?: string) => Promise<void>;
}

/** The IMPACT questionnaire each side gives: his for the programme, hers for victim support. */
export function questionnaireSubject(side: SessionView['user']['side']): 'him' | 'her' | null {
  if (side === 'perpetrator') return 'him';
  if (side === 'victim') return 'her';
  return null;
}
