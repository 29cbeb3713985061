import { routes } from '@tandem/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../app-context.js';
import { accessLog } from '../services/audit/access-log.service.js';
import { listAuditEvents } from '../services/audit/audit-list.service.js';
import { commandRoute } from './register.js';

/** The audit trail and the access log of a person. */
export function auditRoutes(ctx: AppContext): FastifyPluginAsync {
  const r = routes.audit;
  return async (app) => {
    commandRoute(app, ctx, r.list, (scope, { query }) => listAuditEvents(scope, query));
    commandRoute(app, ctx, r.accessLog, async (scope, { params }) => ({
      items: await accessLog(scope, params.id),
    }));
  };
}
