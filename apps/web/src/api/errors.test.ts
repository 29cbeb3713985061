import { describe, expect, it } from 'vitest';
import { buildUrl } from './client';
import { ApiError, normalizeFieldPath, toApiError } from './errors';

describe('toApiError', () => {
  it('keeps the code, the message and the field messages of an ErrorResponse', () => {
    const error = toApiError(400, {
      error: 'invalid_input',
      message: 'email: Enter a valid e-mail address',
      fields: [
        { path: 'email', message: 'Enter a valid e-mail address' },
        { path: 'roles.0', message: 'The role trainer cannot be held on the victim side' },
      ],
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('invalid_input');
    expect(error.fieldMessage('email')).toBe('Enter a valid e-mail address');
    expect(error.fieldMessage('roles')).toBe('The role trainer cannot be held on the victim side');
    expect(error.fieldMessage('side')).toBeUndefined();
    expect(error.otherFieldMessages(['email'])).toEqual([
      'The role trainer cannot be held on the victim side',
    ]);
  });

  it('turns a body that is not an ErrorResponse into a generic error with the status', () => {
    const error = toApiError(502, '<html>Bad gateway</html>');
    expect(error.status).toBe(502);
    expect(error.code).toBe('http_502');
    expect(error.fields).toEqual([]);
  });

  it('answers 423 account_locked as such (the sign-in page words it)', () => {
    const error = toApiError(423, { error: 'account_locked', message: 'Locked for 15 minutes' });
    expect(error.code).toBe('account_locked');
    expect(error.message).toBe('Locked for 15 minutes');
  });

  it('keeps the wait a 429 names in its Retry-After header, in seconds', () => {
    const throttled = toApiError(429, { error: 'sign_in_throttled', message: 'Wait 4 seconds' }, '4');
    expect(throttled.code).toBe('sign_in_throttled');
    expect(throttled.retryAfterSeconds).toBe(4);
    expect(toApiError(429, {}, 'Wed, 21 Oct 2026 07:28:00 GMT').retryAfterSeconds).toBeNull();
    expect(toApiError(401, { error: 'invalid_credentials', message: 'No' }).retryAfterSeconds).toBeNull();
  });
});

describe('normalizeFieldPath', () => {
  it.each([
    ['email', 'email'],
    ['/roles/0', 'roles.0'],
    ['body.roles[0]', 'roles.0'],
    ['querystring.limit', 'limit'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeFieldPath(input)).toBe(expected);
  });
});

describe('buildUrl', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(buildUrl('/api/users', { limit: 50, cursor: undefined, agencyId: '' })).toBe(
      '/api/users?limit=50',
    );
    expect(buildUrl('/api/audit', { cursor: 'a b&c' })).toBe('/api/audit?cursor=a+b%26c');
    expect(buildUrl('/api/users')).toBe('/api/users');
  });
});
