import {
  AgencyCreate,
  AgencyListQuery,
  AgencyUpdate,
  AgencyView,
  IdParams,
  NetworkCreate,
  NetworkView,
  PageQuery,
  pageOf,
  UserCreate,
  UserCreated,
  UserListQuery,
  UserUpdate,
  UserView,
} from '@tandem/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.js';
import {
  administerStaffAccount,
  createStaffAccount,
  resetStaffPassword,
  updateStaffAccount,
} from '../services/staff.service.js';
import { runCommand, standardErrors } from './route-helpers.js';

/** Networks, agencies and staff accounts. Each handler: validate (schema) → transaction → service. */
export function adminRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/networks',
      {
        schema: {
          tags: ['networks'],
          summary: 'List networks',
          querystring: PageQuery,
          response: { 200: pageOf(NetworkView), ...standardErrors },
        },
      },
      async (request) => runCommand(ctx, request, (scope) => scope.networks.list(request.query)),
    );
    app.post(
      '/networks',
      {
        schema: {
          tags: ['networks'],
          summary: 'Create a network (system admin)',
          body: NetworkCreate,
          response: { 201: NetworkView, ...standardErrors },
        },
      },
      async (request, reply) => {
        const network = await runCommand(ctx, request, (scope) => scope.networks.create(request.body));
        return reply.status(201).send(network);
      },
    );

    app.get(
      '/agencies',
      {
        schema: {
          tags: ['agencies'],
          summary: 'List agencies (the service directory)',
          querystring: AgencyListQuery,
          response: { 200: pageOf(AgencyView), ...standardErrors },
        },
      },
      async (request) => runCommand(ctx, request, (scope) => scope.agencies.list(request.query)),
    );
    app.post(
      '/agencies',
      {
        schema: {
          tags: ['agencies'],
          summary: 'Create an agency (system admin)',
          body: AgencyCreate,
          response: { 201: AgencyView, ...standardErrors },
        },
      },
      async (request, reply) => {
        const agency = await runCommand(ctx, request, (scope) => scope.agencies.create(request.body));
        return reply.status(201).send(agency);
      },
    );
    app.patch(
      '/agencies/:id',
      {
        schema: {
          tags: ['agencies'],
          summary: 'Change an agency (system admin)',
          params: IdParams,
          body: AgencyUpdate,
          response: { 200: AgencyView, ...standardErrors },
        },
      },
      async (request) =>
        runCommand(ctx, request, (scope) => scope.agencies.update(request.params.id, request.body)),
    );

    app.get(
      '/users',
      {
        schema: {
          tags: ['users'],
          summary: 'List staff accounts the actor administers',
          querystring: UserListQuery,
          response: { 200: pageOf(UserView), ...standardErrors },
        },
      },
      async (request) => runCommand(ctx, request, (scope) => scope.users.list(request.query)),
    );
    app.post(
      '/users',
      {
        schema: {
          tags: ['users'],
          summary: 'Create a staff account with a temporary password',
          body: UserCreate,
          response: { 201: UserCreated, ...standardErrors },
        },
      },
      async (request, reply) => {
        const created = await runCommand(ctx, request, (scope) => createStaffAccount(scope, request.body));
        return reply.status(201).send(created);
      },
    );
    app.get(
      '/users/:id',
      {
        schema: {
          tags: ['users'],
          summary: 'One staff account',
          params: IdParams,
          response: { 200: UserView, ...standardErrors },
        },
      },
      async (request) => runCommand(ctx, request, (scope) => scope.users.get(request.params.id)),
    );
    app.patch(
      '/users/:id',
      {
        schema: {
          tags: ['users'],
          summary: 'Change name, roles, side or language',
          params: IdParams,
          body: UserUpdate,
          response: { 200: UserView, ...standardErrors },
        },
      },
      async (request) =>
        runCommand(ctx, request, (scope) => updateStaffAccount(scope, request.params.id, request.body)),
    );

    const administration = [
      ['deactivate', 'deactivate', 'Deactivate an account and end its sessions'],
      ['reactivate', 'reactivate', 'Reactivate an account'],
      ['unlock', 'unlock', 'Lift a sign-in lockout'],
      ['reset-mfa', 'reset_mfa', 'Make the account enrol its second factor again'],
    ] as const;
    for (const [path, kind, summary] of administration) {
      app.post(
        `/users/:id/${path}`,
        {
          schema: {
            tags: ['users'],
            summary,
            params: IdParams,
            response: { 200: UserView, ...standardErrors },
          },
        },
        async (request) =>
          runCommand(ctx, request, (scope) => administerStaffAccount(scope, request.params.id, kind)),
      );
    }
    app.post(
      '/users/:id/reset-password',
      {
        schema: {
          tags: ['users'],
          summary: 'Issue a new temporary password',
          params: IdParams,
          response: { 200: UserCreated, ...standardErrors },
        },
      },
      async (request) => runCommand(ctx, request, (scope) => resetStaffPassword(scope, request.params.id)),
    );
  };
}
