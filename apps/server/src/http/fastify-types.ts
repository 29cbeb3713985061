import type { SessionRecord } from '../data/auth.store.js';
import type { Actor } from '../policy/actor.js';

/**
 * How a route is reached. Routes under /api are 'active' unless they say otherwise:
 * deny by default, so a new route cannot forget to require a full sign-in.
 */
export type RouteAccess = 'public' | 'signed-in-any-stage' | 'active';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** False for calls a page makes by itself (the live stream): no refresh of the idle timer. */
    keepsSessionAlive?: boolean;
  }
  interface FastifyRequest {
    session: SessionRecord | null;
    actor: Actor | null;
  }
}
