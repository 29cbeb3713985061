/** Today's date where the user is, as YYYY-MM-DD (what the API's date fields take). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function addYearsIso(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return todayIso(new Date((y ?? 2000) + years, (m ?? 1) - 1, d ?? 1));
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
