import { routes } from '@tandem/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../app-context.js';
import { languageOf } from '../messages/language.js';
import {
  agreementView,
  createAgreement,
  listAgreements,
} from '../services/organisation/agreements.service.js';
import { listPhase1Meetings, recordPhase1Meeting } from '../services/organisation/phase1.service.js';
import { networkStatisticsExport } from '../services/organisation/statistics-export.service.js';
import { commandRoute, reportRoute } from './register.js';

/** Organisation-level agreements, Phase 1 meetings and the network's figures as files. */
export function networkRoutes(ctx: AppContext): FastifyPluginAsync {
  const r = routes.network;
  return async (app) => {
    commandRoute(app, ctx, r.createAgreement, (scope, { body }) => createAgreement(scope, body));
    commandRoute(app, ctx, r.listAgreements, (scope, { query }) => listAgreements(scope, query));
    commandRoute(app, ctx, r.getAgreement, (scope, { params }) => agreementView(scope, params.id));
    commandRoute(app, ctx, r.recordPhase1Meeting, (scope, { body }) => recordPhase1Meeting(scope, body));
    for (const [route, format] of [
      [r.statisticsCsv, 'csv'],
      [r.statisticsXlsx, 'xlsx'],
      [r.statisticsJson, 'json'],
    ] as const)
      reportRoute(app, ctx, route, (scope, { params, query }, request) =>
        networkStatisticsExport(scope, params.id, query, format, languageOf(request)),
      );
    commandRoute(app, ctx, r.listPhase1Meetings, (scope, { query }) =>
      listPhase1Meetings(scope, query.networkId),
    );
  };
}
