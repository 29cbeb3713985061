import { LANGUAGES, type Language, routes } from '@tandem/shared';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AppContext } from '../app-context.js';
import { actionsOfCase, createAction, updateAction } from '../services/meetings/action-plan.service.js';
import { addQualitativeNote, updateAgendaItem } from '../services/meetings/agenda.service.js';
import { meetingCalendar } from '../services/meetings/calendar.js';
import { closeMeeting } from '../services/meetings/close.service.js';
import { meetingsOfCase, meetingView } from '../services/meetings/meeting-view.js';
import { callMeeting, decideMeetingProposal } from '../services/meetings/meetings.service.js';
import { actionPlanPdf } from '../services/printable-records/action-plan-pdf.js';
import { meetingMinutesPdf } from '../services/printable-records/minutes-pdf.js';
import { commandRoute } from './register.js';

/** The reader's language for a printable record: asked for, or the one in their profile. */
function languageOf(request: FastifyRequest, asked: Language | undefined): Language {
  const own = request.session?.user.language;
  return asked ?? (LANGUAGES.includes(own as Language) ? (own as Language) : 'en');
}

/** Phase 2 meetings, the joint action plan and their printable records (docs/domain.md, "Phase 2"). */
export function meetingRoutes(ctx: AppContext): FastifyPluginAsync {
  const r = routes.meetings;
  return async (app) => {
    commandRoute(app, ctx, r.listOfCase, async (scope, { params }) => ({
      items: await meetingsOfCase(scope, params.id),
    }));
    commandRoute(app, ctx, r.call, (scope, { params, body }) => callMeeting(scope, params.id, body));
    commandRoute(app, ctx, r.decideProposal, (scope, { params, body }) =>
      decideMeetingProposal(scope, params.id, body),
    );
    commandRoute(app, ctx, r.get, (scope, { params }) => meetingView(scope, params.id));
    commandRoute(app, ctx, r.updateAgendaItem, (scope, { params, body }) =>
      updateAgendaItem(scope, params.id, params.item, body),
    );
    commandRoute(app, ctx, r.addQualitativeNote, (scope, { params, body }) =>
      addQualitativeNote(scope, params.id, body),
    );
    commandRoute(app, ctx, r.close, (scope, { params, body }) => closeMeeting(scope, params.id, body));
    commandRoute(app, ctx, r.calendar, (scope, { params, query }, request) =>
      meetingCalendar(scope, params.id, languageOf(request, query.lang)),
    );
    commandRoute(app, ctx, r.minutesPdf, (scope, { params, query }, request) =>
      meetingMinutesPdf(scope, params.id, languageOf(request, query.lang)),
    );
    commandRoute(app, ctx, r.actionsOfCase, async (scope, { params }) => ({
      items: await actionsOfCase(scope, params.id),
    }));
    commandRoute(app, ctx, r.createAction, (scope, { params, body }) => createAction(scope, params.id, body));
    commandRoute(app, ctx, r.updateAction, (scope, { params, body }) => updateAction(scope, params.id, body));
    commandRoute(app, ctx, r.actionPlanPdf, (scope, { params, query }, request) =>
      actionPlanPdf(scope, params.id, languageOf(request, query.lang)),
    );
  };
}
