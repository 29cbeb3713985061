import { AuditEventView, AuditListQuery, pageOf } from '@tandem/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.js';
import { runCommand, standardErrors } from './route-helpers.js';

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'Audit events the actor may read, newest first',
          querystring: AuditListQuery,
          response: { 200: pageOf(AuditEventView), ...standardErrors },
        },
      },
      async (request) => runCommand(ctx, request, (scope) => scope.audit.list(request.query)),
    );
  };
}
