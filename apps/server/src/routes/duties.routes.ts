import { routes } from '@tandem/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../app-context.js';
import { listDuties, resolveDuty } from '../services/duties.service.js';
import { commandRoute } from './register.js';

/** Duties to inform her (docs/domain.md, "Duties to inform her"). */
export function dutyRoutes(ctx: AppContext): FastifyPluginAsync {
  const r = routes.duties;
  return async (app) => {
    commandRoute(app, ctx, r.list, async (scope, { query }) => ({ items: await listDuties(scope, query) }));
    commandRoute(app, ctx, r.done, (scope, { params, body }) =>
      resolveDuty(scope, params.id, { kind: 'done', doneOn: body.doneOn, how: body.how }),
    );
    commandRoute(app, ctx, r.close, (scope, { params, body }) =>
      resolveDuty(scope, params.id, { kind: 'closed', reason: body.reason }),
    );
  };
}
