import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import localizedFormat from 'dayjs/plugin/localizedFormat';
// The locales of dateLocales.ts, registered on the dayjs instance that @mantine/dates uses.
import 'dayjs/locale/bg';
import 'dayjs/locale/el';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/es';
import 'dayjs/locale/it';

dayjs.extend(customParseFormat);
dayjs.extend(localizedFormat);

/** How a date field shows its date: the month by name ("10 Mar 2026", "10 mar 2026"), never ambiguous. */
export const SHOWN_DATE_FORMAT = 'll';

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** Day, month, year: the numeric order of all five interface languages. */
const NUMERIC = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 February over to March and maps years below 100 to 19xx: neither is what was typed.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A typed date as YYYY-MM-DD, or null while it is not (yet) a whole, real date. Takes YYYY-MM-DD,
 * day/month/year in digits (with / . or -), and the field's own display in the given dayjs locale.
 */
export function parseTypedDate(text: string, locale: string): string | null {
  const typed = text.trim();
  const iso = ISO.exec(typed);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = NUMERIC.exec(typed);
  if (numeric) return isoDate(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const shown = dayjs(typed, [SHOWN_DATE_FORMAT, 'LL'], locale, true);
  return shown.isValid() ? shown.format('YYYY-MM-DD') : null;
}
