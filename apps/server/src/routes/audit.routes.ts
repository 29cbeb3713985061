import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../app-context.js';

/** PLACEHOLDER — The audit trail and the access log of a person. */
export function auditRoutes(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
