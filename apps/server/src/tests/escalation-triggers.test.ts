import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUILT_IN_ESCALATION_RULES,
  loadEscalationRules,
  parseEscalationRules,
  RulesLoadError,
} from '../rules/escalation-rules.js';
import { describeStartFailure } from '../server.js';
import { must } from '../testing/case-builder.js';
import { makeJointCase, makeNetworkScenario, type NetworkScenario } from '../testing/scenario.js';
import { startTestSystem, type TestSystem } from '../testing/test-system.js';

/**
 * Escalation triggers (docs/domain.md, "Risk management") through the API on a real database,
 * with a rules file of the test's own: each trigger fires on its condition and not below it.
 */
const RULES = {
  id: 'escalation-triggers',
  version: 1,
  triggers: [
    { id: 'repeat', kind: 'repeat_incident', withinMonths: 12 },
    { id: 'escalation', kind: 'escalating_incidents', withinMonths: 12, minIncidents: 3, severityRise: true },
    // Any instrument the rule names: here the ASAP checklist and the digital-violence identification.
    {
      id: 'asap-count',
      kind: 'checklist_count',
      instrumentId: 'asap-risk-checklist',
      answer: 'yes',
      atLeast: 3,
    },
    {
      id: 'digital-count',
      kind: 'checklist_count',
      instrumentId: 'digital-violence-identification',
      answer: 'yes',
      atLeast: 2,
    },
  ],
};

let system: TestSystem;
let scenario: NetworkScenario;
const directory = mkdtempSync(path.join(tmpdir(), 'tandem-rules-'));
beforeAll(async () => {
  const file = path.join(directory, 'escalation-triggers.v1.json');
  writeFileSync(file, JSON.stringify(RULES));
  system = await startTestSystem({ ESCALATION_RULES_FILE: file });
  scenario = await makeNetworkScenario(system);
});
afterAll(() => system?.close());

type Client = NetworkScenario['clients']['ppManager'];
interface EventView {
  id: string;
  kind: string;
  description: string;
  trigger: { triggerId: string; facts: Record<string, unknown> } | null;
}

const incident = (
  client: Client,
  jointCaseId: string,
  occurredOn: string,
  severity = 'low',
  source = 'him',
) =>
  must(
    client.post(`/api/joint-cases/${jointCaseId}/recidivism`, {
      occurredOn,
      forms: ['psychological'],
      severity,
      source,
    }),
    201,
    `incident ${occurredOn}`,
  );

const caseView = (client: Client, jointCaseId: string) =>
  must(client.get(`/api/joint-cases/${jointCaseId}`), 200, 'joint case');

const firedTriggers = async (client: Client, jointCaseId: string) =>
  ((await caseView(client, jointCaseId)).events as EventView[])
    .filter((event) => event.kind === 'escalation')
    .map((event) => event.trigger?.triggerId);

const proposedMeetings = async (client: Client, jointCaseId: string) =>
  (
    (await must(client.get(`/api/joint-cases/${jointCaseId}/meetings`), 200, 'meetings')).items as Array<{
      id: string;
      kind: string;
      status: string;
    }>
  ).filter((meeting) => meeting.status === 'proposed');

describe('escalation triggers', () => {
  it('a repeat incident within 12 months fires, one further apart does not; reassessment due and a meeting proposed', async () => {
    const { clients } = scenario;
    const made = await makeJointCase(scenario);
    await incident(clients.ppManager, made.jointCaseId, '2025-01-10');
    await incident(clients.ppManager, made.jointCaseId, '2026-03-01');
    expect(await firedTriggers(clients.ppManager, made.jointCaseId)).toEqual([]);
    expect((await caseView(clients.ppManager, made.jointCaseId)).reassessmentDueSince).toBeNull();
    expect(await proposedMeetings(clients.ppManager, made.jointCaseId)).toEqual([]);

    await incident(clients.ppManager, made.jointCaseId, '2026-06-01');
    const view = await caseView(clients.vssManager, made.jointCaseId);
    const fired = (view.events as EventView[]).filter((event) => event.kind === 'escalation');
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({
      trigger: { triggerId: 'repeat', facts: { earlierIncidents: 1, withinMonths: 12 } },
    });
    expect(fired[0]?.description).toContain('within 12 months');
    expect(view.reassessmentDueSince).not.toBeNull();
    // His and the agencies' reports only: the programme reads the event too.
    expect(await firedTriggers(clients.ppManager, made.jointCaseId)).toEqual(['repeat']);
    const proposed = await proposedMeetings(clients.vssManager, made.jointCaseId);
    expect(proposed).toMatchObject([{ kind: 'extraordinary', status: 'proposed' }]);

    // In the command's own transaction and audit.
    const audited = await system.database.db
      .selectFrom('audit_event')
      .select(['action', 'request_id'])
      .where('action', 'in', ['case_event.trigger', 'meeting.propose', 'recidivism.record'])
      .where((eb) =>
        eb.or([
          eb('resource_id', '=', fired[0]!.id),
          eb('resource_id', '=', proposed[0]!.id),
          eb.and([eb('action', '=', 'recidivism.record'), eb('resource_type', '=', 'recidivism_episode')]),
        ]),
      )
      .orderBy('id', 'desc')
      .limit(3)
      .execute();
    expect(new Set(audited.map((row) => row.request_id)).size).toBe(1);
    expect(audited.map((row) => row.action).sort()).toEqual([
      'case_event.trigger',
      'meeting.propose',
      'recidivism.record',
    ]);
  });

  it('escalation fires on the third incident in 12 months, not on the second', async () => {
    const { clients } = scenario;
    const made = await makeJointCase(scenario);
    await incident(clients.ppManager, made.jointCaseId, '2026-01-01');
    await incident(clients.ppManager, made.jointCaseId, '2026-02-01');
    expect(await firedTriggers(clients.ppManager, made.jointCaseId)).toEqual(['repeat']);
    await incident(clients.ppManager, made.jointCaseId, '2026-03-01');
    expect((await firedTriggers(clients.ppManager, made.jointCaseId)).sort()).toEqual([
      'escalation',
      'repeat',
      'repeat',
    ]);
    // Still one proposal waiting, however many triggers fired.
    expect(await proposedMeetings(clients.ppManager, made.jointCaseId)).toHaveLength(1);
  });

  it('a rise in severity alone fires the escalation trigger', async () => {
    const { clients } = scenario;
    const made = await makeJointCase(scenario);
    await incident(clients.ppManager, made.jointCaseId, '2026-01-01', 'low');
    await incident(clients.ppManager, made.jointCaseId, '2026-02-01', 'moderate');
    const events = (await caseView(clients.ppManager, made.jointCaseId)).events as EventView[];
    expect(events.find((event) => event.trigger?.triggerId === 'escalation')?.trigger?.facts).toEqual({
      rule: 'severity',
      severity: 'moderate',
      previousWorst: 'low',
      withinMonths: 12,
    });
  });

  it('what made it fire came from her stays on the victim side, unless she consents to share risk information', async () => {
    const { clients } = scenario;
    const sequence = async (jointCaseId: string) => {
      await incident(clients.vssManager, jointCaseId, '2026-01-01', 'low', 'her');
      await incident(clients.ppManager, jointCaseId, '2026-02-01', 'low', 'him');
    };
    const made = await makeJointCase(scenario);
    await sequence(made.jointCaseId);
    expect(await firedTriggers(clients.vssManager, made.jointCaseId)).toEqual(['repeat']);
    // Nothing the programme sees betrays it: no event, no reassessment due, no meeting proposed.
    const forPp = await caseView(clients.ppManager, made.jointCaseId);
    expect(JSON.stringify(forPp)).not.toContain('earlierIncidents');
    expect(forPp.reassessmentDueSince).toBeNull();
    expect(await proposedMeetings(clients.ppManager, made.jointCaseId)).toEqual([]);

    const consenting = await makeJointCase(scenario);
    await must(
      clients.vssManager.post(`/api/victims/${consenting.herId}/consents`, {
        scope: 'share_risk_information',
        givenOn: '2026-01-01',
      }),
      201,
      'consent',
    );
    await sequence(consenting.jointCaseId);
    expect(await firedTriggers(clients.ppManager, consenting.jointCaseId)).toEqual(['repeat']);
    expect((await caseView(clients.ppManager, consenting.jointCaseId)).reassessmentDueSince).not.toBeNull();
    expect(await proposedMeetings(clients.ppManager, consenting.jointCaseId)).toHaveLength(1);
  });

  it('a count threshold on the instrument the rule names fires at the threshold, not below it', async () => {
    const { clients } = scenario;
    const made = await makeJointCase(scenario);
    const yes = { value: 'yes', source: 'him' };
    const checklist = (answers: Record<string, unknown>) =>
      must(
        clients.ppManager.post('/api/instrument-responses', {
          instrumentId: 'asap-risk-checklist',
          version: 2,
          jointCaseId: made.jointCaseId,
          subject: 'case',
          completedOn: '2026-03-01',
          answers,
        }),
        201,
        'checklist',
      );
    await checklist({
      substance_misuse: yes,
      minimising: yes,
      strangulation: { value: 'no', source: 'him' },
    });
    expect(await firedTriggers(clients.ppManager, made.jointCaseId)).toEqual([]);
    await checklist({ substance_misuse: yes, minimising: yes, financial_strain: yes });
    const fired = ((await caseView(clients.ppManager, made.jointCaseId)).events as EventView[]).find(
      (event) => event.kind === 'escalation',
    );
    expect(fired?.trigger).toEqual({
      triggerId: 'asap-count',
      facts: { rule: 'count', count: 3, atLeast: 3, answer: 'yes', instrumentId: 'asap-risk-checklist' },
    });
    expect((await caseView(clients.ppManager, made.jointCaseId)).reassessmentDueSince).not.toBeNull();

    // Another instrument, its own threshold; her service's form, so held on her side.
    const digital = await makeJointCase(scenario);
    const identification = (answers: Record<string, unknown>) =>
      must(
        clients.vssManager.post('/api/instrument-responses', {
          instrumentId: 'digital-violence-identification',
          version: 1,
          jointCaseId: digital.jointCaseId,
          subject: 'her',
          completedOn: '2026-03-01',
          answers,
        }),
        201,
        'identification',
      );
    await identification({ shared_accounts: { value: 'yes', source: 'her' } });
    expect(await firedTriggers(clients.vssManager, digital.jointCaseId)).toEqual([]);
    await identification({
      shared_accounts: { value: 'yes', source: 'her' },
      control_monitoring: { value: 'yes', source: 'her' },
    });
    expect(await firedTriggers(clients.vssManager, digital.jointCaseId)).toEqual(['digital-count']);
    expect(await firedTriggers(clients.ppManager, digital.jointCaseId)).toEqual([]);
  });
});

describe('a critical event at high agreed risk', () => {
  const agree = (client: Client, jointCaseId: string, level: string) =>
    must(
      client.post(`/api/joint-cases/${jointCaseId}/agreed-level`, {
        level,
        rationale: `Agreed ${level}`,
        agreedOn: '2026-03-01',
      }),
      200,
      `agree ${level}`,
    );
  const criticalEvent = (client: Client, episodeId: string) =>
    must(
      client.post(`/api/pp-episodes/${episodeId}/critical-events`, {
        kind: 'threat',
        occurredOn: '2026-03-02',
        source: 'him',
        description: 'Threatened a colleague in group',
      }),
      201,
      'critical event',
    );

  it('proposes an extraordinary meeting at high, not at low; the case managers accept or decline it', async () => {
    const { clients } = scenario;
    const high = await makeJointCase(scenario);
    const low = await makeJointCase(scenario);
    await agree(clients.vssManager, high.jointCaseId, 'high');
    await agree(clients.vssManager, low.jointCaseId, 'low');
    await criticalEvent(clients.ppManager, high.episodeId);
    await criticalEvent(clients.ppManager, low.episodeId);
    expect(await proposedMeetings(clients.ppManager, low.jointCaseId)).toEqual([]);
    const [proposal] = await proposedMeetings(clients.ppManager, high.jointCaseId);
    expect(proposal).toBeDefined();

    const meeting = await must(clients.ppManager.get(`/api/meetings/${proposal!.id}`), 200, 'meeting');
    expect(meeting.can).toMatchObject({ decideProposal: true, close: false, updateAgenda: false });
    const url = `/api/meetings/${proposal!.id}/decision`;
    expect((await clients.police.post(url, { decision: 'accept' })).statusCode).toBe(404);
    const badDate = await clients.vssManager.post(url, { decision: 'accept', scheduledFor: 'soon' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().fields[0].path).toBe('scheduledFor');
    const scheduledFor = '2026-12-10T09:00:00.000Z';
    const accepted = await must(
      clients.vssManager.post(url, { decision: 'accept', scheduledFor, mode: 'remote' }),
      200,
      'accept',
    );
    expect(accepted).toMatchObject({
      status: 'planned',
      kind: 'extraordinary',
      mode: 'remote',
      scheduledFor,
    });
    expect((await clients.ppManager.post(url, { decision: 'decline' })).statusCode).toBe(409);

    // Another critical event: a new proposal, which the programme's case manager declines.
    await criticalEvent(clients.ppManager, high.episodeId);
    const [again] = await proposedMeetings(clients.ppManager, high.jointCaseId);
    const declined = await clients.ppManager.post(`/api/meetings/${again!.id}/decision`, {
      decision: 'decline',
    });
    expect(declined.statusCode).toBe(200);
    expect(await proposedMeetings(clients.ppManager, high.jointCaseId)).toEqual([]);
  });
});

describe('the rules file', () => {
  it('the shipped file is valid and names the DASH-style count instrument', () => {
    const rules = parseEscalationRules(
      BUILT_IN_ESCALATION_RULES,
      readFileSync(BUILT_IN_ESCALATION_RULES, 'utf8'),
    );
    expect(rules.triggers.map((trigger) => trigger.kind).sort()).toEqual([
      'checklist_count',
      'escalating_incidents',
      'repeat_incident',
    ]);
  });

  it('a malformed file is refused naming the file and the path of each fault, as at the start of the server', async () => {
    const broken = structuredClone(RULES) as { triggers: Array<Record<string, unknown>> };
    broken.triggers[0]!.withinMonths = 0;
    broken.triggers[2]!.kind = 'sum';
    broken.triggers.push({ id: 'repeat', kind: 'repeat_incident', withinMonths: 6 });
    const file = path.join(directory, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    const refusal = (() => {
      try {
        parseEscalationRules(file, readFileSync(file, 'utf8'));
      } catch (error) {
        return error as RulesLoadError;
      }
    })();
    expect(refusal).toBeInstanceOf(RulesLoadError);
    expect(refusal?.message).toContain(file);
    expect(refusal?.problems.map((problem) => problem.path)).toEqual(
      expect.arrayContaining(['triggers.0.withinMonths', 'triggers.2.kind']),
    );
    writeFileSync(file, '{ "id": "escalation-triggers", ');
    // What the server loads at start (app.ts): the start fails with the same message.
    expect(() => loadEscalationRules(file)).toThrow(/broken\.json: \(file\): not valid JSON/);
    expect(() => loadEscalationRules(path.join(directory, 'missing.json'))).toThrow(
      /missing\.json.*cannot be read/,
    );
    // What the operator reads when the start fails: the file and the path of each fault.
    expect(describeStartFailure(refusal)).toContain(`${file}: triggers.0.withinMonths`);
    const duplicate = structuredClone(RULES) as { triggers: Array<Record<string, unknown>> };
    duplicate.triggers.push({ id: 'repeat', kind: 'repeat_incident', withinMonths: 6 });
    expect(() => parseEscalationRules(file, JSON.stringify(duplicate))).toThrow(
      /triggers\.4\.id: Trigger id repeat is used twice/,
    );
  });
});
