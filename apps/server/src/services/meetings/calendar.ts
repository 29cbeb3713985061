import type { Language, MeetingView } from '@tandem/shared';
import type { CommandScope } from '../../data/command-scope.js';
import { labelsFor } from '../../pdf/labels.js';
import { localDateTime, meetingInstant } from './meeting-time.js';
import { meetingView } from './meeting-view.js';

/**
 * An iCalendar entry (RFC 5545) for a meeting: time, place and case number only — no names of
 * the couple. Times are in UTC, with the meeting's own zone and local time in the description,
 * so every calendar shows the right moment and the reader sees the zone it was planned in. A
 * meeting that has been held shows when it was held.
 */
export async function meetingCalendar(scope: CommandScope, meetingId: string, language: Language) {
  const meeting = await meetingView(scope, meetingId);
  return {
    bytes: calendarText(meeting, scope.clock.now(), language),
    filename: `meeting-${meeting.id}.ics`,
  };
}

export function calendarText(meeting: MeetingView, now: Date, language: Language): string {
  const t = labelsFor(language);
  const start = meetingInstant(meeting);
  const end = new Date(start.getTime() + meeting.durationMinutes * 60_000);
  const when = `${localDateTime(start, meeting.timeZone)} (${meeting.timeZone})`;
  const description = [
    `${t('case')}: ${meeting.caseNumber}`,
    `${meeting.heldAt ? t('heldAt') : t('plannedFor')}: ${when}`,
    `${t('timeZone')}: ${meeting.timeZone}`,
  ].join('\n');
  const summary = `${t('calendarSummary')} ${meeting.caseNumber}${meeting.kind === 'extraordinary' ? ` (${t('extraordinary')})` : ''}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tandem//Phase 2 meetings//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${meeting.id}@tandem`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART:${utcStamp(start)}`,
    `DTEND:${utcStamp(end)}`,
    `SUMMARY:${escapeText(summary)}`,
    `LOCATION:${escapeText(meeting.mode === 'remote' ? t('remote') : (meeting.place ?? ''))}`,
    `DESCRIPTION:${escapeText(description)}`,
    `STATUS:${meeting.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** 2026-03-06T10:00:00.000Z → 20260306T100000Z */
const utcStamp = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

const escapeText = (text: string) => text.replace(/[\\;,]/g, (char) => `\\${char}`).replace(/\r?\n/g, '\\n');

/** Lines longer than 75 octets continue on the next line after a space, never inside a character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
