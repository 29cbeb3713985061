import { routes } from '@tandem/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../app-context.js';
import {
  directoryEntry,
  listDirectory,
  writeDirectoryEntry,
} from '../services/organisation/directory.service.js';
import { commandRoute } from './register.js';

/** The service directory (routes.directory): read by every signed-in user, written by the agency's admin. */
export function directoryRoutes(ctx: AppContext): FastifyPluginAsync {
  const r = routes.directory;
  return async (app) => {
    commandRoute(app, ctx, r.list, (scope, { query }) => listDirectory(scope, query));
    commandRoute(app, ctx, r.get, (scope, { params }) => directoryEntry(scope, params.agencyId));
    commandRoute(app, ctx, r.update, (scope, { params, body }) =>
      writeDirectoryEntry(scope, params.id, body),
    );
  };
}
