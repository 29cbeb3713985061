import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../app-context.js';

/** PLACEHOLDER — Staff accounts, agencies, networks, the staff directory. */
export function adminRoutes(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
