import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../app-context.js';

/** PLACEHOLDER — Agreements and Phase 1 meetings. */
export function networkRoutes(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
