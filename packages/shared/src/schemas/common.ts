import { z } from 'zod';

export const Id = z.uuid();

/**
 * A calendar date, YYYY-MM-DD, within the years casework can concern (year 0000 passes the ISO
 * format and fails in PostgreSQL: refuse it here, naming the field).
 */
export const IsoDate = z.iso
  .date({ message: 'Use a date like 2026-03-31' })
  .refine((value) => value >= '1900-01-01' && value <= '2199-12-31', 'Use a date between 1900 and 2199');

/**
 * An instant with its offset (2026-03-10T10:00:00Z), within the same years as IsoDate: the year
 * 0000 passes the ISO format and fails in PostgreSQL.
 */
export const IsoDateTime = z.iso
  .datetime({ offset: true, message: 'Use a date and time like 2026-03-10T10:00:00Z' })
  .refine((value) => value >= '1900-01-01' && value < '2200-01-01', 'Use a date between 1900 and 2199');

/** A date of birth: a date, and not in the future. */
export const BirthDate = IsoDate.refine(
  (value) => value <= new Date().toISOString().slice(0, 10),
  'A date of birth cannot be in the future',
);

/** Free text, trimmed, bounded. */
export const Text = (max = 4000) => z.string().trim().max(max);

/** Text that must be given (a name, a title), trimmed, bounded, free of invisible direction overrides. */
export const RequiredText = (label: string, max = 200) =>
  z
    .string()
    .trim()
    .min(1, `Enter ${label}`)
    .max(max)
    // Bidirectional overrides make a name display as something else (e.g. in a list of people).
    .refine(
      (value) => !/[\u202A-\u202E\u2066-\u2069]/.test(value),
      'Remove the invisible text-direction characters',
    );

/** The bounds of the database's integer. */
export const INT_MIN = -2_147_483_648;
export const INT_MAX = 2_147_483_647;

/** A whole number that fits the database's integer. */
export const Int = (min = INT_MIN, max = INT_MAX) => z.number().int().min(min).max(max);

/** The same, written as text (a path parameter, a query string). */
export const IntText = (min = INT_MIN, max = INT_MAX) => z.coerce.number().int().min(min).max(max);

/** Keyset pagination: the cursor is opaque to the client. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
export type Page<T> = { items: T[]; nextCursor: string | null };

export const IdParams = z.object({ id: Id });

export const FieldError = z.object({
  path: z.string(),
  message: z.string(),
  /** A machine-readable name for what was found, for the client to put in words (e.g. her details: `phone`). */
  detail: z.string().optional(),
});

/** Every error the API sends has this shape; `fields` names what was wrong with the input. */
export const ErrorResponse = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.array(FieldError).optional(),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

export const Ok = z.object({ ok: z.literal(true) });

/** The answer to a command that creates one thing and needs to say only which. */
export const Created = z.object({ id: Id });

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Enter a valid e-mail address' }))
  .pipe(z.string().max(254));

export const DisplayName = RequiredText('a name');

/**
 * A patch must change something: `{}` (or only absent fields) is refused with a 400, before any
 * UPDATE with nothing to set is built.
 */
export const nonEmptyPatch = <T extends Record<string, unknown>>(changes: T) =>
  Object.values(changes).some((value) => value !== undefined);
export const EMPTY_PATCH_MESSAGE = 'Change at least one field';

/** A period for network statistics: either end open, the end not before the start. */
export const StatisticsPeriodQuery = z
  .object({ from: IsoDate.optional(), to: IsoDate.optional() })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    path: ['to'],
    message: 'The end of the period is before its start',
  });

/** The files a network's figures are exported as (regional and national data collection). */
export const STATISTICS_EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type StatisticsExportFormat = (typeof STATISTICS_EXPORT_FORMATS)[number];

/** A count, or null where it is under the smallest count shown (or would let one be recovered). */
export const SuppressedCount = z.number().int().nonnegative().nullable();
