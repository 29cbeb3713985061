import { API_PREFIX, type RouteDefinition, routes } from '@tandem/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseBuilder, isoDay, must } from '../testing/case-builder.js';
import { makeAgency, makeUser } from '../testing/factories.js';
import { arbitraryFor, asText, type Mode } from '../testing/fuzz-arbitraries.js';
import { makeNetworkScenario, type NetworkScenario } from '../testing/scenario.js';
import { startTestSystem, TestClient, type TestSystem } from '../testing/test-system.js';

/**
 * The API under generated input (issue: robust under bad input): every operation of the OpenAPI
 * document, called as signed-in users of the two sides (and an agency admin) with inputs derived from its own zod
 * schemas — valid ones whose ids name rows of a seeded case (so the request reaches the service
 * and the database), and hostile ones. No answer may be a 5xx, and every status must be one the
 * document lists for that operation.
 */

const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 32);
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_301);

interface Operation {
  name: string;
  definition: RouteDefinition;
}

const operations: Operation[] = Object.entries(routes).flatMap(([area, table]) =>
  Object.entries(table as Record<string, RouteDefinition>).map(([name, definition]) => ({
    name: `${definition.method} ${definition.path} (${area}.${name})`,
    definition,
  })),
);

/**
 * Operations that end or change the caller's own session are called without one: they are
 * fuzzed for their validation and refusals, and the two users stay signed in for the rest.
 */
const WITHOUT_SESSION = new Set([
  '/auth/login',
  '/auth/logout',
  '/auth/logout-all',
  '/auth/password',
  '/auth/mfa/enrolment',
  '/auth/mfa/enrolment/confirm',
  '/auth/mfa/verify',
]);

let system: TestSystem;
let scenario: NetworkScenario;
let anonymous: TestClient;
let users: Array<{ name: string; client: TestClient }>;
let pools: Record<string, string[]>;
let documented: Map<string, Set<number>>;
const statuses = new Map<string, Map<number, number>>();
let requests = 0;
/** For FUZZ_REPORT: why a request of the valid mode was refused, per operation (to tune the generators). */
const refusals = new Map<string, string>();

beforeAll(async () => {
  system = await startTestSystem(process.env.FUZZ_LOG ? { LOG_LEVEL: 'error' } : {});
  scenario = await makeNetworkScenario(system);
  anonymous = new TestClient(system.app);
  users = [
    { name: 'programme case manager', client: scenario.clients.ppManager },
    { name: 'victim-support case manager', client: scenario.clients.vssManager },
    // The administration's operations reach past their 403 only for an administrator.
    { name: 'victim-support agency admin', client: scenario.clients.vssAdmin },
  ];
  pools = await seed();
  documented = documentedStatuses();
}, 120_000);

afterAll(async () => {
  const lines = [...statuses.entries()].map(
    ([name, counts]) =>
      `${name}: ${[...counts.entries()]
        .sort(([a], [b]) => a - b)
        .map(([status, count]) => `${status}×${count}`)
        .join(' ')}`,
  );
  if (process.env.FUZZ_REPORT) {
    const why = [...refusals.entries()].map(([name, body]) => `${name}: ${body}`);
    process.stdout.write(
      `\n${requests} requests\n${lines.join('\n')}\n\nvalid but refused:\n${why.join('\n')}\n`,
    );
  }
  await system?.close();
});

describe('the API under generated requests', () => {
  it('fuzzes every operation of the OpenAPI document', () => {
    const fuzzed = new Set(
      operations.map(({ definition }) => operationKey(definition.method, definition.path)),
    );
    expect([...documented.keys()].filter((key) => !fuzzed.has(key))).toEqual([]);
    expect(operations.length).toBe(documented.size);
  });

  it.each(operations)('$name: no 5xx, no undocumented status', async ({ name, definition }) => {
    const allowed = documented.get(operationKey(definition.method, definition.path));
    expect(allowed, 'the operation is in the OpenAPI document').toBeDefined();
    const request = fc.constantFrom<Mode>('valid', 'hostile').chain((mode) =>
      fc.record({
        mode: fc.constant(mode),
        user: fc.nat({ max: users.length - 1 }),
        params: definition.params
          ? arbitraryFor(definition.params, mode, idsFor(definition.path))
          : fc.constant({}),
        query: definition.query
          ? arbitraryFor(definition.query, mode, idsFor(definition.path))
          : fc.constant({}),
        body: definition.body
          ? arbitraryFor(definition.body, mode, idsFor(definition.path))
          : fc.constant(undefined),
      }),
    );
    await fc.assert(
      fc.asyncProperty(request, async ({ mode, user, params, query, body }) => {
        const client = WITHOUT_SESSION.has(definition.path) ? anonymous : users[user]!.client;
        const url = urlOf(
          definition.path,
          params as Record<string, unknown>,
          query as Record<string, unknown>,
        );
        const withBody = definition.method !== 'GET' && definition.method !== 'DELETE';
        // Always JSON on the wire, whatever the value: a string or a number is a JSON body too.
        const response = await client.request(
          definition.method,
          url,
          withBody ? JSON.stringify(body ?? {}) : undefined,
          withBody ? { 'content-type': 'application/json' } : {},
        );
        requests += 1;
        const counts = statuses.get(name) ?? new Map<number, number>();
        counts.set(response.statusCode, (counts.get(response.statusCode) ?? 0) + 1);
        statuses.set(name, counts);
        if (process.env.FUZZ_REPORT && mode === 'valid' && response.statusCode === 400 && !refusals.has(name))
          refusals.set(name, response.body.slice(0, 200));
        if (response.statusCode >= 500 || !allowed!.has(response.statusCode) || !namesTheField(response)) {
          throw new Error(
            `${definition.method} ${url} answered ${response.statusCode} ${response.body.slice(0, 300)}\nbody: ${JSON.stringify(body)?.slice(0, 500)}`,
          );
        }
      }),
      { numRuns: RUNS_PER_OPERATION, seed: SEED, endOnFailure: true },
    );
  });

  it('reaches past the validation into the services', () => {
    // Deep paths, not only 400s and 404s: most operations succeeded at least once.
    const succeeded = [...statuses.values()].filter((counts) =>
      [...counts.keys()].some((status) => status < 300),
    );
    expect(requests).toBeGreaterThanOrEqual(operations.length * RUNS_PER_OPERATION);
    expect(succeeded.length).toBeGreaterThanOrEqual(Math.floor(operations.length * 0.5));
  });
});

/**
 * A 400 names what was wrong (the web app puts the message beside the field); only a body that
 * is not JSON at all has no field to name. The database's safety net (a 400 without a field)
 * counts as a failure here: the schema should have refused the value first.
 */
function namesTheField(response: { statusCode: number; json: () => unknown }): boolean {
  if (response.statusCode !== 400) return true;
  const body = response.json() as { error?: string; fields?: Array<{ path: string }> };
  return body.error === 'invalid_json' || (body.fields?.length ?? 0) > 0;
}

describe('what the outside fuzzer found: each class answers a 400 naming the field', () => {
  const first = (kind: string) => pools[kind]![0]!;
  /** A checklist for the case with these answers. */
  const responseWith = (answers: unknown): [string, string, unknown] => [
    'POST',
    '/api/instrument-responses',
    {
      instrumentId: first('instrument'),
      version: 1,
      jointCaseId: first('jointCase'),
      subject: 'case',
      completedOn: isoDay(0),
      answers,
    },
  ];
  const cases: Array<[string, () => [method: string, url: string, body: unknown], string]> = [
    [
      'a year-0000 date',
      () => [
        'POST',
        `/api/pp-episodes/${first('episode')}/attendance`,
        { sessionDate: '0000-01-01', status: 'attended' },
      ],
      'sessionDate',
    ],
    [
      'a year-0000 instant',
      () => [
        'POST',
        `/api/joint-cases/${first('jointCase')}/meetings`,
        { scheduledFor: '0000-01-01T10:00:00Z' },
      ],
      'scheduledFor',
    ],
    [
      'a date of birth in the future',
      () => [
        'POST',
        '/api/referrals',
        {
          person: { firstName: 'A', lastName: 'B', dateOfBirth: '2190-01-01' },
          pathway: 'voluntary',
          referralDate: isoDay(0),
        },
      ],
      'person.dateOfBirth',
    ],
    [
      'a NUL in a body',
      () => ['PATCH', `/api/pp-episodes/${first('episode')}`, { schedule: 'Mondays\u0000' }],
      'schedule',
    ],
    ['a NUL in a query', () => ['GET', '/api/people/search?q=a%00b', undefined], 'q'],
    [
      'a lone surrogate in a name',
      () => [
        'POST',
        '/api/referrals',
        { person: { firstName: '\uD800', lastName: 'B' }, pathway: 'voluntary', referralDate: isoDay(0) },
      ],
      'person.firstName',
    ],
    [
      'a direction override in a name',
      () => [
        'POST',
        '/api/referrals',
        {
          person: { firstName: 'Ma\u202Erco', lastName: 'B' },
          pathway: 'voluntary',
          referralDate: isoDay(0),
        },
      ],
      'person.firstName',
    ],
    ['an empty patch of an episode', () => ['PATCH', `/api/pp-episodes/${first('episode')}`, {}], 'body'],
    ['an empty patch of an action', () => ['PATCH', `/api/actions/${first('action')}`, {}], 'body'],
    ['an empty patch of a user', () => ['PATCH', `/api/users/${first('bystanderUser')}`, {}], 'body'],
    [
      'a version of 2^31 in the path',
      () => ['GET', `/api/instruments/${first('instrument')}/versions/2147483648`, undefined],
      'version',
    ],
    [
      'a version of 2^31 in the body',
      () => [
        'POST',
        '/api/instrument-responses',
        {
          instrumentId: first('instrument'),
          version: 2 ** 31,
          jointCaseId: first('jointCase'),
          subject: 'case',
          completedOn: isoDay(0),
          answers: {},
        },
      ],
      'version',
    ],
    [
      'an unknown agency on a critical event',
      () => [
        'POST',
        `/api/pp-episodes/${first('episode')}/critical-events`,
        {
          kind: 'safety_concern',
          occurredOn: isoDay(-1),
          source: 'agency',
          sourceAgencyId: '6f1c2b3a-0000-4000-8000-000000000000',
          description: 'x',
        },
      ],
      'sourceAgencyId',
    ],
    ['an answer of 10^300', () => responseWith({ a1: { value: 1e300 } }), 'answers.a1.value'],
    [
      'ten thousand answers',
      () =>
        responseWith(
          Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`x${i}`, { value: 'no' }])),
        ),
      'answers',
    ],
    [
      'an unknown time zone',
      () => ['POST', '/api/networks', { name: 'N', timeZone: 'Mars/Olympus' }],
      'timeZone',
    ],
  ];
  it.each(cases)('%s', async (_what, build, field) => {
    const [method, url, body] = build();
    const response = await scenario.clients.ppManager.request(method, url, body);
    expect(response.statusCode, response.body).toBe(400);
    const paths = (response.json().fields as Array<{ path: string }>).map((item) => item.path);
    expect(paths).toContain(field);
  });
});

const operationKey = (method: string, path: string) =>
  `${method.toUpperCase()} ${API_PREFIX}${path.replace(/:([A-Za-z]+)/g, '{$1}')}`;

/** Every status the OpenAPI document gives each operation, with its success status. */
function documentedStatuses(): Map<string, Set<number>> {
  const document = system.app.swagger() as {
    paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
  };
  const found = new Map<string, Set<number>>();
  for (const [path, methods] of Object.entries(document.paths)) {
    if (!path.startsWith(`${API_PREFIX}/`) || path.startsWith(`${API_PREFIX}/docs`)) continue;
    for (const [method, operation] of Object.entries(methods)) {
      const codes = Object.keys(operation.responses ?? {}).map(Number);
      found.set(`${method.toUpperCase()} ${path}`, new Set(codes));
    }
  }
  // A file answer's success is its media type (the document lists the errors).
  for (const { definition } of operations) {
    found.get(operationKey(definition.method, definition.path))?.add(definition.status);
  }
  return found;
}

/** `/pp-episodes/:id` with `{ id }` and a query, written as a client would (any text, percent-encoded). */
function urlOf(path: string, params: Record<string, unknown>, query: Record<string, unknown>): string {
  const filled = path.replace(/:([A-Za-z]+)/g, (_match, key: string) => encode(asText(params[key])));
  const search = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${encode(key)}=${encode(asText(value))}`)
    .join('&');
  return `${API_PREFIX}${filled}${search ? `?${search}` : ''}`;
}

/** encodeURIComponent, with a lone surrogate sent as the bytes a broken client would send. */
const encode = (text: string) =>
  text.replace(/[\s\S]/gu, (char) => {
    try {
      return encodeURIComponent(char);
    } catch {
      return '%ED%A0%80';
    }
  });

/** Text that must be of a kind to get past validation: addresses that exist nowhere (no lockout of the users who fuzz). */
const TEXT_POOLS: Record<string, string[]> = {
  email: ['nobody@example.org', 'Someone.Else@Example.org', 'x@y.co'],
};

/** The seeded rows a field or parameter of that name refers to (the path says what `:id` is). */
function idsFor(path: string) {
  const resource = path.split('/')[1] ?? '';
  const byPath: Record<string, string> = {
    'pp-episodes': 'episode',
    people: 'person',
    children: 'child',
    'vss-episodes': 'support',
    victims: 'her',
    consents: 'consent',
    disclosures: 'disclosure',
    duties: 'duty',
    'joint-cases': 'jointCase',
    meetings: 'meeting',
    actions: 'action',
    agreements: 'agreement',
    agencies: 'bystanderAgency',
    users: 'bystanderUser',
    people_access: 'person',
  };
  return (field: string, kind: 'id' | 'text' = 'id'): readonly string[] => {
    if (kind === 'text') return TEXT_POOLS[field] ?? (field === 'instrumentId' ? pools.instrument! : []);
    if (field === '' || field === 'id') return pools[byPath[resource] ?? 'all'] ?? pools.all!;
    const rules: Array<[RegExp, string]> = [
      [/^childId$|^childPersonId$/, 'child'],
      [/^ppEpisodeId$|^episodeId$/, 'episode'],
      [/^vssEpisodeId$/, 'support'],
      [/^jointCaseId$/, 'jointCase'],
      [/^consentId$/, 'consent'],
      [/^personId$|^motherId$|^fatherId$|^aboutPartnerId$/, 'person'],
      [/MeetingId$|^meetingId$/, 'meeting'],
      [/^triggerEventId$/, 'event'],
      [/^proposalId$/, 'proposal'],
      [/ResponseId$/, 'response'],
      [/^networkId$/, 'network'],
      [/AgencyId$|^agencyId$|^recipient/, 'agency'],
      [/UserId$|ManagerId$|WorkerId$|^attendance$/, 'user'],
    ];
    const rule = rules.find(([pattern]) => pattern.test(field));
    return pools[rule?.[1] ?? 'all'] ?? pools.all!;
  };
}

/** Two joint cases with what hangs off them, through the API; then every id, by kind of row. */
async function seed(): Promise<Record<string, string[]>> {
  const { openCase } = caseBuilder(system, () => scenario);
  const { clients, agencies, users: people } = scenario;
  for (const withChild of [true, false]) {
    const made = await openCase({ withChild, consents: [{ scope: 'share_disclosures' }] });
    await must(
      clients.vssManager.post(`/api/victims/${made.herId}/disclosures`, {
        disclosedOn: isoDay(-10),
        content: 'What she disclosed',
      }),
      201,
      'disclosure',
    );
    await must(
      clients.ppManager.post(`/api/joint-cases/${made.jointCaseId}/actions`, {
        need: 'Safe housing',
        action: 'Refer to the housing service',
        term: isoDay(30),
        responsibleAgencyId: agencies.vss.id,
      }),
      201,
      'action',
    );
    await must(
      clients.ppManager.post(`/api/pp-episodes/${made.episodeId}/critical-events`, {
        kind: 'safety_concern',
        occurredOn: isoDay(-2),
        source: 'agency',
        description: 'A concern reported by the probation service',
      }),
      201,
      'critical event',
    );
  }
  // People the admin operations may act on without touching the two users who fuzz.
  const bystanderAgency = await makeAgency(system.database.db, {
    kind: 'police',
    networkIds: [scenario.network.id],
  });
  // In the admin's agency, so that its account operations reach the service.
  const bystander = await makeUser(system.database.db, {
    agencyId: agencies.vss.id,
    roles: ['partner_contact_worker'],
    side: 'victim',
    networkIds: [scenario.network.id],
  });
  const db = system.database.db;
  const idsOf = async (table: Parameters<typeof db.selectFrom>[0] & string, where?: [string, string]) => {
    let query = db.selectFrom(table as 'person').select('id' as 'id');
    if (where) query = query.where(where[0] as 'kind', '=', where[1]);
    return (await query.execute()).map((row) => String(row.id));
  };
  const pool: Record<string, string[]> = {
    episode: await idsOf('pp_episode'),
    person: await idsOf('person'),
    her: await idsOf('person', ['kind', 'partner']),
    child: await idsOf('person', ['kind', 'child']),
    support: await idsOf('vss_episode'),
    consent: await idsOf('consent'),
    disclosure: await idsOf('disclosure'),
    duty: await idsOf('duty_to_inform'),
    jointCase: await idsOf('joint_case'),
    meeting: await idsOf('case_meeting'),
    action: await idsOf('action_item'),
    agreement: await idsOf('agreement'),
    event: await idsOf('case_event'),
    proposal: await idsOf('agreed_level_proposal'),
    response: await idsOf('instrument_response'),
    network: [scenario.network.id],
    instrument: (await db.selectFrom('instrument_version').select('instrument_id').distinct().execute()).map(
      (row) => row.instrument_id,
    ),
    agency: Object.values(agencies).map((agency) => agency.id),
    user: Object.values(people).map((user) => user.id),
    bystanderAgency: [bystanderAgency.id],
    bystanderUser: [bystander.id],
  };
  pool.all = [...new Set(Object.values(pool).flat())];
  return Object.fromEntries(
    Object.entries(pool).map(([kind, ids]) => [kind, ids.length > 0 ? ids : pool.all!]),
  );
}
