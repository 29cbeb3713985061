import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_AGENCIES, DEMO_DIRECTORY, seedDemoNetwork } from '../seed/demo-network.js';
import { startTestSystem, TestClient, type TestSystem } from '../testing/test-system.js';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({ DEMO_MODE: 'true' });
});
afterAll(() => system?.close());

describe('the demo network', () => {
  it('is created once, with an account for every role and an agreement in force between its agencies', async () => {
    expect(await seedDemoNetwork(system.database.db)).toBe(true);
    expect(await seedDemoNetwork(system.database.db)).toBe(false);
    const roles = new Set(DEMO_ACCOUNTS.flatMap((account) => account.roles));
    expect(roles.size).toBe(10);
    const agreements = await system.database.db
      .selectFrom('agreement')
      .innerJoin('agreement_party', 'agreement_party.agreement_id', 'agreement.id')
      .select(['agreement.level', 'agreement_party.agency_id'])
      .execute();
    expect(agreements.every((row) => row.level === 'organisation')).toBe(true);
    expect(agreements).toHaveLength(DEMO_AGENCIES.length - 1);

    // The agreement lets the programme name a partner to the women's support centre.
    const pp = new TestClient(system.app);
    await pp.signIn('pp.manager@oltre.demo', 'tandem-demo-2026');
    const referral = await pp.post('/api/referrals', {
      person: { firstName: 'Demo', lastName: 'Man' },
      pathway: 'voluntary',
      referralDate: '2026-02-01',
    });
    const casa = (await pp.get('/api/agencies?limit=100'))
      .json()
      .items.find((agency: { kind: string }) => agency.kind === 'victim_support');
    const release = await pp.post(`/api/pp-episodes/${referral.json().id}/release`, {
      signedOn: '2026-02-01',
      scope: ['programme'],
      partners: [
        { firstName: 'Demo', lastName: 'Woman', relationship: 'current', partnerContactAgencyId: casa.id },
      ],
    });
    expect(release.statusCode).toBe(200);
  });

  it('gives the demo agencies their directory entries: towns and regions, never a street', async () => {
    const caseworker = new TestClient(system.app);
    await caseworker.signIn('vss.manager@casadonne.demo', 'tandem-demo-2026');
    const all = (await caseworker.get('/api/directory?limit=100')).json().items as Array<{
      name: string;
      region: string;
      providesPartnerContact: boolean;
      inNetwork: boolean;
    }>;
    expect(all).toHaveLength(Object.keys(DEMO_DIRECTORY).length);
    expect(all.every((entry) => entry.inNetwork && !/\d/.test(entry.region))).toBe(true);
    const partnerContact = (await caseworker.get('/api/directory?partnerContact=true&limit=100')).json()
      .items;
    expect(partnerContact.map((entry: { name: string }) => entry.name).sort()).toEqual([
      "Casa delle Donne — Women's Support Centre",
      'Ponte — Family Violence Services',
    ]);
  });
});
