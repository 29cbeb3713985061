/**
 * The one clock (docs/domain.md, "Time"). Every network works in its own time zone: "today",
 * due dates, meeting times, PDFs and calendar entries are in the network's zone. The server is
 * the only source of "now"; the web app takes the date it shows from the server.
 */

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock a test can move: the system under test never reads the machine's time. */
export class ManualClock implements Clock {
  #now: Date;
  constructor(start: Date = new Date()) {
    this.#now = new Date(start);
  }
  now(): Date {
    return new Date(this.#now);
  }
  set(at: Date): void {
    this.#now = new Date(at);
  }
  advanceDays(days: number): void {
    this.#now = new Date(this.#now.getTime() + days * 86_400_000);
  }
}

export const DEFAULT_TIME_ZONE = 'Europe/Rome';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per locale, options and zone, kept: building a formatter costs far more than
 * using one, and the same few are used on every request.
 */
export function formatterFor(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

/** The calendar date (YYYY-MM-DD) at this instant in this zone. */
export function dateIn(timeZone: string, at: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return formatterFor('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Minutes the zone is ahead of UTC at this instant (e.g. 60 for Rome in winter). */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const format = formatterFor('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const parts = format.formatToParts(at);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(
    value('year'),
    value('month') - 1,
    value('day'),
    value('hour'),
    value('minute'),
    value('second'),
  );
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant at which it is this local date and time in this zone (e.g. 09:00 in Rome). */
export function instantAt(timeZone: string, isoDate: string, hour: number, minute = 0): Date {
  const guess = new Date(
    `${isoDate}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`,
  );
  // Two passes settle the offset across a daylight-saving change.
  let instant = new Date(guess.getTime() - zoneOffsetMinutes(timeZone, guess) * 60_000);
  instant = new Date(guess.getTime() - zoneOffsetMinutes(timeZone, instant) * 60_000);
  return instant;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Calendar arithmetic on YYYY-MM-DD dates (no zone can shift them). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Months later, on the same day or the month's last (31 January + 1 month = 28 or 29 February). */
export function addMonths(isoDate: string, months: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const day = date.getUTCDate();
  date.setUTCMonth(date.getUTCMonth() + months, 1);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.toISOString().slice(0, 10);
}

/** Working days (Monday to Friday) after an instant, for the time to inform her. */
export function addWorkingDays(from: Date, days: number): Date {
  const result = new Date(from);
  let added = 0;
  while (added < days) {
    result.setUTCDate(result.getUTCDate() + 1);
    const weekday = result.getUTCDay();
    if (weekday !== 0 && weekday !== 6) added += 1;
  }
  return result;
}
