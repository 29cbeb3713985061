import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJointCase, makeNetworkScenario, type NetworkScenario } from '../testing/scenario.js';
import { startTestSystem, type TestClient, type TestSystem } from '../testing/test-system.js';

/**
 * How many SQL statements the pages caseworkers open most cost, counted — never timed. Each
 * ceiling is today's count: a change that adds a statement (an N+1, a repeated lookup) fails
 * here and says which page. Lower a ceiling when a page gets leaner; the target is 12 (README,
 * "Performance, counted").
 */
const CEILINGS: Array<
  [page: string, who: keyof NetworkScenario['clients'], url: (ids: Ids) => string, ceiling: number]
> = [
  ['home page (programme)', 'ppManager', () => '/api/home', 14],
  // 15: her case managers' serious-harm tasks (a decision awaited, telling her).
  ['home page (victim side)', 'vssManager', () => '/api/home', 15],
  ['joint case (programme)', 'ppManager', (ids) => `/api/joint-cases/${ids.jointCaseId}`, 16],
  // Her file within it: +1 for the record that contact with her may be unsafe.
  ['joint case (victim side)', 'vssManager', (ids) => `/api/joint-cases/${ids.jointCaseId}`, 28],
  ['his episode (programme)', 'ppManager', (ids) => `/api/pp-episodes/${ids.episodeId}`, 9],
  // 13: with the record that contact with her may be unsafe (contact_safety_concern).
  ['her file (victim side)', 'vssManager', (ids) => `/api/victims/${ids.herId}`, 13],
  // 11: the agencies of the case agreement and their consultations, in one statement (risk-consultation).
  ['joint risk view (victim side)', 'vssManager', (ids) => `/api/joint-cases/${ids.jointCaseId}/risk`, 11],
  ['name search (programme)', 'ppManager', () => '/api/people/search?q=testa', 6],
];

type Ids = Awaited<ReturnType<typeof makeJointCase>>;

const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback)\b/i;

const statements: string[] = [];
let system: TestSystem;
let scenario: NetworkScenario;
let ids: Ids;
beforeAll(async () => {
  system = await startTestSystem(
    {},
    {
      // Transaction control is not counted: node-postgres sends BEGIN and COMMIT as statements,
      // PGlite keeps them inside its driver, and the counts must be the same on both.
      onStatement: (sql) => {
        if (!TRANSACTION_CONTROL.test(sql)) statements.push(sql);
      },
    },
  );
  scenario = await makeNetworkScenario(system);
  ids = await makeJointCase(scenario);
});
afterAll(() => system?.close());

async function countStatements(client: TestClient, url: string) {
  statements.length = 0;
  const response = await client.get(url);
  expect(response.statusCode, response.body).toBe(200);
  return statements.length;
}

describe('SQL statements per page request', () => {
  it.each(CEILINGS)('%s stays within its ceiling', async (_page, who, url, ceiling) => {
    const count = await countStatements(scenario.clients[who], url(ids));
    expect(count).toBeLessThanOrEqual(ceiling);
    // Counting the same page again costs the same: nothing is cached in the process.
    expect(await countStatements(scenario.clients[who], url(ids))).toBe(count);
  });

  it('counts what the database is asked, so a page that asks more is seen', async () => {
    const once = await countStatements(scenario.clients.ppManager, `/api/pp-episodes/${ids.episodeId}`);
    statements.length = 0;
    await scenario.clients.ppManager.get(`/api/pp-episodes/${ids.episodeId}`);
    await scenario.clients.ppManager.get(`/api/pp-episodes/${ids.episodeId}`);
    expect(statements.length).toBe(2 * once);
    expect(once).toBeGreaterThan(2);
  });
});
