import {
  AgreementCreate,
  AgreementListQuery,
  AgreementView,
  IdParams,
  Phase1MeetingCreate,
  Phase1MeetingView,
} from '@tandem/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.js';
import { runCommand, standardErrors } from './route-helpers.js';

const tags = ['network'];

/** Organisation-level agreements and Phase 1 meetings (DOMAIN.md §2 steps 1-2). */
export function networkRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/agreements',
      {
        schema: {
          tags,
          summary: 'Record an organisation-level Multi-Agency Standard Agreement',
          body: AgreementCreate,
          response: { 201: AgreementView, ...standardErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await runCommand(ctx, request, (scope) => scope.agreements.create(request.body))),
    );
    app.get(
      '/agreements',
      {
        schema: {
          tags,
          summary: 'Agreements the user’s agency is party to (or coordinates)',
          querystring: AgreementListQuery,
          response: {
            200: z.object({ items: z.array(AgreementView), nextCursor: z.null() }),
            ...standardErrors,
          },
        },
      },
      async (request) => runCommand(ctx, request, (scope) => scope.agreements.list(request.query)),
    );
    app.get(
      '/agreements/:id',
      {
        schema: {
          tags,
          summary: 'One agreement',
          params: IdParams,
          response: { 200: AgreementView, ...standardErrors },
        },
      },
      async (request) => runCommand(ctx, request, (scope) => scope.agreements.get(request.params.id)),
    );
    app.post(
      '/phase1-meetings',
      {
        schema: {
          tags,
          summary: 'Record the Phase 1 team meeting',
          body: Phase1MeetingCreate,
          response: { 201: Phase1MeetingView, ...standardErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await runCommand(ctx, request, (scope) => scope.agreements.recordPhase1Meeting(request.body)),
          ),
    );
    app.get(
      '/phase1-meetings',
      {
        schema: {
          tags,
          summary: 'Phase 1 meetings of the user’s networks',
          querystring: z.object({ networkId: z.uuid().optional() }),
          response: { 200: z.object({ items: z.array(Phase1MeetingView) }), ...standardErrors },
        },
      },
      async (request) => ({
        items: await runCommand(ctx, request, (scope) =>
          scope.agreements.phase1Meetings(request.query.networkId),
        ),
      }),
    );
  };
}
