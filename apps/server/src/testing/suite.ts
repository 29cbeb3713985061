import { afterAll, beforeAll } from 'vitest';
import { makeNetworkScenario, type NetworkScenario } from './scenario.js';
import { startTestSystem, type TestSystem } from './test-system.js';

/**
 * A test file's system and network scenario, started before its tests and closed after them
 * (for test files only: it registers vitest hooks). `const suite = networkScenarioSuite();`
 * then `suite.system` and `suite.scenario` inside the tests.
 */
export function networkScenarioSuite(overrides: Parameters<typeof startTestSystem>[0] = {}) {
  const suite = {} as { system: TestSystem; scenario: NetworkScenario };
  beforeAll(async () => {
    suite.system = await startTestSystem(overrides);
    suite.scenario = await makeNetworkScenario(suite.system);
  });
  afterAll(() => suite.system?.close());
  return suite;
}
