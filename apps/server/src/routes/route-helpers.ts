import { ErrorResponse } from '@tandem/shared';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../app-context.js';
import type { CommandScope, ScopeDependencies } from '../data/command-scope.js';
import { inCommandScope, inReportScope } from '../data/transaction.js';
import { unauthenticated } from '../domain/errors.js';
import type { Actor } from '../policy/actor.js';

/** The signed-in actor of a request; the authentication hook has already refused anyone else. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}

/** Runs a route's command in one audited transaction through the actor's policy-bound data scope. */
export function runCommand<T>(
  ctx: AppContext,
  request: FastifyRequest,
  work: (scope: CommandScope) => Promise<T>,
) {
  return inCommandScope(ctx.db, scopeDependencies(ctx), actorOf(request), request.id, work);
}

/** Runs a report (dashboard, export) where reports read (data/transaction.ts, `inReportScope`). */
export function runReport<T>(
  ctx: AppContext,
  request: FastifyRequest,
  work: (scope: CommandScope) => Promise<T>,
) {
  return inReportScope(ctx.readDb, ctx.db, scopeDependencies(ctx), actorOf(request), request.id, work);
}

/** What every command's scope is built with, from the app's context. */
export function scopeDependencies(ctx: AppContext): ScopeDependencies {
  return {
    cipher: ctx.cipher,
    clock: ctx.clock,
    settings: {
      dutyDueWorkingDays: ctx.config.DUTY_DUE_WORKING_DAYS,
      escalationRules: ctx.escalationRules,
    },
    liveSchema: ctx.changeFeed.schema,
  };
}

/** Error answers every route may give, for the OpenAPI document. */
export const standardErrors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  429: ErrorResponse,
} as const;
