import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { must } from '../testing/case-builder.js';
import { makeAgency, makeUser } from '../testing/factories.js';
import { makeNetworkScenario, type NetworkScenario } from '../testing/scenario.js';
import { signInFully, startTestSystem, type TestClient, type TestSystem } from '../testing/test-system.js';

/**
 * The service directory (README, "Service directory"): every signed-in staff member reads the
 * listed entries — searched by name or approach, filtered by region, kind and partner contact,
 * page by page — each marked "in the network" relative to the reader's networks; only the
 * agency's own admin and the system admin write its entry; and no street address is anywhere.
 */
const RUN = Math.random().toString(36).slice(2, 8).toUpperCase();

let system: TestSystem;
let scenario: NetworkScenario;
let sysadmin: TestClient;
let stranger: TestClient;
let strangerAdmin: TestClient;
let strangerAgencyId = '';

const entry = (overrides: Record<string, unknown> = {}) => ({
  region: 'Bologna',
  approach: `Feminist, woman-centred support ${RUN}`,
  targetGroups: ['women', 'children_young_people'],
  languages: ['it', 'en', 'ar'],
  providesPartnerContact: true,
  contactPoints: [{ label: 'Line for professionals', phone: '+39 051 111 222', email: 'rete@casa.invalid' }],
  listed: true,
  ...overrides,
});

type Item = { agencyId: string; name: string; inNetwork: boolean; providesPartnerContact: boolean };
const list = async (
  client: TestClient,
  query: string,
): Promise<{ items: Item[]; nextCursor: string | null }> =>
  must(client.get(`/api/directory?${query}`), 200, `directory ?${query}`);
const idsOf = (page: { items: Item[] }) => page.items.map((item) => item.agencyId);

beforeAll(async () => {
  system = await startTestSystem();
  scenario = await makeNetworkScenario(system);
  const db = system.database.db;
  const admin = await makeUser(db, { agencyId: null, roles: ['system_admin'], side: 'neutral' });
  sysadmin = await signInFully(system, admin);
  // A service outside the network, with its own admin and a case manager.
  const outside = await makeAgency(db, { kind: 'victim_support', name: `Helpline Outside ${RUN}` });
  strangerAgencyId = outside.id;
  stranger = await signInFully(
    system,
    await makeUser(db, { agencyId: outside.id, roles: ['vss_case_manager'], side: 'victim' }),
  );
  strangerAdmin = await signInFully(
    system,
    await makeUser(db, { agencyId: outside.id, roles: ['agency_admin'], side: 'victim' }),
  );
  const { agencies, clients } = scenario;
  await must(clients.vssAdmin.put(`/api/agencies/${agencies.vss.id}/directory-entry`, entry()), 200, 'vss');
  await must(
    clients.ppAdmin.put(
      `/api/agencies/${agencies.pp.id}/directory-entry`,
      entry({
        region: 'Modena',
        approach: `Group programme for men, 100% accountability ${RUN}`,
        targetGroups: ['men_using_violence'],
        languages: ['it'],
        providesPartnerContact: false,
        contactPoints: [{ label: 'Intake', phone: '+39 059 000 111' }],
      }),
    ),
    200,
    'pp',
  );
  await must(
    strangerAdmin.put(
      `/api/agencies/${outside.id}/directory-entry`,
      entry({ region: 'Bologna', approach: `A regional helpline ${RUN}`, providesPartnerContact: true }),
    ),
    200,
    'outside',
  );
});
afterAll(() => system?.close());

describe('the service directory', () => {
  it('is read by every role, of any side, with the entry as its agency wrote it', async () => {
    const { clients, agencies } = scenario;
    for (const [role, client] of Object.entries({ ...clients, stranger, sysadmin })) {
      const view = await must(client.get(`/api/directory/${agencies.vss.id}`), 200, role);
      expect(view, role).toMatchObject({
        agencyId: agencies.vss.id,
        kind: 'victim_support',
        region: 'Bologna',
        approach: `Feminist, woman-centred support ${RUN}`,
        targetGroups: ['women', 'children_young_people'],
        languages: ['it', 'en', 'ar'],
        providesPartnerContact: true,
        contactPoints: [
          { label: 'Line for professionals', phone: '+39 051 111 222', email: 'rete@casa.invalid' },
        ],
        listed: true,
        can: { edit: role === 'vssAdmin' || role === 'sysadmin' },
      });
    }
  });

  it('says "in the network" relative to the reader’s networks', async () => {
    const { clients, agencies } = scenario;
    const inNetwork = async (client: TestClient, agencyId: string) =>
      (await must(client.get(`/api/directory/${agencyId}`), 200, 'entry')).inNetwork;
    expect(await inNetwork(clients.ppManager, agencies.vss.id)).toBe(true);
    expect(await inNetwork(clients.police, agencies.vss.id)).toBe(true);
    expect(await inNetwork(clients.ppManager, strangerAgencyId)).toBe(false);
    expect(await inNetwork(stranger, agencies.vss.id)).toBe(false);
    expect(await inNetwork(stranger, strangerAgencyId)).toBe(false);
    // The system admin belongs to no network.
    expect(await inNetwork(sysadmin, agencies.vss.id)).toBe(false);
    const page = await list(clients.vssManager, `q=${RUN}`);
    expect(Object.fromEntries(page.items.map((item) => [item.agencyId, item.inNetwork]))).toEqual({
      [agencies.vss.id]: true,
      [agencies.pp.id]: true,
      [strangerAgencyId]: false,
    });
  });

  it('is searched by words of the name or the approach, in any order, whatever their case', async () => {
    const { clients, agencies } = scenario;
    expect(
      idsOf(await list(clients.ppManager, `q=${encodeURIComponent(`WOMAN-centred support ${RUN}`)}`)),
    ).toEqual([agencies.vss.id]);
    expect(
      idsOf(await list(clients.ppManager, `q=${encodeURIComponent(`helpline outside ${RUN}`)}`)),
    ).toEqual([strangerAgencyId]);
    // Each word, in any order.
    expect(
      idsOf(await list(clients.ppManager, `q=${encodeURIComponent(`${RUN} support feminist`)}`)),
    ).toEqual([agencies.vss.id]);
    // LIKE's wildcards are searched for as themselves.
    expect(idsOf(await list(clients.ppManager, `q=${encodeURIComponent('100%')}`))).toEqual([agencies.pp.id]);
    expect(idsOf(await list(clients.ppManager, `q=${encodeURIComponent('%')}`))).toEqual([agencies.pp.id]);
    expect(idsOf(await list(clients.ppManager, `q=${encodeURIComponent(`nothing like it ${RUN}`)}`))).toEqual(
      [],
    );
  });

  it('is filtered by region, kind and partner-contact provision', async () => {
    const { clients, agencies } = scenario;
    const c = clients.partnerContact;
    expect(new Set(idsOf(await list(c, 'region=bolo')))).toEqual(
      new Set([agencies.vss.id, strangerAgencyId]),
    );
    expect(idsOf(await list(c, 'region=MODENA'))).toEqual([agencies.pp.id]);
    expect(idsOf(await list(c, 'kind=perpetrator_programme'))).toEqual([agencies.pp.id]);
    expect(new Set(idsOf(await list(c, 'partnerContact=true')))).toEqual(
      new Set([agencies.vss.id, strangerAgencyId]),
    );
    expect(idsOf(await list(c, 'partnerContact=false'))).toEqual([agencies.pp.id]);
    expect(idsOf(await list(c, 'region=Bologna&kind=victim_support&partnerContact=true&q=helpline'))).toEqual(
      [strangerAgencyId],
    );
  });

  it('comes page by page, in order of name, every entry once', async () => {
    const db = system.database.db;
    const made: string[] = [];
    for (let n = 0; n < 5; n++) {
      const agency = await makeAgency(db, { kind: 'health', name: `Pager ${RUN} ${n}` });
      made.push(agency.id);
      await must(
        sysadmin.put(`/api/agencies/${agency.id}/directory-entry`, entry({ approach: `paged ${RUN}` })),
        200,
        'paged entry',
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: Item[]; nextCursor: string | null } = await list(
        scenario.clients.police,
        `kind=health&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...idsOf(page));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(made);
    const bad = await scenario.clients.police.get('/api/directory?cursor=not-a-cursor');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([expect.objectContaining({ path: 'cursor' })]);
  });

  it('is written by the agency’s own admin and the system admin only: for anyone else, not found', async () => {
    const { clients, agencies } = scenario;
    const url = `/api/agencies/${agencies.vss.id}/directory-entry`;
    for (const [role, client] of Object.entries({
      ppAdmin: clients.ppAdmin,
      vssManager: clients.vssManager,
      partnerContact: clients.partnerContact,
      coordinator: clients.coordinator,
      police: clients.police,
      strangerAdmin,
    })) {
      const answer = await client.put(url, entry({ approach: `Taken over by ${role}` }));
      expect(answer.statusCode, role).toBe(404);
    }
    const unchanged = await must(clients.ppManager.get(`/api/directory/${agencies.vss.id}`), 200, 'entry');
    expect(unchanged.approach).toBe(`Feminist, woman-centred support ${RUN}`);
    const bySysadmin = await must(
      sysadmin.put(url, entry({ languages: ['it', 'en', 'ar', 'uk'] })),
      200,
      'sysadmin',
    );
    expect(bySysadmin.languages).toEqual(['it', 'en', 'ar', 'uk']);
    const unknown = await sysadmin.put(`/api/agencies/${randomUUID()}/directory-entry`, entry());
    expect(unknown.statusCode).toBe(404);
    // Each write and each refusal is in the audit trail, named by the agency.
    const written = await sql<{ outcome: string }>`
      SELECT outcome FROM audit_event
      WHERE action = 'directory_entry.write'
        AND (resource_id = ${agencies.vss.id} OR details->>'agencyId' = ${agencies.vss.id})`.execute(
      system.database.db,
    );
    expect(written.rows.filter((event) => event.outcome === 'success').length).toBeGreaterThanOrEqual(2);
    expect(written.rows.filter((event) => event.outcome === 'denied').length).toBeGreaterThanOrEqual(6);
  });

  it('keeps an unlisted entry, and a blank one, to the agency’s own admins', async () => {
    const { clients, agencies } = scenario;
    await must(
      clients.ppAdmin.put(
        `/api/agencies/${agencies.pp.id}/directory-entry`,
        entry({ region: 'Modena', listed: false }),
      ),
      200,
      'unlist',
    );
    expect((await clients.vssManager.get(`/api/directory/${agencies.pp.id}`)).statusCode).toBe(404);
    expect(idsOf(await list(clients.vssManager, `q=${RUN}`))).not.toContain(agencies.pp.id);
    const own = await must(clients.ppAdmin.get(`/api/directory/${agencies.pp.id}`), 200, 'own unlisted');
    expect(own).toMatchObject({ listed: false, can: { edit: true } });
    // The combined service has written nothing yet: its admin would see a blank entry; no one else.
    expect((await clients.ppManager.get(`/api/directory/${agencies.combined.id}`)).statusCode).toBe(404);
    const blank = await must(sysadmin.get(`/api/directory/${agencies.combined.id}`), 200, 'blank');
    expect(blank).toMatchObject({ listed: false, updatedAt: null, approach: '', can: { edit: true } });
    await must(
      clients.ppAdmin.put(
        `/api/agencies/${agencies.pp.id}/directory-entry`,
        entry({ region: 'Modena', listed: true }),
      ),
      200,
      'list again',
    );
  });

  it.each([
    ['a house number in the region', { region: 'Via Segreta 7' }, 'region'],
    ['a street address field', { address: 'Via Segreta 7, Bologna' }, 'address'],
    [
      'a street in a contact point',
      { contactPoints: [{ label: 'Door', street: 'Via Segreta 7' }] },
      'contactPoints.0.street',
    ],
    [
      'a contact point with neither phone nor e-mail',
      { contactPoints: [{ label: 'Desk' }] },
      'contactPoints.0.phone',
    ],
    [
      'a bad e-mail',
      { contactPoints: [{ label: 'Desk', email: 'not-an-address' }] },
      'contactPoints.0.email',
    ],
    ['a target group not in the list', { targetGroups: ['couples'] }, 'targetGroups.0'],
    ['a language that is not a code', { languages: ['italiano'] }, 'languages.0'],
    ['no region', { region: '' }, 'region'],
  ])('refuses %s with a 400 naming the field', async (_what, change, path) => {
    const { clients, agencies } = scenario;
    const answer = await clients.vssAdmin.put(
      `/api/agencies/${agencies.vss.id}/directory-entry`,
      entry(change),
    );
    expect(answer.statusCode).toBe(400);
    expect(answer.json().fields.map((field: { path: string }) => field.path)).toContain(path);
  });

  it.each([
    ['partnerContact=maybe', 'partnerContact'],
    ['kind=shelter', 'kind'],
  ])('refuses the filter %s with a 400 naming it', async (query, path) => {
    const answer = await scenario.clients.ppManager.get(`/api/directory?${query}`);
    expect(answer.statusCode).toBe(400);
    expect(answer.json().fields.map((field: { path: string }) => field.path)).toContain(path);
  });

  it('holds no street address anywhere: not in the table, not in an answer', async () => {
    const columns = await sql<{ column_name: string }>`
      SELECT column_name FROM information_schema.columns
      WHERE table_name = 'directory_entry' AND table_schema = current_schema()`.execute(system.database.db);
    const names = columns.rows.map((row) => row.column_name);
    expect(names).toContain('region');
    expect(names.filter((name) => /address|street|location|postcode|zip/.test(name))).toEqual([]);
    const page = await list(scenario.clients.ppManager, `q=${RUN}&limit=100`);
    for (const item of page.items)
      expect(Object.keys(item).filter((key) => /address|street|location/i.test(key))).toEqual([]);
  });
});
