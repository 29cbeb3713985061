import { LANGUAGES, routes } from '@tandem/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../app-context.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../seed/demo-network.js';
import { registerRoute } from './register.js';

/** What anyone may ask before signing in (routes.system): liveness, and what the sign-in page shows. */
export function systemRoutes(ctx: AppContext): FastifyPluginAsync {
  const r = routes.system;
  return async (app) => {
    registerRoute(app, r.health, async () => ({ status: 'ok' as const }), { rateLimit: false });
    registerRoute(app, r.publicConfig, async () => ({
      demoMode: ctx.config.DEMO_MODE,
      languages: [...LANGUAGES],
      demoAccounts: ctx.config.DEMO_MODE
        ? DEMO_ACCOUNTS.map((account) => ({
            email: account.email,
            displayName: account.displayName,
            roles: account.roles,
            agencyName: account.agency ?? null,
          }))
        : [],
      demoPassword: ctx.config.DEMO_MODE ? DEMO_PASSWORD : null,
    }));
  };
}
