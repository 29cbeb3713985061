import { describe, expect, it } from 'vitest';
import { caseWorld, isoDay } from '../testing/case-builder.js';
import { makeAgency, makeUser } from '../testing/factories.js';
import { signInFully } from '../testing/test-system.js';

/** Agreements and Phase 1 meetings (docs/domain.md), through the API and checked in the database. */

const { world, db } = caseWorld();

describe('agreements and Phase 1 meetings', () => {
  const agreementBody = () => ({
    level: 'organisation',
    networkId: world.scenario.network.id,
    title: 'Local protocol 2026',
    principles: 'Safety of the woman and children first',
    validFrom: isoDay(-1),
    parties: [
      {
        agencyId: world.scenario.agencies.pp.id,
        signatoryName: 'PP director',
        signedOn: isoDay(-1),
        receives: [],
      },
      {
        agencyId: world.scenario.agencies.vss.id,
        signatoryName: 'VSS director',
        signedOn: isoDay(-1),
        receives: ['programme'],
      },
    ],
  });

  it('the coordinator records an organisation agreement; case managers cannot', async () => {
    const { clients } = world.scenario;
    const created = await clients.coordinator.post('/api/agreements', agreementBody());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      level: 'organisation',
      networkId: world.scenario.network.id,
      validTo: null,
    });
    for (const client of [clients.ppManager, clients.vssManager, clients.vssAdmin, clients.police]) {
      const refused = await client.post('/api/agreements', agreementBody());
      expect(refused.statusCode).toBe(403);
    }
    expect(
      await db().selectFrom('agreement').select('id').where('title', '=', 'Local protocol 2026').execute(),
    ).toHaveLength(1);
    // The parties read it; an agency outside it does not.
    const id = created.json().id;
    expect((await clients.ppManager.get(`/api/agreements/${id}`)).statusCode).toBe(200);
    expect(
      (await clients.vssManager.get('/api/agreements')).json().items.map((item: { id: string }) => item.id),
    ).toContain(id);
    expect((await clients.police.get(`/api/agreements/${id}`)).statusCode).toBe(404);
  });

  it.each([
    [
      'a missing network',
      (body: ReturnType<typeof agreementBody>) => ({ ...body, networkId: undefined }),
      'networkId',
    ],
    [
      'an end before the start',
      (body: ReturnType<typeof agreementBody>) => ({ ...body, validTo: isoDay(-10) }),
      'validTo',
    ],
    [
      'a single party',
      (body: ReturnType<typeof agreementBody>) => ({ ...body, parties: body.parties.slice(0, 1) }),
      'parties',
    ],
    [
      'a party without a signatory',
      (body: ReturnType<typeof agreementBody>) => ({
        ...body,
        parties: [body.parties[0], { ...body.parties[1], signatoryName: '' }],
      }),
      'parties.1.signatoryName',
    ],
    [
      'a case-level agreement (made with the joint case)',
      (body: ReturnType<typeof agreementBody>) => ({ ...body, level: 'case', validTo: isoDay(30) }),
      'level',
    ],
  ])('refuses an agreement with %s, naming %s', async (_name, change, path) => {
    const refused = await world.scenario.clients.coordinator.post('/api/agreements', {
      ...change(agreementBody()),
      title: `Bad ${path}`,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].path).toBe(path);
    expect(
      await db().selectFrom('agreement').select('id').where('title', '=', `Bad ${path}`).execute(),
    ).toEqual([]);
  });

  it('refuses a party that is not in the network, naming it', async () => {
    const outsider = await makeAgency(db(), { kind: 'police' });
    const body = agreementBody();
    const refused = await world.scenario.clients.coordinator.post('/api/agreements', {
      ...body,
      title: 'With an outsider',
      parties: [
        ...body.parties,
        { agencyId: outsider.id, signatoryName: 'Chief', signedOn: isoDay(-1), receives: [] },
      ],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].path).toBe('parties.2.agencyId');
  });

  it('the coordinator records the Phase 1 meeting; case managers cannot; bad input names the field', async () => {
    const { clients, agencies, network } = world.scenario;
    const body = {
      networkId: network.id,
      heldOn: isoDay(-3),
      agencyIds: [agencies.pp.id, agencies.vss.id],
      participants: ['PP team', 'VSS team'],
      topics: 'Common language; each other’s methods',
      outcomes: 'Agreed priorities: her safety first',
    };
    const created = await clients.coordinator.post('/api/phase1-meetings', body);
    expect(created.statusCode).toBe(201);
    expect((await clients.ppManager.post('/api/phase1-meetings', body)).statusCode).toBe(403);
    expect((await clients.vssManager.post('/api/phase1-meetings', body)).statusCode).toBe(403);
    for (const [change, path] of [
      [{ agencyIds: [agencies.pp.id] }, 'agencyIds'],
      [{ participants: [] }, 'participants'],
      [{ outcomes: '' }, 'outcomes'],
      [{ heldOn: '31/12/2026' }, 'heldOn'],
    ] as const) {
      const refused = await clients.coordinator.post('/api/phase1-meetings', { ...body, ...change });
      expect(refused.statusCode, path).toBe(400);
      expect(refused.json().fields[0].path, path).toBe(path);
    }
    const outsider = await makeAgency(db(), { kind: 'health' });
    const notMember = await clients.coordinator.post('/api/phase1-meetings', {
      ...body,
      agencyIds: [agencies.pp.id, outsider.id],
    });
    expect(notMember.statusCode).toBe(400);
    expect(notMember.json().fields[0].path).toBe('agencyIds.1');
    expect(
      await db().selectFrom('phase1_meeting').select('id').where('network_id', '=', network.id).execute(),
    ).toHaveLength(1);
    // Everyone in the network reads it; an agency outside the network does not.
    expect((await clients.ppManager.get('/api/phase1-meetings')).json().items).toHaveLength(1);
    const strangerAgency = await makeAgency(db(), { kind: 'victim_support' });
    const stranger = await signInFully(
      world.system,
      await makeUser(db(), { agencyId: strangerAgency.id, roles: ['vss_case_manager'], side: 'victim' }),
    );
    expect((await stranger.get('/api/phase1-meetings')).json().items).toEqual([]);
  });
});
