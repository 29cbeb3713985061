import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import { actorOf, authStore, type SessionRecord } from '../data/auth.store.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../domain/clock.js';
import { AppError, unauthenticated } from '../domain/errors.js';
import { safeEqual, sha256Hex } from '../security/tokens.js';
import { clearSessionCookie, sessionTokenOf } from './session-cookie.js';
import './fastify-types.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * Writing last_seen_at on every request would turn reads into writes: it is refreshed at most
 * once a minute — and at least four times per idle timeout, so a short timeout (one minute) does
 * not end a session that is in use.
 */
const touchIntervalMs = (idleLimitMs: number) => Math.min(60_000, idleLimitMs / 4);

/**
 * Adds the authentication step to every route of the instance it is installed in, after the
 * rate limit (both are per-route onRequest hooks, added in registration order).
 */
export function installAuthentication(
  app: FastifyInstance,
  db: Kysely<Database>,
  config: Config,
  clock: Clock,
) {
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null);
  const authenticate: onRequestHookHandler = async (request, reply) => {
    await authenticateRequest(request, reply, db, config, clock);
  };
  app.addHook('onRoute', (route) => {
    const existing = route.onRequest
      ? Array.isArray(route.onRequest)
        ? route.onRequest
        : [route.onRequest]
      : [];
    route.onRequest = [...existing, authenticate];
  });
}

/** A session still in force at `now`: not expired, not idle too long, its user active. */
export function sessionInForce(session: SessionRecord, now: number, config: Config): boolean {
  const idleLimit = config.SESSION_IDLE_TIMEOUT_MINUTES * 60_000;
  return (
    session.expiresAt.getTime() > now &&
    now - session.lastSeenAt.getTime() <= idleLimit &&
    session.user.active
  );
}

async function authenticateRequest(
  request: FastifyRequest,
  reply: FastifyReply,
  db: Kysely<Database>,
  config: Config,
  clock: Clock,
) {
  const access = request.routeOptions.config.access ?? 'active';
  if (access === 'public') return;
  const token = sessionTokenOf(request, config);
  if (!token) throw unauthenticated();
  const store = authStore(db);
  const session = await store.findSession(sha256Hex(token));
  const now = clock.now().getTime();
  const idleLimit = config.SESSION_IDLE_TIMEOUT_MINUTES * 60_000;
  if (!session || !sessionInForce(session, now, config)) {
    if (session) await store.deleteSession(session.id);
    clearSessionCookie(reply, config);
    throw unauthenticated('session_expired', 'Your session has ended. Please sign in again.');
  }
  if (access === 'active' && session.stage !== 'active') {
    throw unauthenticated(`${session.stage}_required`, 'Finish signing in first');
  }
  if (!SAFE_METHODS.has(request.method)) {
    const header = request.headers['x-csrf-token'];
    if (typeof header !== 'string' || !safeEqual(header, session.csrfToken)) {
      throw new AppError(
        403,
        'csrf_failed',
        'The request could not be verified. Reload the page and try again.',
      );
    }
  }
  const byThePerson = request.routeOptions.config.keepsSessionAlive !== false;
  if (byThePerson && now - session.lastSeenAt.getTime() >= touchIntervalMs(idleLimit))
    await store.touchSession(session.id, new Date(now));
  request.session = session;
  request.actor = actorOf(session, new Date(now));
}
