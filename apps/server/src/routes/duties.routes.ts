import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../app-context.js';

/** PLACEHOLDER — Duties to inform her. */
export function dutyRoutes(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
