import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../app-context.js';

/** PLACEHOLDER — Phase 2 meetings, the joint action plan, printable records. */
export function meetingRoutes(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
