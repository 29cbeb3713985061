import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNetwork, makeUser } from '../testing/factories.js';
import { makeJointCase, makeNetworkScenario, type NetworkScenario } from '../testing/scenario.js';
import { signInFully, startTestSystem, type TestClient, type TestSystem } from '../testing/test-system.js';

/**
 * The other tools a network may bring (README, "Instruments"): a response under each shipped
 * one is scored by its own rule and stored with its level; a network chooses the risk checklist
 * its new cases are assessed with, and that choice changes no case already assessed.
 */
let system: TestSystem;
let scenario: NetworkScenario;
let systemAdmin: TestClient;
beforeAll(async () => {
  system = await startTestSystem();
  scenario = await makeNetworkScenario(system);
  systemAdmin = await signInFully(
    system,
    await makeUser(system.database.db, { agencyId: null, roles: ['system_admin'], side: 'neutral' }),
  );
});
afterAll(() => system?.close());

const response = (jointCaseId: string, instrumentId: string, answers: Record<string, string>) => ({
  instrumentId,
  version: 1,
  jointCaseId,
  subject: 'case',
  completedOn: '2026-03-01',
  answers: Object.fromEntries(
    Object.entries(answers).map(([id, value]) => [id, { value, source: 'professional_observation' }]),
  ),
});
const yes = (...ids: string[]) => Object.fromEntries(ids.map((id) => [id, 'yes']));

const storedLevel = async (responseId: string) =>
  (
    await system.database.db
      .selectFrom('instrument_response')
      .select(['computed_level', 'computed_score'])
      .where('id', '=', responseId)
      .executeTakeFirstOrThrow()
  ).computed_level;

const riskInstrumentOf = async (jointCaseId: string) =>
  (await scenario.clients.vssManager.get(`/api/joint-cases/${jointCaseId}/risk`)).json().instrumentId;

const DASH_ITEMS = [
  'injured',
  'very_frightened',
  'isolated',
  'low_mood',
  'separation',
  'child_contact',
  'pregnancy_baby',
  'children_harmed',
  'stalking',
  'more_often',
  'getting_worse',
  'control_jealousy',
  'weapon_used',
  'threats_to_kill',
];

describe('responses under the shipped instruments of other tools', () => {
  let jointCaseId: string;
  beforeAll(async () => {
    jointCaseId = (await makeJointCase(scenario)).jointCaseId;
  });

  it.each([
    ['DASH-style: 14 yes', 'dash-style-risk-count', yes(...DASH_ITEMS), 'high', 14],
    ['DASH-style: 13 yes', 'dash-style-risk-count', yes(...DASH_ITEMS.slice(1)), 'medium', 13],
    [
      'SARA-style: the professional’s rating, not a sum of the factors',
      'sara-style-spj',
      { n_physical: 'present', p_attitudes: 'partial', v_support: 'absent', summary_rating: 'moderate' },
      'moderate',
      null,
    ],
    ['VioGén-style: one serious indicator', 'viogen-style-police-risk', yes('fears_for_life'), 'high', null],
    [
      'VioGén-style: five serious indicators',
      'viogen-style-police-risk',
      yes('weapon', 'threats_to_kill', 'strangulation', 'escalation', 'breaches'),
      'extreme',
      null,
    ],
  ])('%s', async (_name, instrumentId, answers, level, score) => {
    const recorded = await scenario.clients.vssManager.post(
      '/api/instrument-responses',
      response(jointCaseId, instrumentId, answers),
    );
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ computedLevel: level, level, score });
    expect(await storedLevel(recorded.json().id)).toBe(level);
  });

  it('refuses a rating that is not one of the listed answers, naming the item', async () => {
    const refused = await scenario.clients.vssManager.post(
      '/api/instrument-responses',
      response(jointCaseId, 'sara-style-spj', { summary_rating: 'very_high' }),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].path).toBe('answers.summary_rating');
  });

  it('refuses a structured professional judgement without its summary rating, naming the item', async () => {
    const refused = await scenario.clients.vssManager.post(
      '/api/instrument-responses',
      response(jointCaseId, 'sara-style-spj', { n_physical: 'present', p_attitudes: 'partial' }),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].path).toBe('answers.summary_rating');
  });
});

describe('the risk checklist a network chooses', () => {
  const settingsOf = async (client: TestClient, networkId: string) => {
    const page = (await client.get('/api/networks?limit=100')).json();
    return page.items.find((network: { id: string }) => network.id === networkId);
  };
  const change = (client: TestClient, riskInstrumentId: unknown, networkId = scenario.network.id) =>
    client.patch(`/api/networks/${networkId}`, { riskInstrumentId });

  it('is the ASAP checklist until the network chooses another, whatever else is loaded', async () => {
    const made = await makeJointCase(scenario);
    expect(await riskInstrumentOf(made.jointCaseId)).toBe('asap-risk-checklist');
    expect(await settingsOf(scenario.clients.coordinator, scenario.network.id)).toMatchObject({
      riskInstrumentId: 'asap-risk-checklist',
      can: { changeSettings: true },
    });
    expect(await settingsOf(scenario.clients.ppManager, scenario.network.id)).toMatchObject({
      can: { changeSettings: false },
    });
  });

  it('is changed by the network’s coordinator, audited; new cases use it, assessed cases keep theirs', async () => {
    const assessed = await makeJointCase(scenario);
    const first = await scenario.clients.vssManager.post(
      '/api/instrument-responses',
      response(assessed.jointCaseId, 'asap-risk-checklist', yes('strangulation')),
    );
    expect(first.statusCode, first.body).toBe(201);
    const since = await lastAuditId();

    const changed = await change(scenario.clients.coordinator, 'viogen-style-police-risk');
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().riskInstrumentId).toBe('viogen-style-police-risk');
    const audited = await system.database.db
      .selectFrom('audit_event')
      .select(['action', 'resource_type', 'resource_id'])
      .where('id', '>', since)
      .where('action', '=', 'network.update')
      .execute();
    expect(audited).toHaveLength(1);

    const fresh = await makeJointCase(scenario);
    expect(await riskInstrumentOf(fresh.jointCaseId)).toBe('viogen-style-police-risk');
    expect(await riskInstrumentOf(assessed.jointCaseId)).toBe('asap-risk-checklist');

    // The chosen tool's levels set the next reassessment: extreme within three days.
    const agreed = await scenario.clients.vssManager.post(
      `/api/joint-cases/${fresh.jointCaseId}/agreed-level`,
      {
        level: 'extreme',
        rationale: 'Five serious indicators',
        agreedOn: '2026-03-06',
      },
    );
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect(agreed.json().agreed).toMatchObject({ level: 'extreme', nextReassessmentOn: '2026-03-09' });

    expect((await change(systemAdmin, 'asap-risk-checklist')).statusCode).toBe(200);
    expect(await riskInstrumentOf((await makeJointCase(scenario)).jointCaseId)).toBe('asap-risk-checklist');
  });

  it.each([
    ['an instrument that is not loaded', 'no-such-tool'],
    ['an instrument that is not a risk checklist', 'impact-her'],
    ['no instrument', ''],
  ])('refuses %s, naming the field', async (_name, riskInstrumentId) => {
    const refused = await change(scenario.clients.coordinator, riskInstrumentId);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].path).toBe('riskInstrumentId');
  });

  it('is not changed by a case manager, nor by the coordinator of another network', async () => {
    const since = await lastAuditId();
    expect((await change(scenario.clients.ppManager, 'dash-style-risk-count')).statusCode).toBe(403);
    const other = await makeNetwork(system.database.db);
    expect((await change(scenario.clients.coordinator, 'dash-style-risk-count', other.id)).statusCode).toBe(
      403,
    );
    const refusals = await system.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('id', '>', since)
      .where('outcome', '=', 'denied')
      .where('action', '=', 'network.update')
      .execute();
    expect(refusals).toHaveLength(2);
    expect((await settingsOf(systemAdmin, scenario.network.id)).riskInstrumentId).toBe('asap-risk-checklist');
  });
});

const lastAuditId = async () =>
  String(
    (
      await system.database.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.coalesce(eb.fn.max('id'), eb.lit(0)).as('id'))
        .executeTakeFirstOrThrow()
    ).id,
  );
