import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, DEFAULT_TIME_ZONE, dateIn } from '../domain/clock.js';
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

const lastAuditId = async () =>
  String(
    (
      await system.database.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.coalesce(eb.fn.max('id'), eb.lit(0)).as('id'))
        .executeTakeFirstOrThrow()
    ).id,
  );

const refusalsOf = (userId: string, since: string) =>
  system.database.db
    .selectFrom('audit_event')
    .select(['action', 'resource_type'])
    .where('id', '>', since)
    .where('outcome', '=', 'denied')
    .where('actor_user_id', '=', userId)
    .execute();

/** Today in the network's zone (the test networks keep the default zone), as the server judges it. */
const today = () => dateIn(DEFAULT_TIME_ZONE, system.clock.now());

const checklist = (
  jointCaseId: string,
  answers: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) => ({
  instrumentId: 'asap-risk-checklist',
  version: 1,
  jointCaseId,
  subject: 'case',
  completedOn: '2026-03-01',
  answers,
  ...extra,
});

describe('the joint risk assessment', () => {
  it('shows both sides item by item, protects what she said, records the agreed level and schedules the next', async () => {
    const { clients } = scenario;
    const made = await makeJointCase(scenario);
    const ppChecklist = await clients.ppManager.post(
      '/api/instrument-responses',
      checklist(made.jointCaseId, {
        minimising: {
          value: 'yes',
          source: 'professional_observation',
          note: 'Blames her for the arguments',
        },
        substance_misuse: { value: 'yes', source: 'him' },
        strangulation: { value: 'no', source: 'him' },
      }),
    );
    expect(ppChecklist.statusCode).toBe(201);
    expect(ppChecklist.json().computedLevel).toBe('low');

    const vssChecklist = await clients.vssManager.post(
      '/api/instrument-responses',
      checklist(made.jointCaseId, {
        strangulation: { value: 'yes', source: 'her', note: 'She said he choked her in the kitchen' },
        extreme_fear: { value: 'yes', source: 'her' },
        substance_misuse: { value: 'yes', source: 'agency' },
      }),
    );
    expect(vssChecklist.json().computedLevel).toBe('high');

    const forPp = await clients.ppManager.get(`/api/joint-cases/${made.jointCaseId}/risk`);
    expect(forPp.statusCode).toBe(200);
    const view = forPp.json();
    expect(view.levelsDiverge).toBe(true);
    expect(view.perpetratorSideLower).toBe(true);
    expect(forPp.body).not.toContain('choked');
    const strangulation = view.items.find((item: { itemId: string }) => item.itemId === 'strangulation');
    expect(strangulation.victimSide).toEqual({ value: null, withheld: true });
    // Without her consent her service's checklist is withheld alike on every item — what she said,
    // what an agency said, what nobody answered — so no label and no gap tells which were hers.
    expect(
      view.items.find((item: { itemId: string }) => item.itemId === 'substance_misuse').victimSide,
    ).toEqual({ value: null, withheld: true });
    for (const item of view.items) expect(item.victimSide).toEqual({ value: null, withheld: true });
    expect(view.victimSide.areaScores).toEqual({});
    expect(view.victimSide.judgementReason).toBeNull();
    // His programme's own answers keep their sources.
    expect(
      view.items.find((item: { itemId: string }) => item.itemId === 'substance_misuse').perpetratorSide,
    ).toMatchObject({
      value: 'yes',
      source: 'him',
    });

    const forVss = (await clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}/risk`)).json();
    expect(forVss.victimSide.answers.strangulation.note).toContain('choked');
    expect(forVss.items.find((item: { itemId: string }) => item.itemId === 'strangulation').diverges).toBe(
      true,
    );
    expect(forVss.perpetratorSide.answers.minimising.note).toBe('Blames her for the arguments');

    // With her consent to share risk information, her items reach the programme unattributed, still without notes.
    await clients.vssManager.post(`/api/victims/${made.herId}/consents`, {
      scope: 'share_risk_information',
      givenOn: '2026-03-01',
    });
    const shared = (await clients.ppManager.get(`/api/joint-cases/${made.jointCaseId}/risk`)).json();
    expect(
      shared.items.find((item: { itemId: string }) => item.itemId === 'strangulation').victimSide,
    ).toEqual({ value: 'yes' });
    // Values with no source at all: hers and the agency's read the same.
    expect(
      shared.items.find((item: { itemId: string }) => item.itemId === 'substance_misuse').victimSide,
    ).toEqual({ value: 'yes' });
    for (const item of shared.items) expect(item.victimSide ?? {}).not.toHaveProperty('source');
    expect(JSON.stringify(shared)).not.toContain('choked');

    const critical = await clients.ppManager.post(`/api/pp-episodes/${made.episodeId}/critical-events`, {
      kind: 'threat',
      occurredOn: '2026-03-05',
      source: 'agency',
      description: 'Threatening messages reported to the police',
    });
    expect(critical.statusCode).toBe(201);
    const due = (await clients.vssManager.get('/api/due')).json().items;
    // Due now: today, and not overdue the moment it is raised.
    expect(due).toContainEqual(
      expect.objectContaining({
        jointCaseId: made.jointCaseId,
        what: 'reassessment',
        reason: 'critical_event',
        dueOn: today(),
        overdue: false,
      }),
    );

    const noRationale = await clients.vssManager.post(`/api/joint-cases/${made.jointCaseId}/agreed-level`, {
      level: 'high',
      agreedOn: '2026-03-06',
    });
    expect(noRationale.statusCode).toBe(400);
    expect(noRationale.json().fields[0].path).toBe('rationale');
    const agreed = await clients.vssManager.post(`/api/joint-cases/${made.jointCaseId}/agreed-level`, {
      level: 'high',
      rationale: 'Strangulation reported; escalating threats',
      agreedOn: '2026-03-06',
      ppResponseId: ppChecklist.json().id,
      vssResponseId: vssChecklist.json().id,
    });
    expect(agreed.statusCode).toBe(200);
    expect(agreed.json().agreed).toMatchObject({ level: 'high', nextReassessmentOn: '2026-03-13' });
    expect(agreed.json().reassessmentDueSince).toBeNull();
    expect(agreed.json().history.at(-1)).toMatchObject({
      perpetratorSide: 'low',
      victimSide: 'high',
      agreed: 'high',
    });
    const dueAfter = (await clients.vssManager.get('/api/due')).json().items;
    expect(
      dueAfter.find(
        (item: { jointCaseId: string; reason: string }) =>
          item.jointCaseId === made.jointCaseId && item.reason === 'critical_event',
      ),
    ).toBeUndefined();

    const police = await clients.police.post(`/api/joint-cases/${made.jointCaseId}/agreed-level`, {
      level: 'low',
      rationale: 'x',
      agreedOn: '2026-03-07',
    });
    expect(police.statusCode).toBe(403);
  });

  it('lets judgement raise the level freely and lower it only with a reason; the programme never records her words', async () => {
    const { clients } = scenario;
    const made = await makeJointCase(scenario);
    const answers = { strangulation: { value: 'yes', source: 'agency' } };
    const lowered = await clients.vssManager.post(
      '/api/instrument-responses',
      checklist(made.jointCaseId, answers, { judgedLevel: 'intermediate' }),
    );
    expect(lowered.statusCode).toBe(400);
    expect(lowered.json().fields[0].path).toBe('judgementReason');
    const withReason = await clients.vssManager.post(
      '/api/instrument-responses',
      checklist(made.jointCaseId, answers, {
        judgedLevel: 'intermediate',
        judgementReason: 'Old incident, he has moved abroad',
      }),
    );
    expect(withReason.json()).toMatchObject({ computedLevel: 'high', level: 'intermediate' });
    const raised = await clients.ppManager.post(
      '/api/instrument-responses',
      checklist(made.jointCaseId, {}, { judgedLevel: 'high' }),
    );
    expect(raised.json()).toMatchObject({ computedLevel: 'low', level: 'high' });
    const herWordsOnPpSide = await clients.ppManager.post(
      '/api/instrument-responses',
      checklist(made.jointCaseId, { extreme_fear: { value: 'yes', source: 'her' } }),
    );
    expect(herWordsOnPpSide.statusCode).toBe(400);
    const unknownItem = await clients.ppManager.post(
      '/api/instrument-responses',
      checklist(made.jointCaseId, { not_an_item: { value: 'yes' } }),
    );
    expect(unknownItem.json().fields[0].path).toBe('answers.not_an_item');
    const wrongValue = await clients.ppManager.post(
      '/api/instrument-responses',
      checklist(made.jointCaseId, { strangulation: { value: 7 } }),
    );
    expect(wrongValue.json().fields[0].path).toBe('answers.strangulation');

    // Writes follow the reads: the police, whose agreement gives them no risk information, cannot
    // record a checklist they could not read — the one refusal, audited.
    const since = await lastAuditId();
    const byPolice = await clients.police.post(
      '/api/instrument-responses',
      checklist(made.jointCaseId, { strangulation: { value: 'no', source: 'agency' } }),
    );
    expect(byPolice.statusCode).toBe(404);
    expect((await clients.police.get(`/api/joint-cases/${made.jointCaseId}/risk`)).statusCode).toBe(404);
    expect(await refusalsOf(scenario.users.police.id, since)).toContainEqual({
      action: 'instrument.record',
      resource_type: 'instrument_response',
    });
  });

  it('raises the agreed level at once and lowers it only when the other side’s case manager confirms', async () => {
    const { clients } = scenario;
    const made = await makeJointCase(scenario);
    const url = `/api/joint-cases/${made.jointCaseId}/agreed-level`;
    const day = (offset: number) => addDays(today(), offset);
    const agree = (client: typeof clients.ppManager, level: string, agreedOn: string) =>
      must(client.post(url, { level, rationale: `Agreed ${level}`, agreedOn }), 200, `agree ${level}`);

    const first = await agree(clients.vssManager, 'intermediate', day(-5));
    expect(first.agreed).toMatchObject({ level: 'intermediate', nextReassessmentOn: day(25) });
    const raised = await agree(clients.ppManager, 'high', day(-4));
    expect(raised.agreed).toMatchObject({ level: 'high', nextReassessmentOn: day(3) });

    // One case manager lowering it: a proposal; the current level and its schedule stay.
    const proposed = await agree(clients.ppManager, 'low', day(-3));
    expect(proposed.agreed).toMatchObject({ level: 'high', agreedOn: day(-4), nextReassessmentOn: day(3) });
    expect(proposed.nextReassessmentOn).toBe(day(3));
    expect(proposed.pendingLowering).toMatchObject({
      level: 'low',
      fromLevel: 'high',
      proposedSide: 'perpetrator',
    });
    expect(proposed.can.confirmLowering).toBe(false);
    const forVss = await must(
      clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}/risk`),
      200,
      'risk',
    );
    expect(forVss.can.confirmLowering).toBe(true);
    const proposalId = proposed.pendingLowering.id;
    expect((await clients.ppManager.post(`${url}/confirm`, { proposalId })).statusCode).toBe(403);
    expect((await clients.police.post(`${url}/confirm`, { proposalId })).statusCode).toBe(403);

    const confirmed = await must(clients.vssManager.post(`${url}/confirm`, { proposalId }), 200, 'confirm');
    expect(confirmed.agreed).toMatchObject({ level: 'low', agreedOn: today(), nextReassessmentOn: day(60) });
    expect(confirmed.pendingLowering).toBeNull();
    expect((await clients.vssManager.post(`${url}/confirm`, { proposalId })).statusCode).toBe(409);

    // The other side agreeing to the very level proposed is its confirmation.
    await agree(clients.vssManager, 'high', today());
    const again = await agree(clients.vssManager, 'intermediate', today());
    expect(again.agreed.level).toBe('high');
    expect(again.pendingLowering).toMatchObject({ level: 'intermediate', proposedSide: 'victim' });
    const both = await agree(clients.ppManager, 'intermediate', today());
    expect(both.agreed).toMatchObject({ level: 'intermediate', nextReassessmentOn: day(30) });
    expect(both.pendingLowering).toBeNull();
  });
});

describe('the reassessment interval', () => {
  it('comes from the instrument’s levels, or from the network’s override where it has one', async () => {
    const own = await makeNetworkScenario(system);
    await system.database.db
      .updateTable('network')
      .set({ reassessment_days: JSON.stringify({ high: 3 }) })
      .where('id', '=', own.network.id)
      .execute();
    const made = await makeJointCase(own);
    const url = `/api/joint-cases/${made.jointCaseId}/agreed-level`;
    const intermediate = await must(
      own.clients.vssManager.post(url, { level: 'intermediate', rationale: 'x', agreedOn: '2026-03-02' }),
      200,
      'intermediate',
    );
    expect(intermediate.agreed.nextReassessmentOn).toBe('2026-04-01');
    const high = await must(
      own.clients.vssManager.post(url, { level: 'high', rationale: 'x', agreedOn: '2026-03-04' }),
      200,
      'high',
    );
    expect(high.agreed.nextReassessmentOn).toBe('2026-03-07');
  });
});

describe('recidivism by source', () => {
  it('compares sources per period, flags possible minimisation, and gives the programme only counts of her reports', async () => {
    const { clients, agencies } = scenario;
    const made = await makeJointCase(scenario);
    const record = (client: typeof clients.ppManager, body: Record<string, unknown>) =>
      client.post(`/api/joint-cases/${made.jointCaseId}/recidivism`, body);
    expect(
      (
        await record(clients.vssManager, {
          occurredOn: '2026-03-05',
          forms: ['psychological'],
          severity: 'moderate',
          source: 'her',
          description: 'He screamed at her for an hour',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await record(clients.ppManager, {
          occurredOn: '2026-03-10',
          forms: ['physical'],
          severity: 'low',
          source: 'him',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await record(clients.police, {
          occurredOn: '2026-04-02',
          forms: ['stalking'],
          severity: 'moderate',
          source: 'agency',
          sourceAgencyId: agencies.police.id,
          policeInvolved: true,
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await record(clients.ppManager, {
          occurredOn: '2026-04-03',
          forms: ['psychological'],
          severity: 'low',
          source: 'her',
        })
      ).statusCode,
    ).toBe(400);

    const forVss = (
      await clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}/recidivism?period=month`)
    ).json();
    expect(forVss.periods).toEqual([
      { period: '2026-03', him: 1, her: 1, agencies: 0, otherSources: 1, possibleMinimisation: true },
      { period: '2026-04', him: 0, her: 0, agencies: 1, otherSources: 1, possibleMinimisation: true },
    ]);
    const forPp = await clients.ppManager.get(
      `/api/joint-cases/${made.jointCaseId}/recidivism?period=quarter`,
    );
    expect(forPp.body).not.toContain('screamed');
    // Without her consent: no count of hers and no total that includes hers (so none to subtract
    // the agencies' from), and the minimisation flags only from the rows the programme has.
    expect(forPp.json().periods).toEqual([
      { period: '2026-Q1', him: 1, agencies: 0, possibleMinimisation: false },
      { period: '2026-Q2', him: 0, agencies: 1, possibleMinimisation: true },
    ]);
    expect(
      forPp
        .json()
        .episodes.map((episode: { source: string }) => episode.source)
        .sort(),
    ).toEqual(['agency', 'him']);
  });

  it('with her consent merges hers and the agencies’ into other sources; flags each episode whose forms he left out', async () => {
    const { clients, agencies } = scenario;
    const made = await makeJointCase(scenario);
    const url = `/api/joint-cases/${made.jointCaseId}/recidivism`;
    await must(
      clients.vssManager.post(url, {
        occurredOn: '2026-05-04',
        forms: ['physical', 'psychological'],
        severity: 'moderate',
        source: 'her',
      }),
      201,
      'hers',
    );
    await must(
      clients.ppManager.post(url, {
        occurredOn: '2026-05-10',
        forms: ['physical'],
        severity: 'low',
        source: 'him',
      }),
      201,
      'his',
    );
    await must(
      clients.police.post(url, {
        occurredOn: '2026-05-12',
        forms: ['physical'],
        severity: 'low',
        source: 'agency',
        sourceAgencyId: agencies.police.id,
        policeInvolved: true,
      }),
      201,
      'the police’s',
    );
    // He reported the physical violence, not the psychological: a shared form does not cancel the flag.
    const forVss = await must(clients.vssManager.get(`${url}?period=month`), 200, 'for her service');
    expect(
      forVss.episodes.map((episode: { source: string; possibleMinimisation: boolean }) => [
        episode.source,
        episode.possibleMinimisation,
      ]),
    ).toEqual([
      ['her', true],
      ['him', false],
      ['agency', false],
    ]);
    expect(forVss.periods).toEqual([
      { period: '2026-05', him: 1, her: 1, agencies: 1, otherSources: 2, possibleMinimisation: true },
    ]);

    const before = await must(clients.ppManager.get(`${url}?period=month`), 200, 'for the programme');
    expect(before.periods).toEqual([{ period: '2026-05', him: 1, agencies: 1, possibleMinimisation: false }]);

    await must(
      clients.vssManager.post(`/api/victims/${made.herId}/consents`, {
        scope: 'share_risk_information',
        givenOn: '2026-03-01',
      }),
      201,
      'her consent',
    );
    // One count for hers and the agencies' together, and no agencies' count to subtract from it.
    const after = await must(clients.ppManager.get(`${url}?period=month`), 200, 'with her consent');
    expect(after.periods).toEqual([
      { period: '2026-05', him: 1, otherSources: 2, possibleMinimisation: true },
    ]);
    expect(after.episodes.map((episode: { source: string }) => episode.source)).toEqual([
      'another_source',
      'him',
      'another_source',
    ]);
    expect(JSON.stringify(after)).not.toContain(agencies.police.id);
    expect(after.episodes[0].possibleMinimisation).toBe(true);
  });
});

describe('IMPACT questionnaires', () => {
  it('derives T0-T4 from the programme dates, lists what is due and shows his account beside hers', async () => {
    const { clients } = scenario;
    const made = await makeJointCase(scenario);
    const impact = (await clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}/impact`)).json();
    expect(
      impact.points
        .slice(0, 2)
        .map((point: { timepoint: string; dueOn: string }) => `${point.timepoint} ${point.dueOn}`),
    ).toEqual(['T0 2026-01-15', 'T1 2026-01-20']);
    const him = await clients.ppManager.post('/api/instrument-responses', {
      instrumentId: 'impact-him',
      version: 1,
      jointCaseId: made.jointCaseId,
      subject: 'him',
      timepoint: 'T0',
      completedOn: '2026-01-16',
      answers: { physical: { value: 1 }, insults: { value: 3 }, responsibility: { value: 1 } },
    });
    expect(him.json()).toMatchObject({
      score: 4,
      areaScores: { physical: 1, psychological: 3, responsibility: 1 },
    });
    await clients.vssManager.post('/api/instrument-responses', {
      instrumentId: 'impact-her',
      version: 1,
      jointCaseId: made.jointCaseId,
      subject: 'her',
      timepoint: 'T0',
      completedOn: '2026-01-17',
      answers: { physical: { value: 1 }, insults: { value: 4 }, control: { value: 4 } },
    });
    const forVss = (await clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}/impact`)).json();
    expect(forVss.points[0]).toMatchObject({
      timepoint: 'T0',
      him: { score: 4 },
      her: { score: 9 },
      herWithheld: false,
      due: false,
    });
    const forPp = (await clients.ppManager.get(`/api/joint-cases/${made.jointCaseId}/impact`)).json();
    expect(forPp.points[0]).toMatchObject({ him: { score: 4 }, her: null, herWithheld: true });
    const dueForPp = (await clients.ppManager.get('/api/due')).json().items;
    expect(dueForPp).toContainEqual(
      expect.objectContaining({ jointCaseId: made.jointCaseId, what: 'questionnaire_him', timepoint: 'T1' }),
    );
    expect(
      dueForPp.find(
        (item: { jointCaseId: string; timepoint: string }) =>
          item.jointCaseId === made.jointCaseId && item.timepoint === 'T0',
      ),
    ).toBeUndefined();
  });
});

describe('what is due at the programme’s end', () => {
  it('asks for the closing risk assessment, T3 and — at the network’s follow-up interval — T4, not the points missed', async () => {
    const own = await makeNetworkScenario(system);
    await system.database.db
      .updateTable('network')
      .set({ impact_follow_up_months: 3 })
      .where('id', '=', own.network.id)
      .execute();
    const made = await makeJointCase(own);
    await must(
      own.clients.vssManager.post(`/api/joint-cases/${made.jointCaseId}/agreed-level`, {
        level: 'intermediate',
        rationale: 'Before the end',
        agreedOn: '2026-02-01',
      }),
      200,
      'agreed level',
    );
    const endedOn = addDays(addMonths(today(), -3), 5);
    await must(
      own.clients.ppManager.post(`/api/pp-episodes/${made.episodeId}/status`, {
        to: 'completed',
        date: endedOn,
      }),
      200,
      'completed',
    );
    const dueOf = async (client: typeof own.clients.ppManager) =>
      ((await must(client.get('/api/due'), 200, 'due')).items as Array<Record<string, unknown>>).filter(
        (item) => item.jointCaseId === made.jointCaseId,
      );
    const forPp = await dueOf(own.clients.ppManager);
    expect(forPp).toContainEqual(
      expect.objectContaining({
        what: 'reassessment',
        reason: 'programme_end',
        dueOn: today(),
        overdue: false,
      }),
    );
    expect(forPp).toContainEqual(
      expect.objectContaining({ what: 'questionnaire_him', timepoint: 'T3', dueOn: endedOn, overdue: true }),
    );
    expect(forPp).toContainEqual(
      expect.objectContaining({
        what: 'questionnaire_him',
        timepoint: 'T4',
        dueOn: addMonths(endedOn, 3),
        overdue: false,
      }),
    );
    expect(forPp.filter((item) => item.what !== 'reassessment').map((item) => item.timepoint)).toEqual([
      'T3',
      'T4',
    ]);
    expect(
      (await dueOf(own.clients.vssManager))
        .map((item) => `${item.what} ${item.timepoint ?? item.reason}`)
        .sort(),
    ).toEqual(['questionnaire_her T3', 'questionnaire_her T4', 'reassessment programme_end']);

    // The closing assessment agreed on or after the end answers it.
    await must(
      own.clients.vssManager.post(`/api/joint-cases/${made.jointCaseId}/agreed-level`, {
        level: 'intermediate',
        rationale: 'Closing assessment',
        agreedOn: today(),
      }),
      200,
      'closing assessment',
    );
    expect((await dueOf(own.clients.vssManager)).filter((item) => item.what === 'reassessment')).toEqual([]);
  });
});

describe('Section B over time', () => {
  it('counts the children’s items of each checklist as the reader sees them, and leaves out one withheld from it', async () => {
    const { clients } = scenario;
    const made = await makeJointCase(scenario);
    await must(
      clients.ppManager.post(
        '/api/instrument-responses',
        checklist(made.jointCaseId, {
          cares_for_children: { value: 'yes', source: 'him' },
          heard_episodes: { value: 'unknown' },
        }),
      ),
      201,
      'his checklist',
    );
    await must(
      clients.vssManager.post(
        '/api/instrument-responses',
        checklist(
          made.jointCaseId,
          {
            cares_for_children: { value: 'yes', source: 'her' },
            heard_episodes: { value: 'yes', source: 'her' },
            witnessed_episodes: { value: 'yes', source: 'her' },
          },
          { completedOn: '2026-03-02' },
        ),
      ),
      201,
      'her checklist',
    );
    const sectionB = async (client: typeof clients.ppManager) =>
      (await must(client.get(`/api/joint-cases/${made.jointCaseId}/children`), 200, 'children'))
        .sectionBOverTime;
    expect(await sectionB(clients.vssManager)).toEqual([
      { date: '2026-03-01', side: 'perpetrator', yesCount: 1, unknownCount: 1 },
      { date: '2026-03-02', side: 'victim', yesCount: 3, unknownCount: 0 },
    ]);
    // Without her consent her checklist is withheld from the programme: no point at all, not a "no concerns" one.
    expect(await sectionB(clients.ppManager)).toEqual([
      { date: '2026-03-01', side: 'perpetrator', yesCount: 1, unknownCount: 1 },
    ]);
    await must(
      clients.vssManager.post(`/api/victims/${made.herId}/consents`, {
        scope: 'share_risk_information',
        givenOn: '2026-03-01',
      }),
      201,
      'her consent',
    );
    expect(await sectionB(clients.ppManager)).toHaveLength(2);
  });
});
