import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../app-context.js';

/** PLACEHOLDER — Joint cases, critical events, informal contacts, children, the home page. */
export function caseRoutes(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
