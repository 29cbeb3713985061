import { sql } from 'kysely';
import { systemDb } from '../data/system-db.js';
import { seedDemoCases } from '../seed/demo-cases.js';
import { DEMO_PASSWORD, seedDemoNetwork } from '../seed/demo-network.js';
import { TestClient, type TestSystem } from '../testing/test-system.js';
import { type Caller, INFORMAL_CONTACT, type PathSpec, type Session } from './load-paths.js';
import { copyDemoCases } from './region.js';
import { searchTermsOf } from './seed-people.js';

/** One group of agencies' caseworkers, signed in, with one of their joint cases. */
interface GroupDesk {
  programme: Session;
  victimSide: Session;
  jointCaseId: string;
  herId: string;
  episodeId: string;
  search: { exact: string; typo: string };
}

/**
 * The load bench on a region (BENCH_SCALE=region): the demo's cases copied to `jointCases` joint
 * cases (bench/region.ts), then the caseworkers of `groups` groups of agencies, spread evenly over
 * the region, signed in; each path's requests go to them in turn, each to their own case.
 */
export async function regionPaths(
  system: TestSystem,
  jointCases: number,
  groups: number,
): Promise<PathSpec[]> {
  await seedDemoNetwork(system.database.db);
  await seedDemoCases(system.app, system.database.db, system.config);
  const region = await copyDemoCases(systemDb(system.database.db, 'operator_command'), jointCases);
  const chosen = [
    ...new Set(
      Array.from({ length: groups }, (_, index) => 1 + Math.floor((index * region.groups) / groups)),
    ),
  ];
  const desks: GroupDesk[] = [];
  for (const group of chosen) desks.push(await deskOf(system, group));
  // The server under load runs as in production, which refuses a database with demo accounts in
  // it. This schema is the benchmark's own, made a moment ago and dropped after: its accounts
  // stop being demo accounts, and its network is named for what it is.
  const operator = systemDb(system.database.db, 'operator_command');
  await operator.updateTable('app_user').set({ is_demo: false }).execute();
  await operator.updateTable('network').set({ name: sql`name || ' (benchmark)'` }).execute();
  const callers = (url: (desk: GroupDesk) => string, who: 'programme' | 'victimSide'): Caller[] =>
    desks.map((desk) => ({ session: desk[who], url: url(desk) }));
  const search = (term: string) => `/api/people/search?q=${encodeURIComponent(term)}`;
  return [
    { label: 'home (programme)', callers: callers(() => '/api/home', 'programme') },
    { label: 'home (victim side)', callers: callers(() => '/api/home', 'victimSide') },
    {
      label: 'joint case (programme)',
      callers: callers((d) => `/api/joint-cases/${d.jointCaseId}`, 'programme'),
    },
    {
      label: 'joint case (victim side)',
      callers: callers((d) => `/api/joint-cases/${d.jointCaseId}`, 'victimSide'),
    },
    {
      label: 'joint risk (victim side)',
      callers: callers((d) => `/api/joint-cases/${d.jointCaseId}/risk`, 'victimSide'),
    },
    { label: 'her file (victim side)', callers: callers((d) => `/api/victims/${d.herId}`, 'victimSide') },
    {
      label: 'his episode (programme)',
      callers: callers((d) => `/api/pp-episodes/${d.episodeId}`, 'programme'),
      raw: true,
    },
    {
      label: 'name search (programme)',
      callers: callers((d) => search(d.search.exact), 'programme'),
      raw: true,
    },
    { label: 'name search, a typo', callers: callers((d) => search(d.search.typo), 'programme'), raw: true },
    { label: 'due list (programme)', callers: callers(() => '/api/due', 'programme') },
    {
      label: 'write: informal contact',
      method: 'POST',
      body: INFORMAL_CONTACT,
      callers: callers((d) => `/api/joint-cases/${d.jointCaseId}/informal-contacts`, 'programme'),
    },
  ];
}

async function deskOf(system: TestSystem, group: number): Promise<GroupDesk> {
  const email = (address: string) => address.replace('@', `+${group}@`);
  const signIn = async (address: string) => {
    const client = new TestClient(system.app);
    const response = await client.signIn(address, DEMO_PASSWORD);
    if (response.statusCode !== 200) throw new Error(`${address}: ${response.statusCode} ${response.body}`);
    return client;
  };
  const victimSide = await signIn(email('vss.manager@casadonne.demo'));
  const programme = await signIn(email('pp.manager@oltre.demo'));
  const cases = (await victimSide.get('/api/joint-cases?limit=1')).json().items as Array<{ id: string }>;
  const jointCaseId = cases[0]?.id;
  if (!jointCaseId) throw new Error(`group ${group}: no joint case`);
  const db = system.database.db;
  const row = await db
    .selectFrom('joint_case')
    .select(['partner_person_id', 'pp_episode_id', 'pp_agency_id'])
    .where('id', '=', jointCaseId)
    .executeTakeFirstOrThrow();
  const sessionOf = (client: TestClient) => {
    const session = client.session();
    if (!session) throw new Error(`group ${group}: no session`);
    return session;
  };
  return {
    programme: sessionOf(programme),
    victimSide: sessionOf(victimSide),
    jointCaseId,
    herId: row.partner_person_id,
    episodeId: row.pp_episode_id,
    search: await searchTermsOf(db, row.pp_agency_id),
  };
}
