import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { generateHeadKeyPair } from '../audit/audit-head.js';
import { systemDb } from '../data/system-db.js';
import { type ServerProcess, startServer } from '../durability/server-process.js';
import { makeJointCase, makeNetworkScenario, type NetworkScenario } from '../testing/scenario.js';
import { startTestSystem, type TestSystem } from '../testing/test-system.js';
import { seedPeople } from './seed-people.js';

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
}

export const settingsFromEnvironment = (env = process.env): LoadSettings => ({
  jointCases: Number(env.BENCH_JOINT_CASES ?? 10),
  people: Number(env.BENCH_PEOPLE ?? 20_000),
  seconds: Number(env.BENCH_SECONDS ?? 5),
  connections: (env.BENCH_CONNECTIONS ?? '1,16,64').split(',').map(Number),
  paths: env.BENCH_PATHS?.split(','),
  jsonFile: env.BENCH_JSON ?? 'bench-load.json',
  baselineFile: env.BENCH_BASELINE,
  serverDir: env.BENCH_SERVER_DIR,
});

interface PathSpec {
  label: string;
  who: keyof NetworkScenario['clients'];
  method?: 'GET' | 'POST';
  url: string;
  body?: unknown;
}

export interface LoadFigure {
  path: string;
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p97_5Ms: number;
  p99Ms: number;
  errors: number;
  serverRssMiB: number;
}

export async function runLoadBench(settings = settingsFromEnvironment()): Promise<LoadFigure[]> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stdout.write('Load benchmark: skipped — it runs on PostgreSQL (set DATABASE_URL).\n');
    return [];
  }
  const started = Date.now();
  const system = await startTestSystem({ LOG_LEVEL: 'silent' });
  let server: ServerProcess | null = null;
  try {
    const scenario = await makeNetworkScenario(system);
    const cases: Array<Awaited<ReturnType<typeof makeJointCase>>> = [];
    for (let index = 0; index < settings.jointCases; index += 1) cases.push(await makeJointCase(scenario));
    await seedPeople(
      systemDb(system.database.db, 'operator_command'),
      scenario.agencies.pp.id,
      settings.people,
    );
    const seedSeconds = (Date.now() - started) / 1000;
    server = await startServer(productionEnv(system), 120_000, settings.serverDir);
    const only = settings.paths;
    const paths = pathsOf(cases).filter((spec) => !only || only.some((part) => spec.label.includes(part)));
    const figures = await measure(server, scenario, paths, settings);
    report(figures, settings, seedSeconds);
    return figures;
  } finally {
    await server?.stop();
    await system.close();
  }
}

function pathsOf(cases: Array<Awaited<ReturnType<typeof makeJointCase>>>): PathSpec[] {
  const last = cases.at(-1)!;
  return [
    { label: 'home (programme)', who: 'ppManager', url: '/api/home' },
    { label: 'home (victim side)', who: 'vssManager', url: '/api/home' },
    { label: 'joint case (programme)', who: 'ppManager', url: `/api/joint-cases/${last.jointCaseId}` },
    { label: 'joint case (victim side)', who: 'vssManager', url: `/api/joint-cases/${last.jointCaseId}` },
    {
      label: 'joint risk (victim side)',
      who: 'vssManager',
      url: `/api/joint-cases/${last.jointCaseId}/risk`,
    },
    { label: 'her file (victim side)', who: 'vssManager', url: `/api/victims/${last.herId}` },
    { label: 'his episode (programme)', who: 'ppManager', url: `/api/pp-episodes/${last.episodeId}` },
    { label: 'name search (programme)', who: 'ppManager', url: '/api/people/search?q=last4242' },
    { label: 'name search, a typo', who: 'ppManager', url: '/api/people/search?q=lsat4242' },
    { label: 'due list (programme)', who: 'ppManager', url: '/api/due' },
    {
      label: 'write: informal contact',
      who: 'ppManager',
      method: 'POST',
      url: `/api/joint-cases/${last.jointCaseId}/informal-contacts`,
      body: { occurredOn: '2026-03-01', withWhom: 'Victim support', summary: 'Agreed the next meeting.' },
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

async function measure(
  server: ServerProcess,
  scenario: NetworkScenario,
  paths: PathSpec[],
  settings: LoadSettings,
) {
  const figures: LoadFigure[] = [];
  for (const spec of paths) {
    const session = scenario.clients[spec.who].session();
    if (!session) throw new Error(`${spec.who} holds no session`);
    for (const connections of settings.connections) {
      const result = await autocannon({
        url: `${server.url}${spec.url}`,
        method: spec.method ?? 'GET',
        connections,
        duration: settings.seconds,
        headers: {
          cookie: `__Host-tandem_session=${session.token}`,
          ...(spec.method === 'POST' && {
            'x-csrf-token': session.csrfToken,
            'content-type': 'application/json',
          }),
        },
        ...(spec.body !== undefined && { body: JSON.stringify(spec.body) }),
      });
      figures.push({
        path: spec.label,
        connections,
        requestsPerSecond: result.requests.average,
        p50Ms: result.latency.p50,
        p97_5Ms: result.latency.p97_5,
        p99Ms: result.latency.p99,
        errors: result.errors + result.timeouts + result.non2xx,
        serverRssMiB: residentMiB(server.child.pid!),
      });
    }
  }
  return figures;
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
    ...(baseline.length > 0 ? ['base req/s'.padStart(10), 'ratio'.padStart(8)] : []),
  ].join('');
  process.stdout.write(
    [
      `Tandem load benchmark — production server process on PostgreSQL, ${settings.jointCases} joint cases and ${settings.people} people, autocannon ${settings.seconds} s per row (latency in ms; autocannon reports p97.5, not p95)`,
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
