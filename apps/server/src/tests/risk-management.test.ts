import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, DEFAULT_TIME_ZONE, dateIn } from '../domain/clock.js';
import {
  BUILT_IN_INSTRUMENTS_DIR,
  InstrumentLoadError,
  parseInstrumentFile,
} from '../instruments/registry.js';
import { must } from '../testing/case-builder.js';
import { makeJointCase, makeNetworkScenario, type NetworkScenario } from '../testing/scenario.js';
import { startTestSystem, type TestSystem } from '../testing/test-system.js';

let system: TestSystem;
let scenario: NetworkScenario;
beforeAll(async () => {
  system = await startTestSystem();
  scenario = await makeNetworkScenario(system);
});
afterAll(() => system?.close());

const today = () => dateIn(DEFAULT_TIME_ZONE, system.clock.now());
const HIGH_KEYS = [
  'high.call_her_safe_channel',
  'high.consider_legal_protection',
  'high.extraordinary_meeting',
  'high.inform_agreement_agencies',
  'high.tighten_programme_supervision',
];
const HER_CALL = 'high.call_her_safe_channel';

type Client = NetworkScenario['clients']['ppManager'];
interface Action {
  id: string;
  levelActionKey: string | null;
  victimSideOnly: boolean;
  responsibleUserId: string | null;
  action: string;
  need: string;
  term: string;
  status: string;
}

const actionsOf = async (client: Client, jointCaseId: string): Promise<Action[]> =>
  (await must(client.get(`/api/joint-cases/${jointCaseId}/actions`), 200, 'action plan')).items;

const proposedKeys = (actions: Action[]) =>
  actions
    .map((action) => action.levelActionKey)
    .filter((key): key is string => key !== null)
    .sort();

const agree = (client: Client, jointCaseId: string, level: string, agreedOn = today()) =>
  must(
    client.post(`/api/joint-cases/${jointCaseId}/agreed-level`, {
      level,
      rationale: `Agreed ${level}`,
      agreedOn,
    }),
    200,
    `agree ${level}`,
  );

describe('the actions an agreed level proposes', () => {
  it('proposes the high level’s actions once, again only when the earlier row is no longer open', async () => {
    const { clients, users } = scenario;
    const made = await makeJointCase(scenario);
    await agree(clients.vssManager, made.jointCaseId, 'high');
    const first = await actionsOf(clients.vssManager, made.jointCaseId);
    expect(proposedKeys(first)).toEqual(HIGH_KEYS);

    const herCall = first.find((action) => action.levelActionKey === HER_CALL)!;
    expect(herCall).toMatchObject({
      victimSideOnly: true,
      responsibleUserId: users.vssManager.id,
      term: today(), // "the same day"
      need: 'Agreed risk level: High',
      status: 'open',
    });
    expect(first.find((a) => a.levelActionKey === 'high.tighten_programme_supervision')).toMatchObject({
      responsibleUserId: users.ppManager.id,
      victimSideOnly: false,
      term: addDays(today(), 2),
    });
    // The case manager who agreed the level carries the actions of the agreement.
    expect(first.find((a) => a.levelActionKey === 'high.inform_agreement_agencies')).toMatchObject({
      responsibleUserId: users.vssManager.id,
      term: addDays(today(), 1),
    });

    // The same level again, from either side, while the rows are open: nothing new.
    await agree(clients.vssManager, made.jointCaseId, 'high');
    await agree(clients.ppManager, made.jointCaseId, 'high');
    expect(proposedKeys(await actionsOf(clients.vssManager, made.jointCaseId))).toEqual(HIGH_KEYS);

    // Done, the action is proposed afresh when the level is agreed once more; the done row stays.
    await must(clients.vssManager.patch(`/api/actions/${herCall.id}`, { status: 'done' }), 200, 'done');
    await agree(clients.vssManager, made.jointCaseId, 'high');
    const again = await actionsOf(clients.vssManager, made.jointCaseId);
    expect(
      again
        .filter((action) => action.levelActionKey === HER_CALL)
        .map((a) => a.status)
        .sort(),
    ).toEqual(['done', 'open']);
    expect(again).toHaveLength(HIGH_KEYS.length + 1);

    // Each proposal is in the audit trail, with its level action.
    const audited = await system.database.db
      .selectFrom('audit_event')
      .select(['details', 'subject_person_id'])
      .where('action', '=', 'action.propose')
      .where('resource_id', '=', herCall.id)
      .execute();
    expect(audited).toHaveLength(1);
    expect(audited[0]?.subject_person_id).toBe(made.herId);
    expect(audited[0]?.details).toMatchObject({ levelActionKey: HER_CALL, victimSideOnly: true });
  });

  it('keeps her own safety measure from the programme, even when the programme agreed the level', async () => {
    const { clients } = scenario;
    const herAddress = `Via Nascosta ${Math.random().toString(36).slice(2, 8)}`;
    const made = await makeJointCase(scenario, { herAddress });
    await agree(clients.ppManager, made.jointCaseId, 'high');

    const forPp = await actionsOf(clients.ppManager, made.jointCaseId);
    expect(proposedKeys(forPp)).toEqual(HIGH_KEYS.filter((key) => key !== HER_CALL));
    expect(forPp.every((action) => !action.victimSideOnly)).toBe(true);
    const herCallText = (await actionsOf(clients.vssManager, made.jointCaseId)).find(
      (action) => action.levelActionKey === HER_CALL,
    )!.action;
    for (const url of [
      `/api/joint-cases/${made.jointCaseId}`,
      `/api/joint-cases/${made.jointCaseId}/actions`,
      `/api/joint-cases/${made.jointCaseId}/risk`,
      '/api/home',
    ]) {
      const body = (await must(clients.ppManager.get(url), 200, url)) as unknown;
      const text = JSON.stringify(body);
      expect(text, url).not.toContain(HER_CALL);
      expect(text, url).not.toContain(herCallText);
      expect(text, url).not.toContain(herAddress);
    }
    // Her service sees it, assigned to her case manager.
    expect(proposedKeys(await actionsOf(clients.vssManager, made.jointCaseId))).toEqual(HIGH_KEYS);
  });

  it('proposes a lower level’s actions only once the other side confirms the lowering', async () => {
    const { clients } = scenario;
    const made = await makeJointCase(scenario);
    await agree(clients.vssManager, made.jointCaseId, 'high', addDays(today(), -3));
    const proposal = await agree(clients.ppManager, made.jointCaseId, 'intermediate', addDays(today(), -1));
    expect(proposal.agreed.level).toBe('high');
    expect(proposedKeys(await actionsOf(clients.vssManager, made.jointCaseId))).toEqual(HIGH_KEYS);

    // The rationale is required for a lowering, as for every agreement.
    const noReason = await clients.ppManager.post(`/api/joint-cases/${made.jointCaseId}/agreed-level`, {
      level: 'low',
      agreedOn: today(),
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields[0].path).toBe('rationale');

    await must(
      clients.vssManager.post(`/api/joint-cases/${made.jointCaseId}/agreed-level/confirm`, {
        proposalId: proposal.pendingLowering.id,
      }),
      200,
      'confirm',
    );
    const after = await actionsOf(clients.vssManager, made.jointCaseId);
    expect(proposedKeys(after)).toEqual(
      [...HIGH_KEYS, 'intermediate.review_safety_plan', 'intermediate.watch_for_escalation'].sort(),
    );
    // Confirmed today: the terms run from the confirmation.
    expect(after.find((a) => a.levelActionKey === 'intermediate.review_safety_plan')?.term).toBe(
      addDays(today(), 7),
    );
  });

  it('takes the actions from the newest version while the case’s checklist keeps the version it was given under', async () => {
    const { clients } = scenario;
    const made = await makeJointCase(scenario);
    const v1 = await must(
      clients.vssManager.post('/api/instrument-responses', {
        instrumentId: 'asap-risk-checklist',
        version: 1,
        jointCaseId: made.jointCaseId,
        subject: 'case',
        completedOn: today(),
        answers: { strangulation: { value: 'yes', source: 'her' } },
      }),
      201,
      'v1 checklist',
    );
    await agree(clients.vssManager, made.jointCaseId, 'high');
    expect(proposedKeys(await actionsOf(clients.vssManager, made.jointCaseId))).toEqual(HIGH_KEYS);
    const stored = await system.database.db
      .selectFrom('instrument_response')
      .select('version')
      .where('id', '=', v1.id)
      .executeTakeFirstOrThrow();
    expect(stored.version).toBe(1);
  });
});

describe('the level actions as data', () => {
  const v2Text = readFileSync(path.join(BUILT_IN_INSTRUMENTS_DIR, 'asap-risk-checklist.v2.json'), 'utf8');
  const v1 = JSON.parse(
    readFileSync(path.join(BUILT_IN_INSTRUMENTS_DIR, 'asap-risk-checklist.v1.json'), 'utf8'),
  );

  it('ships v2 as v1 with the actions added, every action text in the five languages', () => {
    const v2 = parseInstrumentFile('asap-risk-checklist.v2.json', v2Text);
    const { levels, version, ...rest } = JSON.parse(v2Text);
    const { levels: v1Levels, version: v1Version, ...v1Rest } = v1;
    expect([v1Version, version]).toEqual([1, 2]);
    expect(rest).toEqual(v1Rest);
    expect(levels.map(({ actions: _, ...level }: { actions: unknown }) => level)).toEqual(v1Levels);
    for (const level of v2.levels ?? [])
      for (const action of level.actions ?? [])
        expect(Object.keys(action.text).sort(), `${level.id}.${action.id}`).toEqual([
          'bg',
          'el',
          'en',
          'es',
          'it',
        ]);
  });

  it('refuses a level action that is her safety measure but not the victim side’s, naming the path', () => {
    const broken = JSON.parse(v2Text);
    broken.levels[2].actions[0].responsible = 'programme';
    const refusal = (() => {
      try {
        parseInstrumentFile('broken.json', JSON.stringify(broken));
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(InstrumentLoadError);
    expect((refusal as InstrumentLoadError).message).toContain('broken.json');
    expect((refusal as InstrumentLoadError).problems.map((p) => p.path)).toContain(
      'levels.2.actions.0.responsible',
    );
    broken.levels[2].actions[0].responsible = 'victim_side';
    broken.levels[2].actions[1].id = broken.levels[2].actions[0].id;
    broken.levels[2].actions[1].due = { weeks: 1 };
    const paths = (() => {
      try {
        parseInstrumentFile('broken.json', JSON.stringify(broken));
      } catch (error) {
        return (error as InstrumentLoadError).problems.map((p) => p.path);
      }
    })();
    expect(paths).toEqual(expect.arrayContaining(['levels.2.actions.1.due']));
  });
});

describe('the shipped escalation triggers', () => {
  it('a DASH-style checklist with 14 "yes" raises a critical event and makes the reassessment due; 13 do not', async () => {
    const { clients } = scenario;
    const made = await makeJointCase(scenario);
    const dash = JSON.parse(
      readFileSync(path.join(BUILT_IN_INSTRUMENTS_DIR, 'dash-style-risk-count.v1.json'), 'utf8'),
    ) as { version: number; sections: Array<{ items: Array<{ id: string }> }> };
    const itemIds = dash.sections.flatMap((section) => section.items.map((item) => item.id));
    const record = (yes: number) =>
      must(
        clients.ppManager.post('/api/instrument-responses', {
          instrumentId: 'dash-style-risk-count',
          version: dash.version,
          jointCaseId: made.jointCaseId,
          subject: 'case',
          completedOn: today(),
          answers: Object.fromEntries(
            itemIds.map((id, index) => [id, { value: index < yes ? 'yes' : 'no', source: 'him' }]),
          ),
        }),
        201,
        `${yes} yes`,
      );
    const fired = async () =>
      (
        (await must(clients.ppManager.get(`/api/joint-cases/${made.jointCaseId}`), 200, 'case'))
          .events as Array<{
          trigger: { triggerId: string; facts: Record<string, unknown> } | null;
        }>
      ).filter((event) => event.trigger);
    await record(13);
    expect(await fired()).toEqual([]);
    await record(14);
    expect((await fired()).map((event) => event.trigger)).toEqual([
      {
        triggerId: 'dash-style-14-yes',
        facts: {
          rule: 'count',
          count: 14,
          atLeast: 14,
          answer: 'yes',
          instrumentId: 'dash-style-risk-count',
        },
      },
    ]);
    const view = await must(clients.ppManager.get(`/api/joint-cases/${made.jointCaseId}`), 200, 'case');
    expect(view.reassessmentDueSince).not.toBeNull();
  });
});
