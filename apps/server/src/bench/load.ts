import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { generateHeadKeyPair } from '../audit/audit-head.js';
import { systemDb } from '../data/system-db.js';
import { type ServerProcess, startServer } from '../durability/server-process.js';
import { makeJointCase, makeNetworkScenario } from '../testing/scenario.js';
import { startTestSystem, type TestSystem } from '../testing/test-system.js';
import { type Caller, INFORMAL_CONTACT, type PathSpec, type Session } from './load-paths.js';
import { regionPaths } from './region-paths.js';
import { searchTermsOf, seedPeople } from './seed-people.js';

/**
 * `npm run bench -- --load`: the production server process on PostgreSQL, driven over HTTP by
 * autocannon at 1, 16 and 64 connections on the paths caseworkers use most. Figures, never
 * assertions. The data is written through the API by an in-process system on a fresh schema
 * (BENCH_JOINT_CASES joint cases, BENCH_PEOPLE people beside them); the server under load is a
 * separate process on that schema, as an operator would run it. BENCH_BASELINE names a previous
 * run's JSON to print beside this one; BENCH_SERVER_DIR runs another checkout's apps/server (the
 * commit before a change) on the same data.
 */
export interface LoadSettings {
  jointCases: number;
  people: number;
  seconds: number;
  connections: number[];
  /** Only the paths whose label contains one of these. */
  paths?: string[] | undefined;
  /** Where the figures are written as JSON. */
  jsonFile: string;
  /** A previous run's JSON, printed beside this one. */
  baselineFile?: string | undefined;
  /** Another checkout's apps/server, run on the same data. */
  serverDir?: string | undefined;
  /** App instances on the one database, the load split between them (round-robin by connection). */
  instances: number;
  /** Also measure the raw-SQL baseline server (bench/raw-baseline-server.ts) on the paths it answers. */
  rawBaseline: boolean;
  /**
   * `small`: joint cases written through the API for one programme and one victim service, people in
   * bulk beside them. `region`: the demo's cases copied to `jointCases` (bench/region.ts), the load
   * spread over the staff of `groups` groups of agencies, each request as the next of them.
   */
  scale: 'small' | 'region';
  groups: number;
}

export const settingsFromEnvironment = (env = process.env): LoadSettings => ({
  jointCases: Number(env.BENCH_JOINT_CASES ?? 10),
  people: Number(env.BENCH_PEOPLE ?? 20_000),
  seconds: Number(env.BENCH_SECONDS ?? 5),
  connections: (env.BENCH_CONNECTIONS ?? '1,16,64,256').split(',').map(Number),
  paths: env.BENCH_PATHS?.split(','),
  jsonFile: env.BENCH_JSON ?? 'bench-load.json',
  baselineFile: env.BENCH_BASELINE,
  serverDir: env.BENCH_SERVER_DIR,
  instances: Number(env.BENCH_INSTANCES ?? 1),
  rawBaseline: env.BENCH_RAW_BASELINE !== 'false',
  scale: env.BENCH_SCALE === 'region' ? 'region' : 'small',
  groups: Number(env.BENCH_GROUPS ?? 20),
});

export interface LoadFigure {
  path: string;
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p97_5Ms: number;
  p99Ms: number;
  errors: number;
  serverRssMiB: number;
  /** How many answers of each status (what the errors were). */
  statusCodes?: Record<string, number>;
  /** The raw-SQL baseline on the same path and connections, where it answers the path. */
  rawRequestsPerSecond?: number;
  rawErrors?: number;
}

export async function runLoadBench(settings = settingsFromEnvironment()): Promise<LoadFigure[]> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stdout.write('Load benchmark: skipped — it runs on PostgreSQL (set DATABASE_URL).\n');
    return [];
  }
  const started = Date.now();
  // The region is made of the demo's cases, written by its accounts (which exist in demo mode only).
  const system = await startTestSystem({
    LOG_LEVEL: 'silent',
    DEMO_MODE: String(settings.scale === 'region'),
  });
  const servers: ServerProcess[] = [];
  try {
    const allPaths =
      settings.scale === 'region'
        ? await regionPaths(system, settings.jointCases, settings.groups)
        : await smallPaths(system, settings);
    const seedSeconds = (Date.now() - started) / 1000;
    for (let index = 0; index < settings.instances; index += 1)
      servers.push(await startServer(productionEnv(system), { serverDir: settings.serverDir }));
    const raw = settings.rawBaseline
      ? await startServer(productionEnv(system), { entry: 'src/bench/raw-baseline-server.ts' })
      : null;
    if (raw) servers.push(raw);
    const only = settings.paths;
    const paths = allPaths.filter((spec) => !only || only.some((part) => spec.label.includes(part)));
    const apps = raw ? servers.slice(0, -1) : servers;
    const figures = await measure(apps, paths, settings);
    if (raw) await measureBaseline(raw, paths, settings, figures);
    report(figures, settings, seedSeconds);
    return figures;
  } finally {
    for (const server of servers) await server.stop();
    await system.close();
  }
}

/** The small data set: joint cases through the API, people in bulk, one user per role. */
async function smallPaths(system: TestSystem, settings: LoadSettings): Promise<PathSpec[]> {
  const scenario = await makeNetworkScenario(system);
  const cases: Array<Awaited<ReturnType<typeof makeJointCase>>> = [];
  for (let index = 0; index < settings.jointCases; index += 1) cases.push(await makeJointCase(scenario));
  const seeding = systemDb(system.database.db, 'operator_command');
  await seedPeople(seeding, scenario.agencies.pp.id, settings.people);
  const terms = await searchTermsOf(seeding, scenario.agencies.pp.id);
  const last = cases.at(-1)!;
  const as = (who: keyof typeof scenario.clients, url: string): Caller[] => {
    const session = scenario.clients[who].session();
    if (!session) throw new Error(`${who} holds no session`);
    return [{ session, url }];
  };
  const search = (term: string) => `/api/people/search?q=${encodeURIComponent(term)}`;
  return [
    { label: 'home (programme)', callers: as('ppManager', '/api/home') },
    { label: 'home (victim side)', callers: as('vssManager', '/api/home') },
    { label: 'joint case (programme)', callers: as('ppManager', `/api/joint-cases/${last.jointCaseId}`) },
    { label: 'joint case (victim side)', callers: as('vssManager', `/api/joint-cases/${last.jointCaseId}`) },
    {
      label: 'joint risk (victim side)',
      callers: as('vssManager', `/api/joint-cases/${last.jointCaseId}/risk`),
    },
    { label: 'her file (victim side)', callers: as('vssManager', `/api/victims/${last.herId}`) },
    {
      label: 'his episode (programme)',
      callers: as('ppManager', `/api/pp-episodes/${last.episodeId}`),
      raw: true,
    },
    { label: 'name search (programme)', callers: as('ppManager', search(terms.exact)), raw: true },
    { label: 'name search, a typo', callers: as('ppManager', search(terms.typo)), raw: true },
    { label: 'due list (programme)', callers: as('ppManager', '/api/due') },
    {
      label: 'write: informal contact',
      method: 'POST',
      callers: as('ppManager', `/api/joint-cases/${last.jointCaseId}/informal-contacts`),
      body: INFORMAL_CONTACT,
    },
  ];
}

/** The server as an operator runs it in production, on the seeding system's schema and key. */
function productionEnv(system: TestSystem): Record<string, string> {
  const keys = generateHeadKeyPair();
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    DATABASE_URL: system.config.DATABASE_URL!,
    DATABASE_SCHEMA: system.config.DATABASE_SCHEMA,
    DATA_DIR: path.join(process.env.TMPDIR ?? '/tmp', `tandem-bench-${system.config.DATABASE_SCHEMA}`),
    FIELD_ENCRYPTION_KEYS: `test:${system.cipherKey.toString('base64')}`,
    AUDIT_HEAD_SIGNING_KEY: keys.privateKey,
    AUDIT_HEAD_FILE: path.join(
      process.env.TMPDIR ?? '/tmp',
      `tandem-bench-${system.config.DATABASE_SCHEMA}.jsonl`,
    ),
    PUBLIC_URL: 'https://tandem.invalid',
    // Nothing is mailed during the run; production only requires the setting.
    SMTP_URL: 'smtp://127.0.0.1:1',
    API_RATE_LIMIT_PER_MINUTE: '100000000',
    DEMO_MODE: 'false',
  };
}

async function measure(servers: ServerProcess[], paths: PathSpec[], settings: LoadSettings) {
  const figures: LoadFigure[] = [];
  for (const spec of paths) {
    for (const connections of settings.connections) {
      // The connections dealt to the instances in turn, as a round-robin balancer would.
      const shares = servers.map((_, index) =>
        Math.max(
          1,
          Math.floor(connections / servers.length) + (index < connections % servers.length ? 1 : 0),
        ),
      );
      const results = await Promise.all(
        servers.map((server, index) => drive(server, spec, shares[index]!, settings.seconds)),
      );
      // Throughput adds up; latency is the slower instance's (the figure a user would meet).
      figures.push({
        path: spec.label,
        connections,
        requestsPerSecond: results.reduce((sum, result) => sum + result.requests.average, 0),
        p50Ms: Math.max(...results.map((result) => result.latency.p50)),
        p97_5Ms: Math.max(...results.map((result) => result.latency.p97_5)),
        p99Ms: Math.max(...results.map((result) => result.latency.p99)),
        errors: results.reduce((sum, result) => sum + result.errors + result.timeouts + result.non2xx, 0),
        statusCodes: Object.fromEntries(
          results.flatMap((result) =>
            Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, Number(stat.count)]),
          ),
        ),
        serverRssMiB: Math.max(...servers.map((server) => residentMiB(server.child.pid!))),
      });
    }
  }
  return figures;
}

/** The raw-SQL baseline on the paths it answers, one instance, the same connections. */
async function measureBaseline(
  raw: ServerProcess,
  paths: PathSpec[],
  settings: LoadSettings,
  figures: LoadFigure[],
) {
  for (const spec of paths.filter((path) => path.raw)) {
    for (const connections of settings.connections) {
      const result = await drive(raw, spec, connections, settings.seconds);
      const figure = figures.find((f) => f.path === spec.label && f.connections === connections);
      if (!figure) continue;
      figure.rawRequestsPerSecond = result.requests.average;
      figure.rawErrors = result.errors + result.timeouts + result.non2xx;
    }
  }
}

/** Each request as the next caller of the path, so the load is spread as their work would be. */
function drive(server: ServerProcess, spec: PathSpec, connections: number, seconds: number) {
  let next = 0;
  const headersOf = (session: Session) => ({
    cookie: `__Host-tandem_session=${session.token}`,
    ...(spec.method === 'POST' && { 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' }),
  });
  const first = spec.callers[0]!;
  return autocannon({
    url: server.url,
    connections,
    duration: seconds,
    requests: [
      {
        method: spec.method ?? 'GET',
        path: first.url,
        headers: headersOf(first.session),
        ...(spec.body !== undefined && { body: JSON.stringify(spec.body) }),
        setupRequest: (request) => {
          const caller = spec.callers[next++ % spec.callers.length]!;
          return {
            ...request,
            path: caller.url,
            headers: { ...request.headers, ...headersOf(caller.session) },
          };
        },
      },
    ],
  });
}

function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kib / 1024);
}

function report(figures: LoadFigure[], settings: LoadSettings, seedSeconds: number) {
  const baseline = baselineFigures(settings.baselineFile);
  const before = (f: LoadFigure) =>
    baseline.find((b) => b.path === f.path && b.connections === f.connections);
  const columns = (f: LoadFigure) => {
    const base = before(f);
    return [
      f.path.padEnd(28),
      String(f.connections).padStart(5),
      f.requestsPerSecond.toFixed(0).padStart(9),
      f.p50Ms.toFixed(0).padStart(8),
      f.p97_5Ms.toFixed(0).padStart(8),
      f.p99Ms.toFixed(0).padStart(8),
      String(f.errors).padStart(8),
      String(f.serverRssMiB).padStart(9),
      (f.rawRequestsPerSecond === undefined ? '—' : f.rawRequestsPerSecond.toFixed(0)).padStart(10),
      (f.rawRequestsPerSecond
        ? `${(f.requestsPerSecond / f.rawRequestsPerSecond).toFixed(2)}`
        : '—'
      ).padStart(9),
      ...(baseline.length > 0
        ? [
            (base ? base.requestsPerSecond.toFixed(0) : '—').padStart(10),
            (base ? `${(f.requestsPerSecond / base.requestsPerSecond).toFixed(2)}×` : '—').padStart(8),
          ]
        : []),
    ].join('');
  };
  const header = [
    'path'.padEnd(28),
    'conn'.padStart(5),
    'req/s'.padStart(9),
    'p50'.padStart(8),
    'p97.5'.padStart(8),
    'p99'.padStart(8),
    'errors'.padStart(8),
    'RSS MiB'.padStart(9),
    'raw req/s'.padStart(10),
    'app÷raw'.padStart(9),
    ...(baseline.length > 0 ? ['base req/s'.padStart(10), 'ratio'.padStart(8)] : []),
  ].join('');
  process.stdout.write(
    [
      `Tandem load benchmark — production server process${settings.instances > 1 ? `es (${settings.instances} instances, one database)` : ''} on PostgreSQL, ${settings.jointCases} joint cases and ${settings.people} people, autocannon ${settings.seconds} s per row (latency in ms; autocannon reports p97.5, not p95)`,
      `seed: ${seedSeconds.toFixed(1)} s${baseline.length > 0 ? `; baseline: ${settings.baselineFile}` : ''}`,
      header,
      ...figures.map(columns),
      '',
    ].join('\n'),
  );
  const file = settings.jsonFile;
  const document = {
    takenAt: new Date().toISOString(),
    jointCases: settings.jointCases,
    people: settings.people,
    instances: settings.instances,
    seconds: settings.seconds,
    figures,
  };
  writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
  process.stdout.write(`written to ${path.resolve(file)}\n`);
}

/** A previous run's JSON (BENCH_BASELINE), to print side by side: another commit, another machine. */
function baselineFigures(file: string | undefined): LoadFigure[] {
  if (!file) return [];
  return (JSON.parse(readFileSync(file, 'utf8')) as { figures: LoadFigure[] }).figures;
}
