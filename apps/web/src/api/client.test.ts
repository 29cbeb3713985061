import { routes } from '@tandem/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, configureApi, routeHref } from './client';
import { ApiError } from './errors';

const ID = '7d0f6e1c-0000-4000-8000-000000000001';

function answer(status: number, body: unknown, type = 'application/json') {
  const fetch = vi.fn(
    async (_url: string, _init: RequestInit) =>
      new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        headers: { 'content-type': type },
      }),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
  configureApi({ getCsrfToken: () => null, onUnauthorized: () => {} });
});

describe('call: the client of the route table', () => {
  it('fills the path, sends the body as JSON with the CSRF token, and answers the JSON', async () => {
    configureApi({ getCsrfToken: () => 'csrf-1' });
    const fetch = answer(200, { id: ID });
    const result = await call(routes.programme.changeStatus, {
      params: { id: ID },
      body: { to: 'active', date: '2026-03-01' },
    });
    expect(result).toEqual({ id: ID });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe(`/api/pp-episodes/${ID}/status`);
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe(JSON.stringify({ to: 'active', date: '2026-03-01' }));
    expect((init?.headers as Record<string, string> | undefined)?.['x-csrf-token']).toBe('csrf-1');
  });

  it('puts the query in the address, leaving out empty values, and sends no token with a GET', async () => {
    configureApi({ getCsrfToken: () => 'csrf-1' });
    const fetch = answer(200, { items: [], nextCursor: null });
    await call(routes.programme.list, { query: { limit: 50, status: undefined, cursor: '' } });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/api/pp-episodes?limit=50');
    expect(init?.method).toBe('GET');
    expect((init?.headers as Record<string, string> | undefined)?.['x-csrf-token']).toBeUndefined();
  });

  it('answers a file as its bytes', async () => {
    answer(200, '%PDF-1.7', 'application/pdf');
    const bytes = await call(routes.meetings.minutesPdf, { params: { id: ID } });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(bytes)).toBe('%PDF-1.7');
  });

  it('turns a failure into an ApiError, and tells the app of a 401 first', async () => {
    const onUnauthorized = vi.fn();
    configureApi({ onUnauthorized });
    answer(401, { error: 'session_expired', message: 'Signed out' });
    const failure = call(routes.auth.session);
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 401, code: 'session_expired' });
    expect(onUnauthorized).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'session_expired' }),
      '/api/auth/session',
    );
  });

  it('gives the address of a file for the browser to fetch', () => {
    expect(routeHref(routes.meetings.minutesPdf, { params: { id: ID }, query: { lang: 'it' } })).toBe(
      `/api/meetings/${ID}/minutes.pdf?lang=it`,
    );
  });
});
