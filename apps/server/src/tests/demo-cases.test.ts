import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAuditTrail, verifyAuditChain } from '../audit/audit-trail.js';
import { seedDemoCases } from '../seed/demo-cases.js';
import { DEMO_PASSWORD, seedDemoNetwork } from '../seed/demo-network.js';
import { startTestSystem, TestClient, type TestSystem } from '../testing/test-system.js';

let system: TestSystem;
const as = async (email: string) => {
  const client = new TestClient(system.app);
  expect((await client.signIn(email, DEMO_PASSWORD)).statusCode).toBe(200);
  return client;
};
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  system = await startTestSystem({ DEMO_MODE: 'true' });
  await seedDemoNetwork(system.database.db);
  await seedDemoCases(system.app, system.database.db, system.config);
}, 60_000);
afterAll(() => system?.close());

describe('the demo’s cases, written through the API on the first start', () => {
  it('leave no session of the seed behind, and the audit chain whole', async () => {
    const sessions = await system.database.db.selectFrom('user_session').select('id').execute();
    expect(sessions).toEqual([]);
    await sealAuditTrail(system.database.db);
    const chain = await verifyAuditChain(system.database.db);
    expect(chain).toMatchObject({ ok: true, unsealed: 0 });
    expect(chain.checked).toBeGreaterThan(100);
  });

  it('show her case manager a joint case with two Phase 2 meetings behind it and the next one planned', async () => {
    const support = await as('vss.manager@casadonne.demo');
    const cases = (await support.get('/api/joint-cases?limit=50')).json().items as Array<{
      id: string;
      status: string;
    }>;
    // The Ferri case, open; the Bianchi case is the closed one (below).
    expect(cases.map((item) => item.status).sort()).toEqual(['closed', 'open']);
    const caseId = cases.find((item) => item.status === 'open')!.id;
    const meetings = (await support.get(`/api/joint-cases/${caseId}/meetings`)).json().items as Array<{
      status: string;
      scheduledFor: string;
    }>;
    expect(meetings.filter((meeting) => meeting.status === 'closed')).toHaveLength(2);
    const planned = meetings.filter((meeting) => meeting.status === 'planned');
    expect(planned).toHaveLength(1);
    expect(planned[0]!.scheduledFor.slice(0, 10) > today(), JSON.stringify(meetings)).toBe(true);

    const risk = (await support.get(`/api/joint-cases/${caseId}/risk`)).json();
    expect(risk.levelsDiverge).toBe(true);
    expect(risk.perpetratorSideLower).toBe(true);
    const recidivism = (await support.get(`/api/joint-cases/${caseId}/recidivism?period=month`)).json();
    expect(JSON.stringify(recidivism)).toMatch(/"her"/);
    const actions = (await support.get(`/api/joint-cases/${caseId}/actions`)).json().items as Array<{
      overdue: boolean;
      status: string;
    }>;
    expect(actions.some((action) => action.overdue)).toBe(true);
    expect(actions.some((action) => action.status === 'done')).toBe(true);
    // Its checklists are the newest version: the high level proposed its actions (carried out),
    // the confirmed lowering the intermediate level's (open).
    expect(risk).toMatchObject({ instrumentId: 'asap-risk-checklist', version: 2 });
    const proposed = (actions as Array<{ status: string; levelActionKey?: string | null }>).filter(
      (action) => action.levelActionKey,
    );
    expect(
      proposed.filter((action) => action.levelActionKey?.startsWith('high.')).map((a) => a.status),
    ).toEqual(Array(5).fill('done'));
    expect(proposed.some((action) => action.levelActionKey?.startsWith('intermediate.'))).toBe(true);
    // The repeat incidents fired the escalation triggers (she consented to share risk information):
    // an extraordinary meeting waits for the case managers' decision.
    expect(meetings.filter((meeting) => meeting.status === 'proposed')).toHaveLength(1);
  });

  it('open the joint case to the police as a party of its agreement', async () => {
    const police = await as('liaison@police.demo');
    const cases = (await police.get('/api/joint-cases?limit=50')).json().items as Array<{ id: string }>;
    expect(cases).toHaveLength(1);
    const view = await police.get(`/api/joint-cases/${cases[0]!.id}`);
    expect(view.statusCode).toBe(200);
    expect(view.body).not.toContain('Via dei Demo');
  });

  it('show a closed case whose IMPACT runs from T0 to the follow-up T4, for him and for her', async () => {
    const support = await as('vss.manager@casadonne.demo');
    const cases = (await support.get('/api/joint-cases?limit=50')).json().items as Array<{
      id: string;
      status: string;
    }>;
    const closed = cases.find((item) => item.status === 'closed');
    expect(closed).toBeDefined();
    const impact = (await support.get(`/api/joint-cases/${closed!.id}/impact`)).json() as {
      points: Array<{ timepoint: string; him: unknown; her: unknown }>;
    };
    const given = impact.points.filter((point) => point.him && point.her).map((point) => point.timepoint);
    expect(given).toEqual(['T0', 'T1', 'T2.1', 'T3', 'T4']);
    const meetings = (await support.get(`/api/joint-cases/${closed!.id}/meetings`)).json().items as Array<{
      status: string;
    }>;
    expect(meetings.filter((meeting) => meeting.status === 'planned')).toEqual([]);
  });

  it('give the programme its men at every stage, and never her address', async () => {
    const programme = await as('pp.manager@oltre.demo');
    const episodes = (await programme.get('/api/pp-episodes?limit=50')).json().items as Array<{
      status: string;
    }>;
    expect(episodes.map((episode) => episode.status).sort()).toEqual([
      'active',
      'active',
      'completed',
      'dropped_out',
      'intake',
    ]);
    const everything = JSON.stringify(
      await Promise.all(
        ['/api/home', '/api/pp-episodes?limit=50', '/api/joint-cases?limit=50'].map(
          async (url) => (await programme.get(url)).body,
        ),
      ),
    );
    for (const address of ['Via dei Demo', 'Via delle Prove', 'Via Finta', 'Via dei Ciliegi', '+39 000'])
      expect(everything).not.toContain(address);
  });

  it('put a duty to inform her, and a partner not yet reached, on the partner-contact worker’s home', async () => {
    const partnerContact = await as('partner.contact@casadonne.demo');
    const home = (await partnerContact.get('/api/home')).json();
    expect(JSON.stringify(home.duties)).toMatch(/dropped_out/);
    expect(JSON.stringify(home)).toMatch(/Sara/);
  });
});
