import { performance } from 'node:perf_hooks';
import { systemDb } from '../data/system-db.js';
import { seedDemoCases } from '../seed/demo-cases.js';
import { DEMO_PASSWORD, seedDemoNetwork } from '../seed/demo-network.js';
import { startTestSystem, TestClient } from '../testing/test-system.js';
import { copyDemoCases } from './region.js';
import { searchTermsOf } from './seed-people.js';

/**
 * `npm run bench -- --scale region`: a region's casework (BENCH_JOINT_CASES, default 10 000 joint
 * cases: copies of the demo's cases, bench/region.ts) on the embedded PGlite, or on DATABASE_URL;
 * prints how long the data took to make, what it holds, and the pages caseworkers open most, timed
 * for staff of several agency groups. Figures, not assertions.
 */
const ROUNDS = 20;

export async function runRegionBench(jointCases = Number(process.env.BENCH_JOINT_CASES ?? 10_000)) {
  const system = await startTestSystem({ LOG_LEVEL: 'silent', DEMO_MODE: 'true' });
  try {
    let started = performance.now();
    await seedDemoNetwork(system.database.db);
    await seedDemoCases(system.app, system.database.db, system.config);
    const demoSeconds = (performance.now() - started) / 1000;
    const figures = await copyDemoCases(systemDb(system.database.db, 'operator_command'), jointCases);
    const lines = [
      `Tandem region benchmark — ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (in process)'}`,
      `the demo's cases through the API: ${demoSeconds.toFixed(1)} s; copied ${figures.copies} times over ${figures.groups} groups of agencies in ${figures.copySeconds.toFixed(1)} s; audit sealed in ${figures.sealSeconds.toFixed(1)} s`,
      `rows: ${Object.entries(figures.rows)
        .map(([table, rows]) => `${table} ${rows}`)
        .join(', ')}`,
    ];
    // Staff of the first, a middle and the last group, and the demo's own.
    const groups = [0, Math.ceil(figures.groups / 2), figures.groups];
    started = performance.now();
    for (const group of groups) {
      const email = (address: string) => (group === 0 ? address : address.replace('@', `+${group}@`));
      const vss = await signedIn(system.app, email('vss.manager@casadonne.demo'));
      const pp = await signedIn(system.app, email('pp.manager@oltre.demo'));
      const cases = (await vss.get('/api/joint-cases?limit=50')).json().items as Array<{ id: string }>;
      const jointCaseId = cases[0]?.id;
      if (!jointCaseId) throw new Error(`group ${group}: no joint case for her case manager`);
      const programme = await system.database.db
        .selectFrom('app_user')
        .select('agency_id')
        .where('email', '=', email('pp.manager@oltre.demo'))
        .executeTakeFirstOrThrow();
      const terms = await searchTermsOf(system.database.db, programme.agency_id!);
      lines.push(
        `group ${group} (${cases.length} joint cases on her case manager's list)`,
        await time('  home (victim side)', () => vss.get('/api/home')),
        await time('  home (programme)', () => pp.get('/api/home')),
        await time('  joint case (victim side)', () => vss.get(`/api/joint-cases/${jointCaseId}`)),
        await time('  joint case (programme)', () => pp.get(`/api/joint-cases/${jointCaseId}`)),
        await time('  joint risk (victim side)', () => vss.get(`/api/joint-cases/${jointCaseId}/risk`)),
        await time('  due list (programme)', () => pp.get('/api/due')),
        await time(`  name search "${terms.exact}"`, () =>
          pp.get(`/api/people/search?q=${encodeURIComponent(terms.exact)}`),
        ),
        await time(`  name search, a typo "${terms.typo}"`, () =>
          pp.get(`/api/people/search?q=${encodeURIComponent(terms.typo)}`),
        ),
      );
    }
    const memory = process.memoryUsage();
    lines.push(
      `resident memory: ${(memory.rss / 1_048_576).toFixed(0)} MiB`,
      `measured in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      '',
    );
    process.stdout.write(lines.join('\n'));
  } finally {
    await system.close();
  }
}

async function signedIn(app: Parameters<typeof seedDemoCases>[0], email: string) {
  const client = new TestClient(app);
  const response = await client.signIn(email, DEMO_PASSWORD);
  if (response.statusCode !== 200) throw new Error(`${email}: ${response.statusCode} ${response.body}`);
  return client;
}

async function time(label: string, request: () => Promise<{ statusCode: number; body: string }>) {
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const t0 = performance.now();
    const response = await request();
    samples.push(performance.now() - t0);
    if (response.statusCode !== 200) throw new Error(`${label}: ${response.statusCode} ${response.body}`);
  }
  samples.sort((a, b) => a - b);
  const p50 = samples[Math.floor(samples.length / 2)]!;
  const p95 = samples[Math.floor(samples.length * 0.95)]!;
  return `${label.padEnd(52)} p50 ${p50.toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms`;
}
