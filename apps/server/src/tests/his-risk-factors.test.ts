import { InstrumentItem, ItemRaises } from '@tandem/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { must } from '../testing/case-builder.js';
import { makeJointCase, makeNetworkScenario, type NetworkScenario } from '../testing/scenario.js';
import { startTestSystem, type TestSystem } from '../testing/test-system.js';

/**
 * His risk factors (instruments/his-risk-factors.v1.json) through the API on a real database:
 * what a "yes" raises (the item's `raises`), in the command that recorded it, never twice while
 * open; what each side then reads.
 */
let system: TestSystem;
let scenario: NetworkScenario;
beforeAll(async () => {
  system = await startTestSystem();
  scenario = await makeNetworkScenario(system);
});
afterAll(() => system?.close());

type Client = NetworkScenario['clients']['ppManager'];
interface View {
  can: { record: boolean };
  latest: { answers: Record<string, { value: unknown }> } | null;
  raised: {
    actions: Array<{ action: string; need: string; status: string }>;
    events: Array<{ triggerId: string; description: string }>;
  };
}

const yes = { value: 'yes', source: 'him' } as const;
const answer = (
  client: Client,
  jointCaseId: string,
  answers: Record<string, unknown>,
  completedOn = '2026-03-01',
) =>
  client.post('/api/instrument-responses', {
    instrumentId: 'his-risk-factors',
    version: 1,
    jointCaseId,
    subject: 'him',
    completedOn,
    answers,
  });
const view = async (client: Client, jointCaseId: string) =>
  (await must(
    client.get(`/api/joint-cases/${jointCaseId}/his-risk-factors`),
    200,
    'his risk factors',
  )) as View;
const caseView = (client: Client, jointCaseId: string) =>
  must(client.get(`/api/joint-cases/${jointCaseId}`), 200, 'joint case');

describe('his risk factors', () => {
  it('a suicide plan raises the programme’s urgent actions and a critical event the victim side sees; the reassessment is due', async () => {
    const { clients } = scenario;
    const made = await makeJointCase(scenario);
    expect((await caseView(clients.ppManager, made.jointCaseId)).reassessmentDueSince).toBeNull();
    await must(
      answer(clients.ppManager, made.jointCaseId, { suicide_plan: yes, alcohol: yes }),
      201,
      'answers',
    );

    const his = await view(clients.ppManager, made.jointCaseId);
    expect(his.can.record).toBe(true);
    expect(his.latest?.answers.suicide_plan?.value).toBe('yes');
    expect(his.raised.actions.map((row) => row.action).sort()).toEqual([
      'Refer him to a crisis or mental-health service the same day',
      'Safety check on him: who is with him, access to means, follow-up agreed',
    ]);
    expect(his.raised.events).toMatchObject([{ triggerId: 'his-risk-factors.suicide' }]);

    const hers = await view(clients.vssManager, made.jointCaseId);
    expect(hers.can.record).toBe(false);
    expect(hers.raised.events).toHaveLength(1);
    expect(hers.raised.events[0]?.description).toContain('homicide–suicide');
    const victimCase = await caseView(clients.vssManager, made.jointCaseId);
    expect(victimCase.reassessmentDueSince).not.toBeNull();
    expect((victimCase.events as Array<{ kind: string }>).map((event) => event.kind)).toContain(
      'his_risk_factor',
    );
    const proposed = (
      await must(clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}/meetings`), 200, 'meetings')
    ).items as Array<{ kind: string; status: string }>;
    expect(proposed.filter((meeting) => meeting.status === 'proposed')).toMatchObject([
      { kind: 'extraordinary' },
    ]);

    // The victim side gives no answers about him.
    const refused = await answer(clients.vssManager, made.jointCaseId, { suicide_plan: yes });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('subject');
  });

  it('raises nothing twice while the earlier one is open', async () => {
    const { clients } = scenario;
    const made = await makeJointCase(scenario);
    await must(answer(clients.ppManager, made.jointCaseId, { suicide_plan: yes }), 201, 'first');
    await must(
      answer(clients.ppManager, made.jointCaseId, { suicide_plan: yes, suicide_attempt: yes }, '2026-03-02'),
      201,
      'second',
    );
    const his = await view(clients.ppManager, made.jointCaseId);
    expect(his.raised.actions).toHaveLength(2);
    expect(his.raised.events).toHaveLength(1);
    // A "no" raises nothing.
    const quiet = await makeJointCase(scenario);
    await must(answer(clients.ppManager, quiet.jointCaseId, { suicide_plan: { value: 'no' } }), 201, 'no');
    expect((await view(clients.ppManager, quiet.jointCaseId)).raised).toEqual({ actions: [], events: [] });
  });

  it('weapons access proposes informing the police only where the police is a party of the case agreement', async () => {
    const { clients } = scenario;
    const withPolice = await makeJointCase(scenario);
    const withoutPolice = await makeJointCase(scenario, { withoutPolice: true });
    for (const made of [withPolice, withoutPolice])
      await must(answer(clients.ppManager, made.jointCaseId, { firearm_at_home: yes }), 201, 'weapons');
    const informs = async (jointCaseId: string) =>
      (await view(clients.ppManager, jointCaseId)).raised.actions.some((row) =>
        row.action.includes('police'),
      );
    expect(await informs(withPolice.jointCaseId)).toBe(true);
    expect(await informs(withoutPolice.jointCaseId)).toBe(false);
    expect((await view(clients.ppManager, withoutPolice.jointCaseId)).raised.actions).toHaveLength(1);
  });

  it('each reader sees only what the policy allows', async () => {
    const { clients } = scenario;
    const made = await makeJointCase(scenario);
    await must(
      answer(clients.ppManager, made.jointCaseId, {
        firearm_at_home: { ...yes, note: 'Hunting rifle in the shed' },
      }),
      201,
      'answers',
    );
    // Her service reads the case's responses in full (the existing rule); the programme its own.
    expect((await view(clients.vssManager, made.jointCaseId)).latest?.answers.firearm_at_home?.value).toBe(
      'yes',
    );
    // The police party learns of the raised event with his safety information, not the page.
    const police = await clients.police.get(`/api/joint-cases/${made.jointCaseId}/his-risk-factors`);
    expect(police.statusCode).toBe(404);
    const stranger = await clients.combinedPp.get(`/api/joint-cases/${made.jointCaseId}/his-risk-factors`);
    expect(stranger.statusCode).toBe(404);
    // The programme's view holds nothing of hers: her address and phone appear nowhere.
    const body = JSON.stringify(await view(clients.ppManager, made.jointCaseId));
    expect(body).not.toContain('Via Segreta');
    expect(body).not.toContain('+39 333');
  });

  it('refuses bad input with 400 naming the field', async () => {
    const { clients } = scenario;
    const made = await makeJointCase(scenario);
    const bad = await answer(clients.ppManager, made.jointCaseId, { suicide_plan: { value: 'maybe' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('answers.suicide_plan');
    const unknown = await answer(clients.ppManager, made.jointCaseId, { no_such_item: yes });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('answers.no_such_item');
  });
});

describe('the raises schema', () => {
  const action = { kind: 'programme_action', id: 'a', text: { en: 'Act' }, due: { hours: 24 } };
  it('accepts the closed set of consequences', () => {
    expect(ItemRaises.safeParse({ when: { answer: 'yes' }, consequences: [action] }).success).toBe(true);
    expect(
      ItemRaises.safeParse({
        when: { atLeast: 3 },
        consequences: [{ kind: 'critical_event', reason: { en: 'R' } }],
      }).success,
    ).toBe(true);
  });
  it('rejects an unknown consequence, naming its path', () => {
    const parsed = ItemRaises.safeParse({ when: { answer: 'yes' }, consequences: [{ kind: 'send_letter' }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['consequences', 0, 'kind']);
    expect(
      ItemRaises.safeParse({ when: { answer: 'yes' }, consequences: [{ ...action, extra: 1 }] }).success,
    ).toBe(false);
  });
  it('matches the trigger to the item type', () => {
    const parsed = InstrumentItem.safeParse({
      id: 'x',
      text: { en: 'X' },
      type: 'yes_no_unknown',
      raises: { when: { atLeast: 2 }, consequences: [action] },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['raises', 'when']);
  });
});
