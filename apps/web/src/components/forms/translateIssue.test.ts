import { LoginBody, UserCreate } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { issueMessage, type Translate, translateIssue } from './translateIssue';

/** Returns the key and its options, so the tests see which message was chosen. */
const t: Translate = (key, options) => (options ? `${key} ${JSON.stringify(options)}` : key);

const issues = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues;
};
const byField = (list: z.core.$ZodIssue[], translate: (issue: z.core.$ZodIssue) => string) =>
  Object.fromEntries(list.map((issue) => [String(issue.path[0]), translate(issue)]));

describe('issueMessage with the shared schemas', () => {
  it('says the common cases in the interface’s words', () => {
    expect(
      byField(issues(LoginBody, { email: 'not an address', password: '' }), (i) => issueMessage(i, t)),
    ).toEqual({ email: 'validation.email', password: 'validation.required' });
  });

  it('reports a role that cannot be held on the chosen side under "roles"', () => {
    const found = issues(UserCreate, {
      email: 'a@b.example',
      displayName: 'A',
      roles: ['pp_case_manager'],
      side: 'victim',
    });
    expect(byField(found, (i) => issueMessage(i, t)).roles).toBe('validation.roleSide');
  });

  it('asks for at least one role', () => {
    const found = issues(UserCreate, { email: 'a@b.example', displayName: 'A', roles: [], side: 'neutral' });
    expect(byField(found, (i) => issueMessage(i, t)).roles).toBe('validation.chooseAtLeastOne');
  });
});

describe('translateIssue', () => {
  it('words a rule across fields with the casework’s words, by its path', () => {
    const [issue] = issues(UserCreate, { email: 'a@b.example', displayName: 'A', roles: ['x'], side: 'n' });
    expect(issue).toBeDefined();
    const tc: Translate = (key, options) => `${key}|${String(options?.defaultValue ?? '')}`;
    const custom = {
      code: 'custom',
      path: ['parties', 0, 'agencyId'],
      message: 'Choose',
    } as z.core.$ZodIssue;
    expect(translateIssue(custom, t, tc)).toBe('validation.custom.parties.agencyId|Choose');
  });
});
