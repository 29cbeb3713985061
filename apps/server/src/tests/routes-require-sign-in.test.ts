import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, TestClient, type TestSystem } from '../testing/test-system.js';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

/** The only routes anyone may call without a session. Adding to this list needs a reason. */
const PUBLIC_ROUTES = new Set([
  'POST /api/auth/login',
  // A one-time link's owner proves who they are by the link itself, and checks a password's strength.
  'POST /api/auth/credential-link',
  'POST /api/auth/credential-link/redeem',
  'POST /api/auth/password/check',
  // A calendar app has no session: the feed's secret token is its authentication (calendar-feed.test.ts).
  'GET /api/calendar/:token.ics',
  'GET /api/health',
  'GET /api/public/config',
]);

describe('every API route refuses an unauthenticated caller', () => {
  it('has routes to check', () => {
    expect(apiRoutes().length).toBeGreaterThan(15);
  });

  it('answers 401 on every non-public route, and marks only the known routes public', async () => {
    const publicOnes = apiRoutes()
      .filter((route) => route.access === 'public')
      .map((route) => `${route.method} ${route.url}`);
    expect(new Set(publicOnes)).toEqual(PUBLIC_ROUTES);
    const client = new TestClient(system.app);
    for (const route of apiRoutes().filter((r) => r.access !== 'public')) {
      const url = route.url.replace(':id', '00000000-0000-4000-8000-000000000000');
      const response = await client.request(route.method, url, route.method === 'GET' ? undefined : {});
      expect({ route: `${route.method} ${route.url}`, status: response.statusCode }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 401,
      });
      expect(response.json().error).toBe('unauthenticated');
    }
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const response = await new TestClient(system.app).get('/api/no-such-thing');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'not_found' });
  });

  it('publishes an OpenAPI document with every route', async () => {
    const response = await new TestClient(system.app).get('/api/docs/json');
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    for (const route of apiRoutes()) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(document.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
  });
});

function apiRoutes() {
  return system.app.routeTable.filter(
    (route) => route.url.startsWith('/api/') && !route.url.startsWith('/api/docs'),
  );
}
