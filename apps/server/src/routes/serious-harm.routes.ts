import { routes } from '@tandem/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../app-context.js';
import {
  decideSeriousHarmShare,
  proposeSeriousHarmShare,
  receivedSeriousHarmShares,
  recordSeriousHarmTelling,
  reviewSeriousHarmShare,
  seriousHarmReviewList,
  seriousHarmSharesOfHer,
} from '../services/victim-file/serious-harm.service.js';
import { seriousHarmStatistics } from '../services/victim-file/serious-harm-statistics.service.js';
import { commandRoute, reportRoute } from './register.js';

/** Sharing without her consent where someone is at risk of serious harm (docs/domain.md, rule 4). */
export function seriousHarmRoutes(ctx: AppContext): FastifyPluginAsync {
  const r = routes.seriousHarm;
  return async (app) => {
    commandRoute(app, ctx, r.listOfHer, (scope, { params }) => seriousHarmSharesOfHer(scope, params.id));
    commandRoute(app, ctx, r.propose, (scope, { params, body }) =>
      proposeSeriousHarmShare(scope, params.id, body),
    );
    commandRoute(app, ctx, r.decide, (scope, { params, body }) =>
      decideSeriousHarmShare(scope, params.id, body),
    );
    commandRoute(app, ctx, r.recordTelling, (scope, { params, body }) =>
      recordSeriousHarmTelling(scope, params.id, body),
    );
    commandRoute(app, ctx, r.received, (scope) => receivedSeriousHarmShares(scope));
    commandRoute(app, ctx, r.reviewList, (scope) => seriousHarmReviewList(scope));
    commandRoute(app, ctx, r.review, (scope, { params, body }) =>
      reviewSeriousHarmShare(scope, params.id, body),
    );
    reportRoute(app, ctx, r.statistics, (scope, { params, query }) =>
      seriousHarmStatistics(scope, params.id, query),
    );
  };
}
