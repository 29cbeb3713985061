import {
  AttendanceCreate,
  IdParams,
  PpEpisodeListQuery,
  PpEpisodeSummary,
  PpEpisodeUpdate,
  PpEpisodeView,
  pageOf,
  ReferralCreate,
  ReleaseCreate,
  StatusChange,
} from '@tandem/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.js';
import { runCommand, standardErrors } from './route-helpers.js';

const tags = ['programme episodes'];

/** Referral, intake, status, attendance and his release: the programme's side (DOMAIN.md §2 step 3). */
export function perpetratorSideRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/referrals',
      {
        schema: {
          tags,
          summary: 'Record a referral: the man and his programme episode',
          body: ReferralCreate,
          response: { 201: PpEpisodeView, ...standardErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await runCommand(ctx, request, (scope) => scope.ppEpisodes.refer(request.body))),
    );
    app.get(
      '/pp-episodes',
      {
        schema: {
          tags,
          summary: 'Programme episodes the user may see, newest referral first',
          querystring: PpEpisodeListQuery,
          response: { 200: pageOf(PpEpisodeSummary), ...standardErrors },
        },
      },
      async (request) => runCommand(ctx, request, (scope) => scope.ppEpisodes.list(request.query)),
    );
    app.get(
      '/pp-episodes/:id',
      {
        schema: {
          tags,
          summary: 'One programme episode',
          params: IdParams,
          response: { 200: PpEpisodeView, ...standardErrors },
        },
      },
      async (request) => runCommand(ctx, request, (scope) => scope.ppEpisodes.get(request.params.id)),
    );
    app.patch(
      '/pp-episodes/:id',
      {
        schema: {
          tags,
          summary: 'Intake, assessment and programme details',
          params: IdParams,
          body: PpEpisodeUpdate,
          response: { 200: PpEpisodeView, ...standardErrors },
        },
      },
      async (request) =>
        runCommand(ctx, request, (scope) => scope.ppEpisodes.update(request.params.id, request.body)),
    );
    app.post(
      '/pp-episodes/:id/status',
      {
        schema: {
          tags,
          summary:
            'Change the programme status (suspension, dropout and exclusion raise duties to inform her)',
          params: IdParams,
          body: StatusChange,
          response: { 200: PpEpisodeView, ...standardErrors },
        },
      },
      async (request) =>
        runCommand(ctx, request, (scope) => scope.ppEpisodes.changeStatus(request.params.id, request.body)),
    );
    app.post(
      '/pp-episodes/:id/attendance',
      {
        schema: {
          tags,
          summary: 'Record attendance at a session',
          params: IdParams,
          body: AttendanceCreate,
          response: { 200: PpEpisodeView, ...standardErrors },
        },
      },
      async (request) =>
        runCommand(ctx, request, (scope) =>
          scope.ppEpisodes.recordAttendance(request.params.id, request.body),
        ),
    );
    app.post(
      '/pp-episodes/:id/release',
      {
        schema: {
          tags,
          summary:
            'His signed release of information and the partners he named (sent to the victim side for partner contact)',
          params: IdParams,
          body: ReleaseCreate,
          response: { 200: PpEpisodeView, ...standardErrors },
        },
      },
      async (request) =>
        runCommand(ctx, request, (scope) => scope.ppEpisodes.recordRelease(request.params.id, request.body)),
    );
  };
}
