import { LoginBody, UserCreate } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { serverFieldErrors, type Translate, validate } from './validation';

/** Returns the key and its options, so the tests see which message was chosen. */
const t: Translate = (key, options) => (options ? `${key} ${JSON.stringify(options)}` : key);

describe('validate with the shared schemas', () => {
  it('gives one translated message per field', () => {
    const result = validate(LoginBody, { email: 'not an address', password: '' }, t);
    expect(result).toEqual({
      ok: false,
      errors: { email: 'validation.email', password: 'validation.required' },
    });
  });

  it('returns the parsed value (trimmed, lower-cased e-mail) when valid', () => {
    const result = validate(LoginBody, { email: ' Admin@Oltre.Demo ', password: 'x' }, t);
    expect(result).toEqual({ ok: true, data: { email: 'admin@oltre.demo', password: 'x' } });
  });

  it('reports a role that cannot be held on the chosen side under "roles"', () => {
    const result = validate(
      UserCreate,
      { email: 'a@b.example', displayName: 'A', roles: ['pp_case_manager'], side: 'victim' },
      t,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.roles).toBe('validation.roleSide');
  });

  it('asks for at least one role', () => {
    const result = validate(
      UserCreate,
      { email: 'a@b.example', displayName: 'A', roles: [], side: 'neutral' },
      t,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.roles).toBe('validation.chooseAtLeastOne');
  });
});

describe('serverFieldErrors', () => {
  it('keys the server messages by top-level field, first message wins', () => {
    expect(
      serverFieldErrors([
        { path: 'roles.1', message: 'second role wrong' },
        { path: 'roles.0', message: 'first role wrong' },
        { path: 'email', message: 'taken' },
      ]),
    ).toEqual({ roles: 'second role wrong', email: 'taken' });
  });
});
