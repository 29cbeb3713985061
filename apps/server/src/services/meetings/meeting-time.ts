import { formatterFor } from '../../domain/clock.js';

/**
 * A meeting's time as its participants read it: in the meeting's own zone (docs/domain.md,
 * "Time"), never the server's. The record shows when it was held once it has been.
 */
/** "2026-03-06 11:00" for this instant in this zone. */
export function localDateTime(at: Date, timeZone: string): string {
  const format = formatterFor('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** When the meeting took place, or — until it has — when it is planned. */
export function meetingInstant(meeting: { scheduledFor: string; heldAt: string | null }): Date {
  return new Date(meeting.heldAt ?? meeting.scheduledFor);
}
