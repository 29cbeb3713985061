import { createHash } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { normaliseName } from '../data/repositories/people.repository.js';
import { prepareStatementsOnConnect } from '../db/prepared-statements.js';

/**
 * The physical limit beside the app, for the load benchmark (bench/load.ts): plain `node:http`
 * and `pg`, no framework, no policy, no validation — hand-written SQL answering the same paths
 * with the same rows for the programme's case manager, the session checked by one query, and
 * one audit row written per request in the request's transaction. What the app costs above
 * this is the price of its framework and of the policy; the benchmark prints the ratio.
 *
 * Not a server anyone should run: it checks nothing but the session.
 */
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  options: `-c search_path="${process.env.DATABASE_SCHEMA ?? 'public'}",public`,
});
// Prepared, as the app's statements are (db/prepared-statements.ts): the same footing for both.
prepareStatementsOnConnect(pool);

type Answer = { status: number; body: unknown; subject?: string | null };
type Route = (client: pg.PoolClient, actor: Actor, match: RegExpExecArray, url: URL) => Promise<Answer>;

interface Actor {
  userId: string;
  agencyId: string;
}

const ROUTES: Array<[RegExp, Route]> = [
  [/^\/api\/pp-episodes\/([0-9a-f-]{36})$/, episode],
  [/^\/api\/people\/search$/, search],
];

async function episode(client: pg.PoolClient, actor: Actor, match: RegExpExecArray): Promise<Answer> {
  const id = match[1]!;
  const { rows } = await client.query('SELECT * FROM pp_episode WHERE id = $1 AND agency_id = $2', [
    id,
    actor.agencyId,
  ]);
  const row = rows[0];
  if (!row) return { status: 404, body: { error: 'not_found' } };
  const [person, history, attendance, release, partners] = await Promise.all([
    client.query(
      'SELECT id, kind, first_name, last_name, date_of_birth, owner_agency_id FROM person WHERE id = $1',
      [row.person_id],
    ),
    client.query(
      `SELECT c.from_status, c.to_status, c.changed_on, c.reason, u.display_name
       FROM pp_status_change c LEFT JOIN app_user u ON u.id = c.changed_by
       WHERE c.episode_id = $1 ORDER BY c.changed_on, c.id`,
      [id],
    ),
    client.query(
      'SELECT id, session_date, status, note FROM attendance WHERE episode_id = $1 ORDER BY session_date',
      [id],
    ),
    client.query('SELECT signed_on, scope FROM release_of_information WHERE episode_id = $1', [id]),
    // The programme never holds the link to her record: the partner's person id stays out.
    client.query(
      `SELECT id, relationship, ordinal, partner_contact_agency_id FROM partner_referral
       WHERE episode_id = $1 ORDER BY ordinal`,
      [id],
    ),
  ]);
  return {
    status: 200,
    subject: row.person_id,
    body: {
      ...row,
      person: person.rows[0],
      statusHistory: history.rows,
      attendance: attendance.rows,
      release: release.rows[0] ?? null,
      partners: partners.rows.map((partner) => ({ ...partner, partnerPersonId: null, herName: null })),
    },
  };
}

async function search(client: pg.PoolClient, actor: Actor, _match: RegExpExecArray, url: URL) {
  const term = normaliseName(url.searchParams.get('q') ?? '');
  const { rows } = await client.query(
    `SELECT id, kind, owner_agency_id, first_name, last_name, date_of_birth,
            word_similarity($1, search_name) AS score
     FROM person
     WHERE owner_agency_id = $2 AND (search_name LIKE $3 OR $1 <% search_name)
     ORDER BY score DESC, last_name LIMIT 20`,
    // The pattern as a value of its own, as the app sends it, so the trigram index serves LIKE.
    [term, actor.agencyId, `%${term.replace(/[%_\\]/g, (c) => `\\${c}`)}%`],
  );
  return { status: 200, body: { items: rows } } satisfies Answer;
}

async function handle(request: http.IncomingMessage): Promise<Answer> {
  const url = new URL(request.url ?? '/', 'http://baseline');
  const route = ROUTES.find(([pattern]) => pattern.test(url.pathname));
  if (!route) return { status: 404, body: { error: 'not_found' } };
  const token = /(?:^|;\s*)__Host-tandem_session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
  if (!token) return { status: 401, body: { error: 'unauthenticated' } };
  const client = await pool.connect();
  try {
    const session = await client.query(
      `SELECT u.id AS user_id, u.agency_id FROM user_session s JOIN app_user u ON u.id = s.user_id
       WHERE s.id = $1 AND s.expires_at > now() AND u.active`,
      [createHash('sha256').update(token).digest('hex')],
    );
    const found = session.rows[0];
    if (!found) return { status: 401, body: { error: 'unauthenticated' } };
    const actor = { userId: found.user_id, agencyId: found.agency_id };
    await client.query('BEGIN');
    const answer = await route[1](client, actor, route[0].exec(url.pathname)!, url);
    await client.query(
      `INSERT INTO audit_event (occurred_at, actor_user_id, actor_agency_id, action, outcome, subject_person_id, details)
       VALUES (now(), $1, $2, 'baseline.read', 'success', $3, '{}'::jsonb)`,
      [actor.userId, actor.agencyId, answer.subject ?? null],
    );
    await client.query('COMMIT');
    return answer;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const server = http.createServer((request, response) => {
  handle(request).then(
    (answer) => {
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer.body));
    },
    () => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end('{"error":"internal_error"}');
    },
  );
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stdout.write(`Tandem is running at http://127.0.0.1:${address.port} (raw-SQL baseline)\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
