import { LANGUAGES, PublicConfig } from '@tandem/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../seed/demo-network.js';

export function systemRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        config: { access: 'public', rateLimit: false },
        schema: {
          tags: ['system'],
          summary: 'Liveness',
          response: { 200: z.object({ status: z.literal('ok') }) },
        },
      },
      async () => ({ status: 'ok' as const }),
    );
    app.get(
      '/public/config',
      {
        config: { access: 'public' },
        schema: {
          tags: ['system'],
          summary: 'What the sign-in page needs to know',
          response: { 200: PublicConfig },
        },
      },
      async () => ({
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
      }),
    );
  };
}
