import {
  AgreedLevelCreate,
  DueItem,
  IdParams,
  ImpactView,
  InstrumentDefinition,
  JointRiskView,
  RecidivismComparison,
  RecidivismCreate,
  ResponseCreate,
  ResponseView,
} from '@tandem/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.js';
import { notFound } from '../http/errors.js';
import { getDefinition, latestDefinitions } from '../instruments/registry.js';
import { runCommand, standardErrors } from './route-helpers.js';

const tags = ['instruments'];

/** Instrument definitions, responses, the joint risk assessment, recidivism and IMPACT (DOMAIN.md §3). */
export function instrumentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/instruments',
      {
        schema: {
          tags,
          summary: 'The newest version of every instrument',
          response: { 200: z.object({ items: z.array(InstrumentDefinition) }), ...standardErrors },
        },
      },
      async () => ({ items: await latestDefinitions(ctx.db) }),
    );
    app.get(
      '/instruments/:instrumentId/versions/:version',
      {
        schema: {
          tags,
          summary:
            'One version of an instrument (old answers are read with the version they were given under)',
          params: z.object({ instrumentId: z.string().max(100), version: z.coerce.number().int().min(1) }),
          response: { 200: InstrumentDefinition, ...standardErrors },
        },
      },
      async (request) => {
        const definition = await getDefinition(ctx.db, request.params.instrumentId, request.params.version);
        if (!definition) throw notFound();
        return definition;
      },
    );
    app.post(
      '/instrument-responses',
      {
        schema: {
          tags,
          summary:
            'Record a completed checklist or questionnaire; the level is computed by the instrument’s rule',
          body: ResponseCreate,
          response: { 201: ResponseView, ...standardErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await runCommand(ctx, request, (scope) => scope.instruments.record(request.body))),
    );
    app.get(
      '/joint-cases/:id/risk',
      {
        schema: {
          tags,
          summary: 'Joint risk assessment: both checklists item by item, divergences, agreed level, history',
          params: IdParams,
          response: { 200: JointRiskView, ...standardErrors },
        },
      },
      async (request) => runCommand(ctx, request, (scope) => scope.instruments.jointRisk(request.params.id)),
    );
    app.post(
      '/joint-cases/:id/agreed-level',
      {
        schema: {
          tags,
          summary: 'Record the agreed risk level and its rationale; sets the next reassessment',
          params: IdParams,
          body: AgreedLevelCreate,
          response: { 200: JointRiskView, ...standardErrors },
        },
      },
      async (request) =>
        runCommand(ctx, request, (scope) => scope.instruments.agreeLevel(request.params.id, request.body)),
    );
    app.post(
      '/joint-cases/:id/recidivism',
      {
        schema: {
          tags,
          summary: 'Record a recidivism episode with its source',
          params: IdParams,
          body: RecidivismCreate,
          response: { 201: z.object({ id: z.uuid() }), ...standardErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send({
          id: await runCommand(ctx, request, (scope) =>
            scope.instruments.recordRecidivism(request.params.id, request.body),
          ),
        }),
    );
    app.get(
      '/joint-cases/:id/recidivism',
      {
        schema: {
          tags,
          summary: 'What each source reports per period; possible minimisation flagged',
          params: IdParams,
          querystring: z.object({ period: z.enum(['month', 'quarter']).default('month') }),
          response: { 200: RecidivismComparison, ...standardErrors },
        },
      },
      async (request) =>
        runCommand(ctx, request, (scope) =>
          scope.instruments.recidivism(request.params.id, request.query.period),
        ),
    );
    app.get(
      '/joint-cases/:id/impact',
      {
        schema: {
          tags,
          summary: 'IMPACT time points T0-T4 with his and her scores',
          params: IdParams,
          response: { 200: ImpactView, ...standardErrors },
        },
      },
      async (request) => runCommand(ctx, request, (scope) => scope.instruments.impact(request.params.id)),
    );
    app.get(
      '/due',
      {
        schema: {
          tags,
          summary: 'Reassessments and questionnaires due or overdue in my joint cases',
          response: { 200: z.object({ items: z.array(DueItem) }), ...standardErrors },
        },
      },
      async (request) => ({ items: await runCommand(ctx, request, (scope) => scope.instruments.due()) }),
    );
  };
}
