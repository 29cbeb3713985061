import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../app-context.js';

/** PLACEHOLDER — Her file on the victim side: support episodes, consents, contact preferences, partner contact, disclosures and shares, safety plans. */
export function victimRoutes(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
