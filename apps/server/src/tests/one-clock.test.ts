import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, DEFAULT_TIME_ZONE, dateIn, instantAt } from '../domain/clock.js';
import { caseBuilder, must } from '../testing/case-builder.js';
import { makeNetworkScenario, type NetworkScenario } from '../testing/scenario.js';
import { startTestSystem, type TestSystem } from '../testing/test-system.js';

/**
 * One clock (docs/domain.md, "Time"): "today" is the network's, computed on the server, and
 * every "in force" is judged on it. A consent dated tomorrow opens nothing today and opens
 * exactly what it should tomorrow — the moment the network's day turns, with no job to run.
 */

let system: TestSystem;
let scenario: NetworkScenario;
let build: ReturnType<typeof caseBuilder>;
beforeAll(async () => {
  // Sessions outlast the hours the clock is moved on by.
  system = await startTestSystem({
    SESSION_IDLE_TIMEOUT_MINUTES: String(24 * 60),
    SESSION_ABSOLUTE_TIMEOUT_HOURS: '72',
  });
  scenario = await makeNetworkScenario(system);
  build = caseBuilder(system, () => scenario);
});
afterAll(() => system?.close());

/** The programme's view of her side's checklist: withheld item by item, or values. */
async function herItemsForTheProgramme(jointCaseId: string) {
  const risk = await must(
    scenario.clients.ppManager.get(`/api/joint-cases/${jointCaseId}/risk`),
    200,
    'risk',
  );
  return risk.victimSide.answers.strangulation as { value: unknown; withheld?: boolean };
}

describe('a consent dated tomorrow', () => {
  it('opens nothing today and exactly its share tomorrow, when the network’s day turns', async () => {
    const { clients } = scenario;
    const made = await build.openCase();
    await must(
      clients.vssManager.post('/api/instrument-responses', {
        instrumentId: 'asap-risk-checklist',
        version: 1,
        jointCaseId: made.jointCaseId,
        subject: 'case',
        completedOn: dateIn(DEFAULT_TIME_ZONE, system.clock.now()),
        answers: { strangulation: { value: 'yes', source: 'her' } },
      }),
      201,
      'her side’s checklist',
    );
    const today = dateIn(DEFAULT_TIME_ZONE, system.clock.now());
    const tomorrow = addDays(today, 1);
    await must(
      clients.vssManager.post(`/api/victims/${made.herId}/consents`, {
        scope: 'share_risk_information',
        givenOn: tomorrow,
      }),
      201,
      'consent dated tomorrow',
    );
    expect(await herItemsForTheProgramme(made.jointCaseId)).toEqual({ value: null, withheld: true });

    // 23:59 in Rome: still today there.
    system.clock.set(instantAt(DEFAULT_TIME_ZONE, today, 23, 59));
    expect(await herItemsForTheProgramme(made.jointCaseId)).toEqual({ value: null, withheld: true });

    // Past midnight in Rome: her consent is in force, and so is what rests on it.
    system.clock.set(instantAt(DEFAULT_TIME_ZONE, tomorrow, 0, 1));
    expect(dateIn(DEFAULT_TIME_ZONE, system.clock.now())).toBe(tomorrow);
    expect(await herItemsForTheProgramme(made.jointCaseId)).toEqual({ value: 'yes' });
  });

  it('counts the worker’s own local date: recorded at 00:30 in Rome, a consent dated that day is in force at once', async () => {
    const { clients } = scenario;
    const made = await build.openCase();
    // 00:30 in Rome is still the day before in UTC.
    const romeDay = dateIn(DEFAULT_TIME_ZONE, system.clock.now());
    system.clock.set(instantAt(DEFAULT_TIME_ZONE, romeDay, 0, 30));
    expect(system.clock.now().toISOString().slice(0, 10)).toBe(addDays(romeDay, -1));
    await must(
      clients.vssManager.post('/api/instrument-responses', {
        instrumentId: 'asap-risk-checklist',
        version: 1,
        jointCaseId: made.jointCaseId,
        subject: 'case',
        completedOn: romeDay,
        answers: { strangulation: { value: 'yes', source: 'her' } },
      }),
      201,
      'her side’s checklist',
    );
    await must(
      clients.vssManager.post(`/api/victims/${made.herId}/consents`, {
        scope: 'share_risk_information',
        givenOn: romeDay,
      }),
      201,
      'consent dated today in Rome',
    );
    expect(await herItemsForTheProgramme(made.jointCaseId)).toEqual({ value: 'yes' });
  });
});
