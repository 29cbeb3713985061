import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJointCase, makeNetworkScenario, type NetworkScenario } from '../testing/scenario.js';
import { startTestSystem, type TestSystem } from '../testing/test-system.js';

let system: TestSystem;
let scenario: NetworkScenario;
beforeAll(async () => {
  system = await startTestSystem();
  scenario = await makeNetworkScenario(system);
});
afterAll(() => system?.close());

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
    expect(
      view.items.find((item: { itemId: string }) => item.itemId === 'substance_misuse').victimSide,
    ).toEqual({ value: 'yes', source: 'agency' });

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
    ).toEqual({ value: 'yes', source: 'another_source' });

    const critical = await clients.ppManager.post(`/api/pp-episodes/${made.episodeId}/critical-events`, {
      kind: 'threat',
      occurredOn: '2026-03-05',
      source: 'agency',
      description: 'Threatening messages reported to the police',
    });
    expect(critical.statusCode).toBe(201);
    const due = (await clients.vssManager.get('/api/due')).json().items;
    expect(due).toContainEqual(
      expect.objectContaining({
        jointCaseId: made.jointCaseId,
        what: 'reassessment',
        reason: 'critical_event',
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
    expect(forPp.json().periods).toEqual([
      { period: '2026-Q1', him: 1, her: null, agencies: 0, otherSources: 1, possibleMinimisation: true },
      { period: '2026-Q2', him: 0, her: null, agencies: 1, otherSources: 1, possibleMinimisation: true },
    ]);
    expect(
      forPp
        .json()
        .episodes.map((episode: { source: string }) => episode.source)
        .sort(),
    ).toEqual(['agency', 'him']);
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
