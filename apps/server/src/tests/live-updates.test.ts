import { beforeAll, describe, expect, it } from 'vitest';
import { must } from '../testing/case-builder.js';
import { makeJointCase } from '../testing/scenario.js';
import { networkScenarioSuite } from '../testing/suite.js';
import type { TestClient } from '../testing/test-system.js';

/**
 * Live updates (README, "Live updates") on a real database: a command's writes reach, after its
 * COMMIT, the open streams of the case or meeting through PostgreSQL's LISTEN/NOTIFY; each reader
 * hears only of rows their own policy lets them read; the stream carries no content.
 */
let jointCaseId: string;
let meetingId: string;
const suite = networkScenarioSuite();
beforeAll(async () => {
  jointCaseId = (await makeJointCase(suite.scenario)).jointCaseId;
  const meetings = await must(
    suite.scenario.clients.vssManager.get(`/api/joint-cases/${jointCaseId}/meetings`),
    200,
    'meetings',
  );
  meetingId = meetings.items[0].id;
});

interface Heard {
  status: number;
  contentType: string;
  events: Array<{ event: string; data: unknown }>;
  body: string;
}

/** Opens a stream for `seconds`, runs `meanwhile` once it listens, and returns what it heard. */
async function listen(client: TestClient, topics: string[], meanwhile: () => Promise<unknown>, seconds = 2) {
  const response = client.get(`/api/live?topics=${topics.join(',')}&seconds=${seconds}`);
  // The stream checks the topics, then listens: give it that moment before writing.
  await new Promise((resolve) => setTimeout(resolve, 300));
  await meanwhile();
  const answer = await response;
  const events = answer.body
    .split('\n\n')
    .filter((block) => block.startsWith('event:'))
    .map((block) => {
      const [eventLine = '', dataLine = ''] = block.split('\n');
      return { event: eventLine.slice('event: '.length), data: JSON.parse(dataLine.slice('data: '.length)) };
    });
  return {
    status: answer.statusCode,
    contentType: String(answer.headers['content-type']),
    events,
    body: answer.body,
  } satisfies Heard;
}

describe('live updates', () => {
  it('the other case manager hears that an agenda item changed, after the commit, with no content', async () => {
    const { clients } = suite.scenario;
    const heard = await listen(clients.vssManager, [`meeting:${meetingId}`], () =>
      must(
        clients.ppManager.put(`/api/meetings/${meetingId}/agenda/recidivism`, {
          status: 'addressed',
          notes: 'Secret-ish note MARKER-LIVE-1',
        }),
        200,
        'agenda',
      ),
    );
    expect(heard.status).toBe(200);
    expect(heard.contentType).toContain('text/event-stream');
    expect(heard.events).toEqual([{ event: 'change', data: { topic: `meeting:${meetingId}` } }]);
    expect(heard.body).not.toContain('MARKER-LIVE-1');
  });

  it('the programme hears nothing of a note her side keeps to itself; her side hears the programme’s', async () => {
    const { clients } = suite.scenario;
    const programmeHeard = await listen(clients.ppManager, [`meeting:${meetingId}`], () =>
      must(
        clients.vssManager.post(`/api/meetings/${meetingId}/qualitative-notes`, {
          concernLevel: 'high',
          text: 'She is afraid of the hearing',
        }),
        200,
        'her side’s note',
      ),
    );
    expect(programmeHeard.status).toBe(200);
    expect(programmeHeard.events).toEqual([]);

    const herSideHeard = await listen(clients.vssManager, [`meeting:${meetingId}`], () =>
      must(
        clients.ppManager.post(`/api/meetings/${meetingId}/qualitative-notes`, {
          concernLevel: 'medium',
          text: 'He minimises',
        }),
        200,
        'the programme’s note',
      ),
    );
    expect(herSideHeard.events).toEqual([{ event: 'change', data: { topic: `meeting:${meetingId}` } }]);
  });

  it('a command that fails tells no one anything', async () => {
    const { clients } = suite.scenario;
    const heard = await listen(clients.vssManager, [`meeting:${meetingId}`], async () => {
      const refused = await clients.ppManager.put(`/api/meetings/${meetingId}/agenda/individual_change`, {
        status: 'deferred',
      });
      expect(refused.statusCode).toBe(400);
    });
    expect(heard.events).toEqual([]);
  });

  it('a case or meeting the reader may not read cannot be listened to: the one 404, audited', async () => {
    const outsider = suite.scenario.clients.coordinator;
    const refused = await outsider.get(`/api/live?topics=case:${jointCaseId}&seconds=1`);
    expect(refused.statusCode).toBe(404);
    const denied = await suite.system.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'live.subscribe')
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.length).toBeGreaterThan(0);
  });

  it.each([
    ['no topic', 'topics=', 'topics'],
    ['a topic of another kind', 'topics=person:00000000-0000-4000-8000-000000000000', 'topics'],
    ['too long a stream', `topics=case:00000000-0000-4000-8000-000000000000&seconds=600`, 'seconds'],
  ])('refuses %s with a 400 naming the field', async (_name, query, field) => {
    const refused = await suite.scenario.clients.vssManager.get(`/api/live?${query}`);
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json().fields)).toContain(field);
  });

  it('does not keep an idle session alive', async () => {
    const { clients } = suite.scenario;
    const before = await suite.system.database.db
      .selectFrom('user_session')
      .select(['id', 'last_seen_at'])
      .orderBy('last_seen_at', 'desc')
      .execute();
    suite.system.clock.set(new Date(suite.system.clock.now().getTime() + 10 * 60_000));
    await listen(clients.vssManager, [`case:${jointCaseId}`], async () => undefined, 1);
    const after = await suite.system.database.db
      .selectFrom('user_session')
      .select(['id', 'last_seen_at'])
      .execute();
    const seen = new Map(after.map((row) => [row.id, String(row.last_seen_at)]));
    for (const row of before) expect(seen.get(row.id)).toBe(String(row.last_seen_at));
  });
});
