/**
 * The network's calendar (docs/domain.md, "Time"): its zone, and how far this device's clock is
 * from the server's — set from the session, so "today" is the network's today on the server's
 * clock, whatever the device's zone or clock says.
 */
let calendar: { timeZone: string; offsetMs: number } | null = null;

export function setServerCalendar(session: { timeZone: string; serverTime: string }): void {
  calendar = { timeZone: session.timeZone, offsetMs: Date.parse(session.serverTime) - Date.now() };
}

/** Today in the network, as YYYY-MM-DD (what the API's date fields take). */
export function todayIso(): string {
  const now = new Date(Date.now() + (calendar?.offsetMs ?? 0));
  // en-CA writes YYYY-MM-DD; without a session yet, the device's own zone.
  return new Intl.DateTimeFormat('en-CA', {
    ...(calendar && { timeZone: calendar.timeZone }),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * Now on the server's clock, in the network's zone, with the zone named ("3 Dec 2026, 12:51 CET"):
 * the moment a page is printed, as the network reads it.
 */
export function formatNowInNetwork(language: string): string {
  const now = new Date(Date.now() + (calendar?.offsetMs ?? 0));
  return new Intl.DateTimeFormat(language, {
    ...(calendar && { timeZone: calendar.timeZone }),
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(now);
}

export function addYearsIso(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC((y ?? 2000) + years, (m ?? 1) - 1, d ?? 1));
  return date.toISOString().slice(0, 10);
}

/** "12 Nov 2026" for a YYYY-MM-DD date (read as a calendar day, not shifted by time zones). */
export function formatDate(language: string, iso: string | null | undefined): string {
  if (!iso) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const date = match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
}

/** Empty strings become undefined, so optional fields are left out of the request. */
export function optional(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Only the keys with a value (for objects of optional fields such as contact details). */
export function compact<T extends Record<string, string | undefined>>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== ''),
  ) as Partial<T>;
}
