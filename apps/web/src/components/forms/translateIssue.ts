import type { z } from 'zod';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The shared zod schemas check the input in the browser before it is sent; their messages are
 * English, so the common cases are said in the interface's words (`validation.*`) and the rest
 * fall back to the schema's text.
 */
export function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  const field = String(issue.path[0] ?? '');
  switch (issue.code) {
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      if (issue.format === 'uuid') return t('validation.reference');
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

/**
 * The message for one issue of a shared schema, in the user's language. The common cases have
 * words of ours (the interface's `validation.*`, the casework's `validation.*` for dates, counts
 * and the cross-field rules), and the rest fall back to the schema's text.
 */
export function translateIssue(issue: z.core.$ZodIssue, t: Translate, tc: Translate): string {
  if (issue.code === 'invalid_format' && issue.format === 'date') return tc('validation.date');
  if (issue.code === 'too_small' && issue.origin === 'array' && Number(issue.minimum) > 1)
    return tc('validation.atLeast', { count: Number(issue.minimum) });
  // A rule across fields, or a box that must be ticked (`z.literal(true)`): the casework words it.
  if (issue.code === 'custom' || issue.code === 'invalid_value') {
    const rule = issue.path.map(String).join('.').replace(/\.\d+/g, '');
    if (rule) return tc(`validation.custom.${rule}`, { defaultValue: issueMessage(issue, t) });
  }
  return issueMessage(issue, t);
}

/** `['partners', 0, 'firstName']` → `partners.0.firstName` (the form's paths, and the server's). */
export const issuePath = (issue: z.core.$ZodIssue) => issue.path.map(String).join('.');
