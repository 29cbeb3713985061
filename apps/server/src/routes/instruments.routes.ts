import { routes } from '@tandem/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../app-context.js';
import { agreeLevel, confirmLowering } from '../services/instruments/agreed-level.service.js';
import { recordConsultation } from '../services/instruments/consultation.service.js';
import { findDefinition, listDefinitions } from '../services/instruments/definitions.service.js';
import { digitalViolenceView } from '../services/instruments/digital-violence.service.js';
import { dueForMe } from '../services/instruments/due.service.js';
import { hisRiskFactorsView } from '../services/instruments/his-risk-factors.service.js';
import { impactView } from '../services/instruments/impact.service.js';
import { jointRiskView } from '../services/instruments/joint-risk.service.js';
import { recidivismView, recordRecidivism } from '../services/instruments/recidivism.service.js';
import { recordResponse } from '../services/instruments/responses.service.js';
import { riskDivergenceStatistics } from '../services/instruments/risk-divergence.service.js';
import { commandRoute, reportRoute } from './register.js';

/** Instruments, the joint risk assessment, recidivism, IMPACT and what is due (docs/domain.md, "The tools"). */
export function instrumentRoutes(ctx: AppContext): FastifyPluginAsync {
  const r = routes.instruments;
  return async (app) => {
    commandRoute(app, ctx, r.definitions, (scope) => listDefinitions(scope));
    commandRoute(app, ctx, r.definition, (scope, { params }) =>
      findDefinition(scope, params.instrumentId, params.version),
    );
    commandRoute(app, ctx, r.record, (scope, { body }) => recordResponse(scope, body));
    commandRoute(app, ctx, r.jointRisk, (scope, { params }) => jointRiskView(scope, params.id));
    reportRoute(app, ctx, r.riskDivergence, (scope, { params, query }) =>
      riskDivergenceStatistics(scope, params.id, query),
    );
    commandRoute(app, ctx, r.agreeLevel, (scope, { params, body }) => agreeLevel(scope, params.id, body));
    commandRoute(app, ctx, r.recordConsultation, (scope, { params, body }) =>
      recordConsultation(scope, params.id, body),
    );
    commandRoute(app, ctx, r.confirmLowering, (scope, { params, body }) =>
      confirmLowering(scope, params.id, body),
    );
    commandRoute(app, ctx, r.recordRecidivism, (scope, { params, body }) =>
      recordRecidivism(scope, params.id, body),
    );
    commandRoute(app, ctx, r.recidivism, (scope, { params, query }) =>
      recidivismView(scope, params.id, query.period),
    );
    commandRoute(app, ctx, r.impact, (scope, { params }) => impactView(scope, params.id));
    commandRoute(app, ctx, r.digitalViolence, (scope, { params }) => digitalViolenceView(scope, params.id));
    commandRoute(app, ctx, r.hisRiskFactors, (scope, { params }) => hisRiskFactorsView(scope, params.id));
    commandRoute(app, ctx, r.due, async (scope) => ({ items: await dueForMe(scope) }));
  };
}
