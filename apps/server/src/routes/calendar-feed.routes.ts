import { LANGUAGES, type Language, routes } from '@tandem/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../app-context.js';
import { actorOf, authStore } from '../data/auth.store.js';
import { inCommandScope } from '../data/transaction.js';
import { notFound } from '../domain/errors.js';
import { sha256Hex } from '../security/tokens.js';
import {
  calendarFeed,
  calendarFeedStatus,
  createCalendarFeed,
  revokeCalendarFeed,
} from '../services/calendar-feed.service.js';
import { commandRoute, registerRoute } from './register.js';
import { scopeDependencies } from './route-helpers.js';

/**
 * The personal calendar feed (routes.calendarFeed). The user manages their own token with their
 * session; the feed itself has no session: the token names its owner (found by its hash, as a
 * session is), and the feed is then computed as that owner, in one audited command through their
 * own policy-bound scope — the same path their home page takes, never past the policy.
 */
export function calendarFeedRoutes(ctx: AppContext): FastifyPluginAsync {
  const r = routes.calendarFeed;
  return async (app) => {
    commandRoute(app, ctx, r.status, (scope) => calendarFeedStatus(scope));
    commandRoute(app, ctx, r.create, (scope) => createCalendarFeed(scope, ctx.config));
    commandRoute(app, ctx, r.revoke, (scope) => revokeCalendarFeed(scope));
    registerRoute(app, r.feed, async ({ params }, request, reply) => {
      const owner = await authStore(ctx.db).calendarFeedOwner(sha256Hex(params.token));
      // Unknown, replaced, revoked, or its owner no longer active: the one answer for "not found".
      if (!owner) throw notFound();
      const language: Language = LANGUAGES.includes(owner.user.language as Language)
        ? (owner.user.language as Language)
        : 'en';
      const answer = await inCommandScope(
        ctx.db,
        scopeDependencies(ctx),
        actorOf(owner, ctx.clock.now()),
        request.id,
        (scope) => calendarFeed(scope, ctx.config, language),
      );
      reply.header('cache-control', 'no-store');
      return answer;
    });
  };
}
