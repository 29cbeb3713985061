import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { searchTermsOf, seedPeople } from '../bench/seed-people.js';
import { loadConfig } from '../config.js';
import { systemDb } from '../data/system-db.js';
import { makeAgency, makeUser } from '../testing/factories.js';
import { signInFully, startTestSystem } from '../testing/test-system.js';

/**
 * `npm run bench`: figures, not assertions. Seeds BENCH_PEOPLE people (default 50 000) into a
 * fresh database (PGlite, or DATABASE_URL) and times the requests a caseworker makes most.
 * `npm run bench -- --load` drives the production server over HTTP instead (bench/load.ts).
 */
if (process.argv.includes('--scale')) {
  await (await import('../bench/region-bench.js')).runRegionBench();
  process.exit(process.exitCode ?? 0);
}
if (process.argv.includes('--load')) {
  await (await import('../bench/load.js')).runLoadBench();
  process.exit(process.exitCode ?? 0);
}
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 50_000);
const ROUNDS = 30;

const system = await startTestSystem({ LOG_LEVEL: 'silent' });
// Seeding the figures is an operator command past the policy; the timed requests go through the API.
const db = systemDb(system.database.db, 'operator_command');
const agency = await makeAgency(db, { kind: 'perpetrator_programme' });
// An administrator holds no case role (separation of duties): the staff list is theirs, the cases the manager's.
const admin = await makeUser(db, { agencyId: agency.id, roles: ['agency_admin'], side: 'perpetrator' });
const manager = await makeUser(db, { agencyId: agency.id, roles: ['pp_case_manager'], side: 'perpetrator' });

let started = performance.now();
await seedPeople(db, agency.id, PEOPLE);
await sql`INSERT INTO app_user (agency_id, email, display_name, password_hash, roles, side)
  SELECT ${agency.id}, 'staff' || g || '@bench.invalid', 'Staff ' || lpad(g::text, 6, '0'), 'x', '{pp_case_manager}', 'perpetrator'
  FROM generate_series(1, ${Math.min(PEOPLE, 20_000)}) AS g`.execute(db);
await sql`ANALYZE`.execute(db);
const terms = await searchTermsOf(db, agency.id);
const seedSeconds = (performance.now() - started) / 1000;

const adminClient = await signInFully(system, admin);
const managerClient = await signInFully(system, manager);
const time = async (label: string, url: string, client = managerClient) => {
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const t0 = performance.now();
    const response = await client.get(url);
    samples.push(performance.now() - t0);
    if (response.statusCode !== 200) throw new Error(`${label}: ${response.statusCode} ${response.body}`);
  }
  samples.sort((a, b) => a - b);
  const p50 = samples[Math.floor(samples.length / 2)]!;
  const p95 = samples[Math.floor(samples.length * 0.95)]!;
  return `${label.padEnd(44)} p50 ${p50.toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms`;
};

started = performance.now();
const deepCursor = Buffer.from(
  JSON.stringify(['Staff 015000', 'ffffffff-ffff-4fff-8fff-ffffffffffff']),
).toString('base64url');
const lines = [
  await time('GET /api/users (first page of 50)', '/api/users?limit=50', adminClient),
  await time(
    'GET /api/users (a page deep in the list)',
    `/api/users?limit=50&cursor=${deepCursor}`,
    adminClient,
  ),
  await time('GET /api/pp-episodes (50 newest)', '/api/pp-episodes?limit=50'),
  await time(
    `GET /api/people/search?q=${terms.exact}`,
    `/api/people/search?q=${encodeURIComponent(terms.exact)}`,
  ),
  await time(
    `GET /api/people/search?q=${terms.typo} (typo)`,
    `/api/people/search?q=${encodeURIComponent(terms.typo)}`,
  ),
];
const memory = process.memoryUsage();
const firstPage = signInPageDownload();
const engine = loadConfig().DATABASE_URL ? 'PostgreSQL' : 'PGlite (in process)';
process.stdout.write(
  [
    `Tandem benchmark — ${engine}, ${PEOPLE} people and episodes, ${Math.min(PEOPLE, 20_000)} staff, ${ROUNDS} rounds each`,
    `seed: ${seedSeconds.toFixed(1)} s`,
    ...lines,
    firstPage,
    `resident memory: ${(memory.rss / 1_048_576).toFixed(0)} MiB (heap ${(memory.heapUsed / 1_048_576).toFixed(0)} MiB)`,
    `measured in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    '',
  ].join('\n'),
);
await system.close();

/** What the browser downloads for the sign-in page, as the web app's build left it. */
function signInPageDownload(): string {
  const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web');
  if (!existsSync(path.join(web, 'dist', 'index.html')))
    return 'sign-in page: not measured (build the web app first: npm run build --workspace apps/web)';
  const size = JSON.parse(
    execFileSync('npx', ['tsx', 'scripts/first-page-size.ts', '--json'], { cwd: web, encoding: 'utf8' }),
  ) as { javaScriptGzipBytes: number; cssGzipBytes: number };
  return `sign-in page: ${(size.javaScriptGzipBytes / 1024).toFixed(1)} KiB of gzipped JavaScript (target 250), ${(size.cssGzipBytes / 1024).toFixed(1)} KiB of CSS`;
}
