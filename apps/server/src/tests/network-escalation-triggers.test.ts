import { describe, expect, it } from 'vitest';
import { must } from '../testing/case-builder.js';
import { makeJointCase, type NetworkScenario } from '../testing/scenario.js';
import { networkScenarioSuite } from '../testing/suite.js';

/**
 * A network tunes its escalation triggers (README, "Escalation triggers"): its coordinator saves
 * the network's own list, validated as the rules file is; its cases fire on that list; "null"
 * gives it the installation's rules file again. Only its coordinator (or the system admin) may.
 */
const suite = networkScenarioSuite();

type Client = NetworkScenario['clients']['ppManager'];
const settingsOf = async (client: Client) =>
  (
    (await must(client.get('/api/networks?limit=100'), 200, 'networks')).items as Array<
      Record<string, unknown>
    >
  ).find((network) => network.id === suite.scenario.network.id);
const setTriggers = (client: Client, escalationTriggers: unknown) =>
  client.patch(`/api/networks/${suite.scenario.network.id}`, { escalationTriggers });
const incident = (jointCaseId: string, occurredOn: string) =>
  must(
    suite.scenario.clients.ppManager.post(`/api/joint-cases/${jointCaseId}/recidivism`, {
      occurredOn,
      forms: ['psychological'],
      severity: 'low',
      source: 'him',
    }),
    201,
    `incident ${occurredOn}`,
  );
const firedTriggers = async (jointCaseId: string) =>
  (
    (await must(suite.scenario.clients.vssManager.get(`/api/joint-cases/${jointCaseId}`), 200, 'case'))
      .events as Array<{
      kind: string;
      trigger: { triggerId: string } | null;
    }>
  )
    .filter((event) => event.kind === 'escalation')
    .map((event) => event.trigger?.triggerId);

describe('a network’s own escalation triggers', () => {
  it('start as the installation’s, shown to the coordinator with the right to change them', async () => {
    const settings = await settingsOf(suite.scenario.clients.coordinator);
    expect(settings).toMatchObject({ ownEscalationTriggers: false, can: { changeSettings: true } });
    expect((settings!.escalationTriggers as Array<{ id: string }>).map((trigger) => trigger.id)).toContain(
      'repeat-incident-12-months',
    );
  });

  it('a shorter window set by the coordinator decides whether a repeat incident fires; null restores the file’s', async () => {
    const tuned = await setTriggers(suite.scenario.clients.coordinator, [
      { id: 'repeat-6-months', kind: 'repeat_incident', withinMonths: 6 },
    ]);
    expect(tuned.statusCode, tuned.body).toBe(200);
    expect(tuned.json()).toMatchObject({
      ownEscalationTriggers: true,
      escalationTriggers: [{ id: 'repeat-6-months', withinMonths: 6 }],
    });

    // Eight months apart: the installation's 12-month trigger would fire; the network's 6 does not.
    const apart = await makeJointCase(suite.scenario);
    await incident(apart.jointCaseId, '2025-06-01');
    await incident(apart.jointCaseId, '2026-02-01');
    expect(await firedTriggers(apart.jointCaseId)).toEqual([]);
    const close = await makeJointCase(suite.scenario);
    await incident(close.jointCaseId, '2025-12-01');
    await incident(close.jointCaseId, '2026-02-01');
    expect(await firedTriggers(close.jointCaseId)).toEqual(['repeat-6-months']);

    const restored = await setTriggers(suite.scenario.clients.coordinator, null);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json()).toMatchObject({ ownEscalationTriggers: false });
    const again = await makeJointCase(suite.scenario);
    await incident(again.jointCaseId, '2025-06-01');
    await incident(again.jointCaseId, '2026-02-01');
    expect(await firedTriggers(again.jointCaseId)).toEqual(['repeat-incident-12-months']);
  });

  it('an empty list switches every trigger off for the network', async () => {
    expect((await setTriggers(suite.scenario.clients.coordinator, [])).statusCode).toBe(200);
    const made = await makeJointCase(suite.scenario);
    await incident(made.jointCaseId, '2026-01-01');
    await incident(made.jointCaseId, '2026-02-01');
    expect(await firedTriggers(made.jointCaseId)).toEqual([]);
    expect((await setTriggers(suite.scenario.clients.coordinator, null)).statusCode).toBe(200);
  });

  it.each([
    [
      'a window out of range',
      [{ id: 'r', kind: 'repeat_incident', withinMonths: 0 }],
      'escalationTriggers.0.withinMonths',
    ],
    ['an unknown kind', [{ id: 'r', kind: 'moon_phase' }], 'escalationTriggers.0.kind'],
    [
      'an id used twice',
      [
        { id: 'r', kind: 'repeat_incident', withinMonths: 3 },
        { id: 'r', kind: 'repeat_incident', withinMonths: 4 },
      ],
      'escalationTriggers.1.id',
    ],
    [
      'a field the schema does not know',
      [{ id: 'r', kind: 'repeat_incident', withinMonths: 3, extra: 1 }],
      'escalationTriggers.0',
    ],
  ])('refuses %s with a 400 naming the field', async (_name, triggers, field) => {
    const refused = await setTriggers(suite.scenario.clients.coordinator, triggers);
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json().fields)).toContain(field);
    expect((await settingsOf(suite.scenario.clients.coordinator))?.ownEscalationTriggers).toBe(false);
  });

  it('is not changed by a case manager, and the refusal is audited', async () => {
    const refused = await setTriggers(suite.scenario.clients.ppManager, []);
    expect([403, 404]).toContain(refused.statusCode);
    expect((await settingsOf(suite.scenario.clients.coordinator))?.ownEscalationTriggers).toBe(false);
    const audit = await suite.system.database.db
      .selectFrom('audit_event')
      .select(['action', 'outcome'])
      .where('action', '=', 'network.update')
      .where('outcome', '=', 'denied')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });
});
