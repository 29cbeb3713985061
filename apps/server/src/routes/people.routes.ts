import { routes } from '@tandem/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../app-context.js';
import { personView, recordChild, searchPeople, updateContact } from '../services/people.service.js';
import { commandRoute } from './register.js';

/** People and search. */
export function peopleRoutes(ctx: AppContext): FastifyPluginAsync {
  const r = routes.people;
  return async (app) => {
    commandRoute(app, ctx, r.search, async (scope, { query }) => ({
      items: await searchPeople(scope, query),
    }));
    commandRoute(app, ctx, r.get, (scope, { params }) => personView(scope, params.id));
    commandRoute(app, ctx, r.updateContact, (scope, { params, body }) =>
      updateContact(scope, params.id, body),
    );
    commandRoute(app, ctx, r.recordChild, (scope, { body }) => recordChild(scope, body));
  };
}
