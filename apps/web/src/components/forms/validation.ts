import type { z } from 'zod';

export type Translate = (key: string, options?: Record<string, unknown>) => string;
export type FieldErrors = Record<string, string>;

/**
 * The shared zod schemas check the input in the browser before it is sent; their messages are
 * English, so the common cases are translated here and the rest fall back to the schema's text.
 */
export function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  const field = String(issue.path[0] ?? '');
  switch (issue.code) {
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      if (field === 'code') return t('validation.totpCode');
      if (field === 'recoveryCode') return t('validation.recoveryCode');
      return issue.message;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? t('validation.required')
          : t('validation.minLength', { count: Number(issue.minimum) });
      if (issue.origin === 'array') return t('validation.chooseAtLeastOne');
      if (issue.origin === 'number') return t('validation.minNumber', { min: Number(issue.minimum) });
      return issue.message;
    case 'too_big':
      if (issue.origin === 'string') return t('validation.maxLength', { count: Number(issue.maximum) });
      if (issue.origin === 'number') return t('validation.maxNumber', { max: Number(issue.maximum) });
      return issue.message;
    case 'invalid_type':
      return t('validation.required');
    case 'custom':
      if (field === 'roles') return t('validation.roleSide');
      return issue.message;
    default:
      return issue.message;
  }
}

/** The first message for each top-level field (`roles.0` counts as `roles`). */
export function fieldErrors(error: z.ZodError, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '_form');
    errors[field] ??= issueMessage(issue, t);
  }
  return errors;
}

/** Validate with a shared schema: the parsed value, or the messages to show under the fields. */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  t: Translate,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: fieldErrors(result.error, t) };
}

/** The server's per-field messages, keyed by top-level field, for showing under the inputs. */
export function serverFieldErrors(fields: readonly { path: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of fields) {
    const name = field.path.split('.')[0] || '_form';
    errors[name] ??= field.message;
  }
  return errors;
}
