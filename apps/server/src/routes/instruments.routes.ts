import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../app-context.js';

/** PLACEHOLDER — Instruments, the joint risk assessment, recidivism, IMPACT, what is due. */
export function instrumentRoutes(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
