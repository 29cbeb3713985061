import { ErrorResponse, isFileResponse, type RouteArgs, type RouteDefinition } from '@tandem/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../app-context.js';
import type { CommandScope } from '../data/command-scope.js';
import { runCommand, runReport } from './route-helpers.js';

/** Error answers every route may give, for the OpenAPI document. */
const STANDARD_ERRORS = [400, 401, 403, 404, 409, 429] as const;

/** A file answer (PDF, iCalendar): its bytes and the name it is saved under. */
export interface FileAnswer {
  bytes: Buffer | string;
  filename: string;
}

/** What a handler returns: the JSON the response schema describes, or a file. */
export type HandlerOutput<D extends RouteDefinition> = D['response'] extends z.ZodType
  ? z.input<D['response']>
  : FileAnswer;

type Handler<D extends RouteDefinition> = (
  args: RouteArgs<D>,
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<HandlerOutput<D>>;

/**
 * Registers one route of the shared route table. The fixed order of every route — rate limit →
 * authenticate → validate → transaction → service — comes from the hooks of the /api plugin
 * (app.ts) and from `commandRoute` below; a handler only calls its service.
 */
export function registerRoute<D extends RouteDefinition>(
  app: FastifyInstance,
  definition: D,
  handler: Handler<D>,
  /** A route's own rate limit, or `false` to exempt it (the health check). */
  options: { rateLimit?: { max: number; timeWindow: number } | false } = {},
): void {
  const errors = Object.fromEntries(
    [...STANDARD_ERRORS, ...(definition.errors ?? [])].map((status) => [status, ErrorResponse]),
  );
  const file = isFileResponse(definition.response);
  app.route({
    method: definition.method,
    url: definition.path,
    config: {
      access: definition.access ?? 'active',
      ...(definition.keepsSessionAlive === false && { keepsSessionAlive: false }),
      ...(options.rateLimit !== undefined && { rateLimit: options.rateLimit }),
    },
    schema: {
      tags: [...definition.tags],
      summary: definition.summary,
      ...(definition.params && { params: definition.params }),
      ...(definition.query && { querystring: definition.query }),
      ...(definition.body && { body: definition.body }),
      ...(file
        ? { produces: [(definition.response as { file: string }).file], response: errors }
        : { response: { [definition.status]: definition.response, ...errors } }),
    },
    handler: async (request, reply) => {
      const args = { params: request.params, query: request.query, body: request.body } as RouteArgs<D>;
      const result = await handler(args, request, reply);
      // A stream (the live updates) has answered by itself, on the raw connection.
      if (reply.sent) return reply;
      reply.status(definition.status);
      if (file) {
        const answer = result as FileAnswer;
        return reply
          .type((definition.response as { file: string }).file)
          .header('content-disposition', `attachment; filename="${answer.filename}"`)
          .send(answer.bytes);
      }
      return result;
    },
  });
}

/** A signed-in user's command: one audited transaction through the actor's policy-bound scope. */
export function commandRoute<D extends RouteDefinition>(
  app: FastifyInstance,
  ctx: AppContext,
  definition: D,
  handler: (scope: CommandScope, args: RouteArgs<D>, request: FastifyRequest) => Promise<HandlerOutput<D>>,
): void {
  registerRoute(app, definition, (args, request) =>
    runCommand(ctx, request, (scope) => handler(scope, args, request)),
  );
}

/**
 * A report: figures for dashboards and exports, read where reports read (the streaming replica
 * when DATABASE_READ_URL is set) through the same scope, audited on the primary.
 */
export function reportRoute<D extends RouteDefinition>(
  app: FastifyInstance,
  ctx: AppContext,
  definition: D,
  handler: (scope: CommandScope, args: RouteArgs<D>, request: FastifyRequest) => Promise<HandlerOutput<D>>,
): void {
  registerRoute(app, definition, (args, request) =>
    runReport(ctx, request, (scope) => handler(scope, args, request)),
  );
}
