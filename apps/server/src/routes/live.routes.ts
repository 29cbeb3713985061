import { type LiveQuery, routes } from '@tandem/shared';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../app-context.js';
import { actorOf as actorOfSession, authStore } from '../data/auth.store.js';
import { inCommandScope } from '../data/transaction.js';
import { sessionInForce } from '../http/authentication.js';
import { checkLiveTopics, seesSignal } from '../live/live.service.js';
import type { LiveSignal } from '../live/live-tables.js';
import { registerRoute } from './register.js';
import { scopeDependencies } from './route-helpers.js';

/** Signals that arrive together are judged together: a command writes several rows at once. */
const GATHER_MS = 150;

/**
 * The live stream (README, "Live updates"): rate limit → authenticate → validate as every route,
 * the topics checked through the reader's policy, then server-sent events until `seconds` pass.
 * Each signal is judged again for this reader, with their session as it is at that moment: an
 * ended session ends the stream.
 */
export const liveRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    // Open streams end when the server closes, so that it need not wait out their lifetime.
    const open = new Set<() => void>();
    app.addHook('onClose', async () => {
      for (const end of open) end();
    });
    registerRoute(app, routes.live.stream, async ({ query }, request, reply) => {
      await runAsReader(ctx, request, (scope) => checkLiveTopics(scope, query.topics));
      stream(ctx, request, reply, query, open);
      return { bytes: '', filename: '' };
    });
  };

function stream(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  query: z.output<typeof LiveQuery>,
  open: Set<() => void>,
) {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    ...(reply.getHeaders() as Record<string, string>),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no',
  });
  // The browser opens the stream again two seconds after it ends.
  raw.write('retry: 2000\n\n');
  let pending: LiveSignal[] = [];
  let gathering: NodeJS.Timeout | null = null;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    open.delete(end);
    unsubscribe();
    clearTimeout(lifetime);
    if (gathering) clearTimeout(gathering);
    raw.end();
  };
  const deliver = async () => {
    gathering = null;
    const signals = pending;
    pending = [];
    try {
      const changed = await runAsReader(ctx, request, async (scope) => {
        const topics = new Set<string>();
        for (const signal of signals) {
          const unseen = signal.topics.filter((topic) => query.topics.includes(topic) && !topics.has(topic));
          if (unseen.length > 0 && (await seesSignal(scope, signal)))
            for (const topic of unseen) topics.add(topic);
        }
        return [...topics];
      });
      for (const topic of changed)
        if (!ended) raw.write(`event: change\ndata: ${JSON.stringify({ topic })}\n\n`);
    } catch {
      end();
    }
  };
  const unsubscribe = ctx.changeFeed.subscribe(query.topics, (signal) => {
    pending.push(signal);
    gathering ??= setTimeout(() => void deliver(), GATHER_MS);
  });
  const lifetime = setTimeout(end, query.seconds * 1000);
  open.add(end);
  raw.on('close', end);
}

/** The reader's command, with their session read again: the stream outlives the request's check. */
async function runAsReader<T>(
  ctx: AppContext,
  request: FastifyRequest,
  work: Parameters<typeof inCommandScope<T>>[4],
): Promise<T> {
  const session = request.session ? await authStore(ctx.db).findSession(request.session.id) : null;
  const now = ctx.clock.now();
  if (!session || !sessionInForce(session, now.getTime(), ctx.config) || session.stage !== 'active')
    throw new Error('The session has ended');
  return inCommandScope(ctx.db, scopeDependencies(ctx), actorOfSession(session, now), request.id, work);
}
