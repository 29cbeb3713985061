import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suppressSmallCounts } from '../domain/risk-divergence.js';
import { makeUser } from '../testing/factories.js';
import { makeJointCase, makeNetworkScenario, type NetworkScenario } from '../testing/scenario.js';
import { signInFully, startTestSystem, type TestSystem } from '../testing/test-system.js';

let system: TestSystem;
let scenario: NetworkScenario;
beforeAll(async () => {
  system = await startTestSystem();
  scenario = await makeNetworkScenario(system);
});
afterAll(() => system?.close());

/** A checklist: `{}` computes low; her service's strangulation "yes" computes high. */
const checklist = (
  jointCaseId: string,
  completedOn: string,
  answers: Record<string, unknown>,
  extra = {},
) => ({
  instrumentId: 'asap-risk-checklist',
  version: 1,
  jointCaseId,
  subject: 'case',
  completedOn,
  answers,
  ...extra,
});
const HERS_HIGH = { strangulation: { value: 'yes', source: 'her', note: 'She said he choked her' } };

async function record(client: NetworkScenario['clients']['ppManager'], body: unknown) {
  const answer = await client.post('/api/instrument-responses', body);
  if (answer.statusCode !== 201) throw new Error(`checklist: ${answer.statusCode} ${answer.body}`);
}

describe('when the two sides diverge', () => {
  it('shows each pair of checklists over time, with the levels the reader may read and the difference', async () => {
    const { clients } = scenario;
    const made = await makeJointCase(scenario);
    await record(clients.ppManager, checklist(made.jointCaseId, '2026-03-01', {}));
    await record(clients.vssManager, checklist(made.jointCaseId, '2026-03-02', HERS_HIGH));
    await record(
      clients.ppManager,
      checklist(made.jointCaseId, '2026-03-09', {}, { judgedLevel: 'intermediate' }),
    );
    // The same day again: one pair stands for the day (its last).
    await record(clients.ppManager, checklist(made.jointCaseId, '2026-03-09', {}, { judgedLevel: 'high' }));

    const forVss = (await clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}/risk`)).json();
    expect(forVss.divergence).toEqual([
      { date: '2026-03-02', perpetratorSide: 'low', victimSide: 'high', difference: -2 },
      { date: '2026-03-09', perpetratorSide: 'high', victimSide: 'high', difference: 0 },
    ]);

    // The programme reads the divergence exactly as the view's history shows her side's level,
    // never her answers or her notes; no pair names a response of hers.
    const response = await clients.ppManager.get(`/api/joint-cases/${made.jointCaseId}/risk`);
    const forPp = response.json();
    expect(forPp.divergence).toEqual(forVss.divergence);
    for (const pair of forPp.divergence) {
      const point = forPp.history.find((entry: { date: string }) => entry.date === pair.date);
      expect(pair.victimSide).toBe(point.victimSide);
    }
    expect(response.body).not.toContain('choked');
    for (const item of forPp.items) expect(item.victimSide).toEqual({ value: null, withheld: true });

    // An agency whose agreement gives it no risk information reads no pair at all.
    expect((await clients.police.get(`/api/joint-cases/${made.jointCaseId}/risk`)).statusCode).toBe(404);
  });

  it('proposes consulting the case’s other agencies while the sides diverge, and records whom, what they said and the level after', async () => {
    const { clients, agencies } = scenario;
    const made = await makeJointCase(scenario, { herAddress: 'Via Nascosta 12, Bologna' });
    const risk = `/api/joint-cases/${made.jointCaseId}/risk`;
    const url = `/api/joint-cases/${made.jointCaseId}/risk-consultations`;
    const consult = (client = clients.vssManager, extra: Record<string, unknown> = {}) =>
      client.post(url, {
        agencyId: agencies.police.id,
        consultedOn: '2026-03-03',
        reply: 'Two call-outs this month; they support a high level',
        ...extra,
      });

    // No pair yet: nothing proposed, and nothing to record.
    await record(clients.ppManager, checklist(made.jointCaseId, '2026-03-01', {}));
    const alone = (await clients.vssManager.get(risk)).json();
    expect(alone.consultation).toMatchObject({ proposed: false, records: [] });
    expect(alone.consultation.agencies).toEqual([
      { id: agencies.police.id, name: expect.any(String), kind: 'police' },
    ]);
    const early = await consult();
    expect(early.statusCode).toBe(400);
    expect(early.json().fields[0].path).toBe('agencyId');

    await record(clients.vssManager, checklist(made.jointCaseId, '2026-03-02', HERS_HIGH));
    const diverging = (await clients.ppManager.get(risk)).json();
    expect(diverging.consultation.proposed).toBe(true);
    expect(diverging.can.recordConsultation).toBe(true);

    // Refusals, each naming its field: an agency not of the agreement, a level of another case, no reply.
    const notParty = await consult(clients.vssManager, { agencyId: agencies.combined.id });
    expect(notParty.statusCode).toBe(400);
    expect(notParty.json().fields[0].path).toBe('agencyId');
    const other = await makeJointCase(scenario);
    const otherLevel = await clients.vssManager.post(`/api/joint-cases/${other.jointCaseId}/agreed-level`, {
      level: 'high',
      rationale: 'Agreed high',
      agreedOn: '2026-03-02',
    });
    expect(otherLevel.statusCode).toBe(200);
    const foreignLevel = (
      await system.database.db
        .selectFrom('agreed_risk_level')
        .select('id')
        .where('joint_case_id', '=', other.jointCaseId)
        .executeTakeFirstOrThrow()
    ).id;
    const wrongLevel = await consult(clients.vssManager, { agreedLevelId: foreignLevel });
    expect(wrongLevel.statusCode).toBe(400);
    expect(wrongLevel.json().fields[0].path).toBe('agreedLevelId');
    const empty = await consult(clients.vssManager, { reply: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields[0].path).toBe('reply');
    // Her address in what they said: the programme would read it, so her side is asked first.
    const herAddress = await consult(clients.vssManager, { reply: 'She now lives at Via Nascosta 12' });
    expect(herAddress.statusCode).toBe(409);
    expect(herAddress.json().fields[0]).toMatchObject({ path: 'reply', detail: 'address' });
    // Only the case managers record (a reader of the case is told so, as for the agreed level);
    // an agency without risk information gets the one 404.
    expect((await consult(clients.partnerContact)).statusCode).toBe(403);
    expect((await consult(clients.police)).statusCode).toBe(404);

    const agreed = await clients.vssManager.post(`/api/joint-cases/${made.jointCaseId}/agreed-level`, {
      level: 'high',
      rationale: 'The police confirm the escalation',
      agreedOn: '2026-03-04',
    });
    const agreedLevelId = (
      await system.database.db
        .selectFrom('agreed_risk_level')
        .select('id')
        .where('joint_case_id', '=', made.jointCaseId)
        .executeTakeFirstOrThrow()
    ).id;
    expect(agreed.statusCode).toBe(200);
    const recorded = await consult(clients.ppManager, { agreedLevelId });
    expect(recorded.statusCode).toBe(201);
    const expected = {
      agency: { id: agencies.police.id, kind: 'police' },
      consultedOn: '2026-03-03',
      reply: 'Two call-outs this month; they support a high level',
      difference: -2,
      agreedLevel: { id: agreedLevelId, level: 'high', agreedOn: '2026-03-04' },
    };
    expect(recorded.json().consultation.records).toMatchObject([expected]);
    // Both sides read it; what they said is encrypted at rest.
    expect((await clients.vssManager.get(risk)).json().consultation.records).toMatchObject([expected]);
    const stored = await system.database.db
      .selectFrom('risk_consultation')
      .select('reply_enc')
      .where('joint_case_id', '=', made.jointCaseId)
      .executeTakeFirstOrThrow();
    expect(stored.reply_enc).not.toContain('call-outs');
  });

  it('counts the network’s pairs for its coordinator, suppresses small counts, and refuses everyone else', async () => {
    const { clients, network } = scenario;
    const url = `/api/networks/${network.id}/risk-divergence`;
    // A fresh network view: count what the first test left, then add pairs in a period of their own.
    const made = await makeJointCase(scenario);
    await record(clients.vssManager, checklist(made.jointCaseId, '2026-05-01', HERS_HIGH));
    for (const day of ['02', '03', '04', '05', '06'])
      await record(clients.ppManager, checklist(made.jointCaseId, `2026-05-${day}`, {}));
    await record(clients.ppManager, checklist(made.jointCaseId, '2026-05-07', {}, { judgedLevel: 'high' }));

    const may = await clients.coordinator.get(`${url}?from=2026-05-01&to=2026-05-31`);
    expect(may.statusCode).toBe(200);
    const figures = may.json();
    // Five pairs with the programme two levels lower; one the same, which alone is under five —
    // so the next smallest is hidden too, and neither can be recovered from the total.
    expect(figures).toEqual({
      networkId: network.id,
      from: '2026-05-01',
      to: '2026-05-31',
      minimumCount: 5,
      pairs: 6,
      cases: null,
      cells: {
        programmeLowerByTwoOrMore: null,
        programmeLowerByOne: 0,
        same: null,
        programmeHigherByOne: 0,
        programmeHigherByTwoOrMore: 0,
      },
    });
    expect(may.body).not.toContain(made.jointCaseId);
    expect(may.body).not.toContain('"high"');

    // Without the day of the same level: five pairs, all lower, shown.
    const lower = (await clients.coordinator.get(`${url}?from=2026-05-01&to=2026-05-06`)).json();
    expect(lower).toMatchObject({ pairs: 5, cells: { programmeLowerByTwoOrMore: 5, same: 0 } });

    // An analyst of the network reads it; an analyst of another network, and every case worker, does not.
    const db = system.database.db;
    const analyst = await makeUser(db, {
      agencyId: scenario.agencies.police.id,
      roles: ['analyst'],
      side: 'neutral',
      networkIds: [network.id],
    });
    expect((await (await signInFully(system, analyst)).get(url)).statusCode).toBe(200);
    for (const client of [clients.ppManager, clients.vssManager, clients.police, clients.vssAdmin])
      expect((await client.get(url)).statusCode).toBe(404);

    const badPeriod = await clients.coordinator.get(`${url}?from=2026-05-10&to=2026-05-01`);
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json().fields[0].path).toBe('to');
    const badDate = await clients.coordinator.get(`${url}?from=May`);
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().fields[0].path).toBe('from');

    const audited = await db
      .selectFrom('audit_event')
      .select(['outcome'])
      .where('action', '=', 'risk.divergence_statistics')
      .where('resource_id', '=', network.id)
      .execute();
    expect(audited.map((row) => row.outcome)).toEqual(expect.arrayContaining(['success', 'denied']));
  });

  it('suppresses any count under five, and one more where a single one would be recoverable', () => {
    const counts = {
      programmeLowerByTwoOrMore: 12,
      programmeLowerByOne: 7,
      same: 3,
      programmeHigherByOne: 0,
      programmeHigherByTwoOrMore: 0,
    };
    expect(suppressSmallCounts(counts)).toEqual({ ...counts, same: null, programmeLowerByOne: null });
    expect(suppressSmallCounts({ ...counts, programmeHigherByOne: 2 })).toEqual({
      ...counts,
      same: null,
      programmeHigherByOne: null,
    });
    expect(suppressSmallCounts({ ...counts, same: 5 })).toEqual({ ...counts, same: 5 });
  });
});
