/**
 * A meeting's times are planned and shown in its network's zone (docs/architecture.md, "Time"),
 * whatever the zone of the browser: the two case managers may sit in different places.
 */

/** "Tue 10 Mar 2026, 10:00 CET" in the user's language, in the meeting's zone. */
export function formatInZone(language: string, iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(language, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    }).format(date);
  } catch {
    return date.toISOString();
  }
}

/** The wall-clock fields of an instant in a zone. */
function wallFields(instant: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const field = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
}

/**
 * A `datetime-local` value ("2026-03-10T10:00") read as a time in the meeting's zone, as an ISO
 * instant; '' stays ''. An unknown zone or a value that is not a time gives undefined.
 */
export function wallTimeToIso(value: string, timeZone: string): string | undefined {
  if (value.trim() === '') return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  try {
    // The zone's offset at that moment, found from the wall time and checked once (summer time).
    let instant = wall - (wallFields(wall, timeZone) - wall);
    instant = wall - (wallFields(instant, timeZone) - instant);
    return new Date(instant).toISOString();
  } catch {
    return undefined;
  }
}

/** Now as a `datetime-local` value in the meeting's zone (the latest a meeting can have been held). */
export function nowInZone(timeZone: string, now = Date.now()): string {
  try {
    return new Date(wallFields(now, timeZone)).toISOString().slice(0, 16);
  } catch {
    return new Date(now).toISOString().slice(0, 16);
  }
}
