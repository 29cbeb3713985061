import { routes } from '@tandem/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../app-context.js';
import { episodeView } from '../services/programme/episode-view.js';
import {
  changeStatus,
  listEpisodes,
  recordAttendance,
  refer,
  updateEpisode,
} from '../services/programme/referral.service.js';
import { recordRelease } from '../services/programme/release.service.js';
import { commandRoute } from './register.js';

/** His programme episode (docs/domain.md, "Referral and intake"). */
export function programmeRoutes(ctx: AppContext): FastifyPluginAsync {
  const r = routes.programme;
  return async (app) => {
    commandRoute(app, ctx, r.refer, (scope, { body }) => refer(scope, body));
    commandRoute(app, ctx, r.list, (scope, { query }) => listEpisodes(scope, query));
    commandRoute(app, ctx, r.get, (scope, { params }) => episodeView(scope, params.id));
    commandRoute(app, ctx, r.update, (scope, { params, body }) => updateEpisode(scope, params.id, body));
    commandRoute(app, ctx, r.changeStatus, (scope, { params, body }) => changeStatus(scope, params.id, body));
    commandRoute(app, ctx, r.recordAttendance, (scope, { params, body }) =>
      recordAttendance(scope, params.id, body),
    );
    commandRoute(app, ctx, r.recordRelease, (scope, { params, body }) =>
      recordRelease(scope, params.id, body),
    );
  };
}
