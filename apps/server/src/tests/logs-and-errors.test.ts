import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJointCase, makeNetworkScenario } from '../testing/scenario.js';
import { startTestSystem, TestClient, type TestSystem } from '../testing/test-system.js';

const logLines: string[] = [];
const logStream = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(String(chunk));
    done();
  },
});

let system: TestSystem;
beforeAll(async () => {
  // Debug level: the most a deployment would ever log.
  system = await startTestSystem({ LOG_LEVEL: 'debug' }, { logStream });
});
afterAll(() => system?.close());

describe('logs and errors carry no personal data', () => {
  it('logs requests by route and status only, never her details, names or e-mail addresses', async () => {
    const scenario = await makeNetworkScenario(system);
    const made = await makeJointCase(scenario, { herAddress: 'Via dei Log 404' });
    await scenario.clients.ppManager.get(`/api/people/${made.herId}`);
    await scenario.clients.ppManager.get('/api/people/search?q=Lucia%20Rossi');
    await new TestClient(system.app).signIn(scenario.users.ppManager.email, 'wrong password');
    const logs = logLines.join('\n');
    expect(logLines.length).toBeGreaterThan(10);
    for (const secret of [
      'Via dei Log',
      '+39 333',
      'Lucia',
      'Rossi',
      'Marco',
      scenario.users.ppManager.email,
      'wrong password',
    ]) {
      expect(logs, secret).not.toContain(secret);
    }
  });

  it('answers malformed JSON with a 400 naming the problem, not a stack trace', async () => {
    const response = await system.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: 'invalid_json', message: 'The request body is not valid JSON' });
  });

  it('refuses a bad cursor with a 400 naming the field', async () => {
    const scenario = await makeNetworkScenario(system);
    const response = await scenario.clients.ppAdmin.get('/api/users?cursor=not-a-cursor');
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].path).toBe('cursor');
  });

  it('pages programme episodes by keyset without repeating or skipping any', async () => {
    const scenario = await makeNetworkScenario(system);
    for (let index = 0; index < 5; index += 1) {
      await scenario.clients.ppManager.post('/api/referrals', {
        person: { firstName: `Page${index}`, lastName: 'Test' },
        pathway: 'voluntary',
        referralDate: `2026-02-0${index + 1}`,
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = (
        await scenario.clients.ppManager.get(`/api/pp-episodes?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });
});
