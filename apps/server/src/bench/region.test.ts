import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAuditTrail, verifyAuditChain } from '../audit/audit-trail.js';
import { systemDb } from '../data/system-db.js';
import { seedDemoCases } from '../seed/demo-cases.js';
import { DEMO_PASSWORD, seedDemoNetwork } from '../seed/demo-network.js';
import { startTestSystem, TestClient, type TestSystem } from '../testing/test-system.js';
import { copyDemoCases, type RegionFigures } from './region.js';

/**
 * The region generator copies the demo's cases inside the database. What it makes must be data
 * the application can work on as if it had written it: the copies readable by their own group's
 * staff, her contact details decrypting for her service and reaching no one on his side, and the
 * audit trail one whole chain.
 */
let system: TestSystem;
let figures: RegionFigures;
beforeAll(async () => {
  system = await startTestSystem({ DEMO_MODE: 'true' });
  await seedDemoNetwork(system.database.db);
  await seedDemoCases(system.app, system.database.db, system.config);
  // The demo holds two joint cases (one open, one closed): six are two copies of them.
  figures = await copyDemoCases(systemDb(system.database.db, 'operator_command'), 6);
}, 120_000);
afterAll(() => system?.close());

const as = async (email: string) => {
  const client = new TestClient(system.app);
  expect((await client.signIn(email, DEMO_PASSWORD)).statusCode).toBe(200);
  return client;
};

describe('a region made from copies of the demo’s cases', () => {
  it('holds the joint cases asked for, each with a case number of its own', async () => {
    expect(figures).toMatchObject({ jointCases: 6, copies: 2, groups: 1 });
    const numbers = await system.database.db.selectFrom('joint_case').select('case_number').execute();
    expect(new Set(numbers.map((row) => row.case_number)).size).toBe(6);
  });

  it('gives each group’s staff their own copies, which the policy treats like any case', async () => {
    const herManager = await as('vss.manager+1@casadonne.demo');
    const programme = await as('pp.manager+1@oltre.demo');
    const cases = (await herManager.get('/api/joint-cases?limit=50')).json().items as Array<{ id: string }>;
    expect(cases).toHaveLength(4);
    const demoManager = await as('vss.manager@casadonne.demo');
    expect((await demoManager.get('/api/joint-cases?limit=50')).json().items).toHaveLength(2);

    const herAgency = await system.database.db
      .selectFrom('app_user')
      .select('agency_id')
      .where('email', '=', 'vss.manager+1@casadonne.demo')
      .executeTakeFirstOrThrow();
    const women = await system.database.db
      .selectFrom('person')
      .select('id')
      .where('kind', '=', 'partner')
      .where('owner_agency_id', '=', herAgency.agency_id!)
      .execute();
    expect(women.length).toBeGreaterThan(0);
    let contactSeen = 0;
    for (const { id } of women) {
      const file = await herManager.get(`/api/victims/${id}`);
      expect(file.statusCode).toBe(200);
      const contact = file.json().person.contact as Record<string, string> | undefined;
      const secret = contact?.address ?? contact?.phone;
      if (!secret) continue;
      contactSeen += 1;
      expect((await programme.get(`/api/victims/${id}`)).statusCode).toBe(404);
      for (const { id: caseId } of cases) {
        const page = await programme.get(`/api/joint-cases/${caseId}`);
        expect(page.statusCode).toBe(200);
        expect(page.body).not.toContain(secret);
      }
    }
    // Her contact details were copied encrypted and decrypt for her service.
    expect(contactSeen).toBeGreaterThan(0);
  });

  it('leaves the audit trail one whole chain, the copies’ rows sealed into it', async () => {
    // The requests of the tests above wrote rows of their own since; the sealer takes them too.
    await sealAuditTrail(system.database.db);
    expect(await verifyAuditChain(system.database.db)).toMatchObject({ ok: true, unsealed: 0 });
    expect(figures.rows.audit_event).toBeGreaterThan(300);
  });
});
