import { routes } from '@tandem/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../app-context.js';
import { homeWorklist } from '../services/home.service.js';
import { jointCaseView, listJointCases } from '../services/joint-case/case-view.js';
import {
  addChild,
  childrenOfCase,
  childrenRiskLevels,
  recordChildAssessment,
  removeChild,
} from '../services/joint-case/children.service.js';
import { closeJointCase } from '../services/joint-case/close.service.js';
import { recordCriticalEvent, recordInformalContact } from '../services/joint-case/events.service.js';
import { openJointCase } from '../services/joint-case/open.service.js';
import { commandRoute } from './register.js';

/** Joint cases, critical events, informal contacts, the children of a case, the home page (docs/domain.md, "Joint case"). */
export function caseRoutes(ctx: AppContext): FastifyPluginAsync {
  const r = routes.cases;
  return async (app) => {
    commandRoute(app, ctx, r.home, (scope) => homeWorklist(scope));
    commandRoute(app, ctx, r.open, (scope, { body }) => openJointCase(scope, body));
    commandRoute(app, ctx, r.list, (scope, { query }) => listJointCases(scope, query));
    commandRoute(app, ctx, r.get, (scope, { params }) => jointCaseView(scope, params.id));
    commandRoute(app, ctx, r.close, (scope, { params, body }) => closeJointCase(scope, params.id, body));
    commandRoute(app, ctx, r.recordInformalContact, (scope, { params, body }) =>
      recordInformalContact(scope, params.id, body),
    );
    commandRoute(app, ctx, r.recordCriticalEvent, (scope, { params, body }) =>
      recordCriticalEvent(scope, params.id, body),
    );
    commandRoute(app, ctx, r.children, (scope, { params }) => childrenOfCase(scope, params.id));
    commandRoute(app, ctx, r.addChild, (scope, { params, body }) => addChild(scope, params.id, body.childId));
    commandRoute(app, ctx, r.removeChild, (scope, { params }) =>
      removeChild(scope, params.id, params.childId),
    );
    commandRoute(app, ctx, r.recordChildAssessment, (scope, { params, body }) =>
      recordChildAssessment(scope, params.id, body),
    );
    commandRoute(app, ctx, r.childrenRisk, (scope) => childrenRiskLevels(scope));
  };
}
