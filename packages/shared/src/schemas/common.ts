import { z } from 'zod';

export const Id = z.uuid();

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

export const FieldError = z.object({ path: z.string(), message: z.string() });

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

export const DisplayName = z.string().trim().min(1, 'Enter a name').max(200);
