import {
  ActionCreate,
  ActionUpdate,
  ActionView,
  AGENDA_ITEMS,
  AgendaItemUpdate,
  ChildAssessmentCreate,
  ChildrenView,
  IdParams,
  LANGUAGES,
  type Language,
  MeetingClose,
  MeetingCreate,
  MeetingSummary,
  MeetingView,
  QualitativeNoteCreate,
  SAFETY_PLAN_KINDS,
  SafetyPlan,
  SafetyPlanView,
} from '@tandem/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.js';
import { actionPlanPdf, meetingMinutesPdf } from '../services/printable-records.js';
import { childrenOfCase } from '../services/worklists.js';
import { runCommand, standardErrors } from './route-helpers.js';

const tags = ['meetings and plans'];
const Created = z.object({ id: z.uuid() });
const LanguageQuery = z.object({ lang: z.enum(LANGUAGES).optional() });

/** The user's language for a printable record: asked for, or the one in their profile. */
const languageOf = (request: FastifyRequest, asked: Language | undefined): Language =>
  asked ?? (request.session?.user.language as Language | undefined) ?? 'en';

/** Phase 2 meetings, the joint action plan, safety plans, children (DOMAIN.md §2 steps 6-7, §3). */
export function meetingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/joint-cases/:id/meetings',
      {
        schema: {
          tags,
          summary: 'Meetings of a joint case',
          params: IdParams,
          response: { 200: z.object({ items: z.array(MeetingSummary) }), ...standardErrors },
        },
      },
      async (request) => ({
        items: await runCommand(ctx, request, (scope) =>
          scope.meetings.list({ jointCaseId: request.params.id }),
        ),
      }),
    );
    app.post(
      '/joint-cases/:id/meetings',
      {
        schema: {
          tags,
          summary: 'Call an extraordinary meeting (in person or remote)',
          params: IdParams,
          body: MeetingCreate,
          response: { 201: MeetingView, ...standardErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await runCommand(ctx, request, (scope) => scope.meetings.create(request.params.id, request.body)),
          ),
    );
    app.get(
      '/meetings/:id',
      {
        schema: {
          tags,
          summary: 'A meeting with its five compulsory agenda items',
          params: IdParams,
          response: { 200: MeetingView, ...standardErrors },
        },
      },
      async (request) => runCommand(ctx, request, (scope) => scope.meetings.get(request.params.id)),
    );
    app.put(
      '/meetings/:id/agenda/:item',
      {
        schema: {
          tags,
          summary: 'Address an agenda item, or defer it with a reason',
          params: IdParams.extend({ item: z.enum(AGENDA_ITEMS) }),
          body: AgendaItemUpdate,
          response: { 200: MeetingView, ...standardErrors },
        },
      },
      async (request) =>
        runCommand(ctx, request, (scope) =>
          scope.meetings.updateAgendaItem(request.params.id, request.params.item, request.body),
        ),
    );
    app.post(
      '/meetings/:id/qualitative-notes',
      {
        schema: {
          tags,
          summary: 'What a professional perceives as danger beyond the checklist',
          params: IdParams,
          body: QualitativeNoteCreate,
          response: { 200: MeetingView, ...standardErrors },
        },
      },
      async (request) =>
        runCommand(ctx, request, (scope) =>
          scope.meetings.addQualitativeNote(request.params.id, request.body),
        ),
    );
    app.post(
      '/meetings/:id/close',
      {
        schema: {
          tags,
          summary:
            'Close the meeting (refused while an item is neither addressed nor deferred); plans the next',
          params: IdParams,
          body: MeetingClose,
          response: { 200: MeetingView, ...standardErrors },
        },
      },
      async (request) =>
        runCommand(ctx, request, (scope) => scope.meetings.close(request.params.id, request.body)),
    );
    app.get(
      '/meetings/:id/calendar.ics',
      { schema: { tags, summary: 'Calendar entry for the meeting', params: IdParams } },
      async (request, reply) => {
        const ics = await runCommand(ctx, request, (scope) => scope.meetings.calendar(request.params.id));
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', `attachment; filename="meeting-${request.params.id}.ics"`)
          .send(ics);
      },
    );
    app.get(
      '/meetings/:id/minutes.pdf',
      {
        schema: {
          tags,
          summary: 'Minutes as PDF, in the user’s language, with only what the user may see',
          params: IdParams,
          querystring: LanguageQuery,
        },
      },
      async (request, reply) => {
        const pdf = await runCommand(ctx, request, (scope) =>
          meetingMinutesPdf(scope, request.params.id, languageOf(request, request.query.lang)),
        );
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="minutes-${request.params.id}.pdf"`)
          .send(pdf);
      },
    );

    app.get(
      '/joint-cases/:id/actions',
      {
        schema: {
          tags,
          summary: 'The joint action plan',
          params: IdParams,
          response: { 200: z.object({ items: z.array(ActionView) }), ...standardErrors },
        },
      },
      async (request) => ({
        items: await runCommand(ctx, request, (scope) =>
          scope.actionPlan.list({ jointCaseId: request.params.id }),
        ),
      }),
    );
    app.post(
      '/joint-cases/:id/actions',
      {
        schema: {
          tags,
          summary: 'Add a row to the joint action plan',
          params: IdParams,
          body: ActionCreate,
          response: { 201: ActionView, ...standardErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await runCommand(ctx, request, (scope) =>
              scope.actionPlan.create(request.params.id, request.body),
            ),
          ),
    );
    app.patch(
      '/actions/:id',
      {
        schema: {
          tags,
          summary: 'Update an action (status, term, responsible; reviewed in a meeting)',
          params: IdParams,
          body: ActionUpdate,
          response: { 200: ActionView, ...standardErrors },
        },
      },
      async (request) =>
        runCommand(ctx, request, (scope) => scope.actionPlan.update(request.params.id, request.body)),
    );
    app.get(
      '/joint-cases/:id/action-plan.pdf',
      {
        schema: {
          tags,
          summary: 'The joint action plan as PDF',
          params: IdParams,
          querystring: LanguageQuery,
        },
      },
      async (request, reply) => {
        const pdf = await runCommand(ctx, request, (scope) =>
          actionPlanPdf(scope, request.params.id, languageOf(request, request.query.lang)),
        );
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="action-plan-${request.params.id}.pdf"`)
          .send(pdf);
      },
    );

    app.get(
      '/victims/:id/safety-plans/:kind',
      {
        schema: {
          tags,
          summary: 'Her safety plan or IT safety plan (victim side only)',
          params: IdParams.extend({ kind: z.enum(SAFETY_PLAN_KINDS) }),
          response: { 200: SafetyPlanView, ...standardErrors },
        },
      },
      async (request) =>
        runCommand(ctx, request, (scope) => scope.safetyPlans.get(request.params.id, request.params.kind)),
    );
    app.put(
      '/victims/:id/safety-plans/:kind',
      {
        schema: {
          tags,
          summary: 'Save her safety plan or IT safety plan',
          params: IdParams.extend({ kind: z.enum(SAFETY_PLAN_KINDS) }),
          body: SafetyPlan,
          response: { 200: SafetyPlanView, ...standardErrors },
        },
      },
      async (request) =>
        runCommand(ctx, request, (scope) =>
          scope.safetyPlans.save(request.params.id, request.params.kind, request.body),
        ),
    );

    app.get(
      '/joint-cases/:id/children',
      {
        schema: {
          tags,
          summary: 'The children: Section B over time, child-specific actions, assessment records',
          params: IdParams,
          response: { 200: ChildrenView, ...standardErrors },
        },
      },
      async (request) => runCommand(ctx, request, (scope) => childrenOfCase(scope, request.params.id)),
    );
    app.post(
      '/children/:id/assessments',
      {
        schema: {
          tags,
          summary:
            'Record how a child was assessed (consent, information, right to withdraw, support person)',
          params: IdParams,
          body: ChildAssessmentCreate,
          response: { 201: Created, ...standardErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send({
          id: await runCommand(ctx, request, (scope) =>
            scope.safetyPlans.recordChildAssessment(request.params.id, request.body),
          ),
        }),
    );
    app.post(
      '/vss-episodes/:id/close',
      {
        schema: {
          tags: ['victim side'],
          summary: 'Close her support episode (joint-case meetings stop with it)',
          params: IdParams,
          response: { 200: z.object({ ok: z.literal(true) }), ...standardErrors },
        },
      },
      async (request) => {
        await runCommand(ctx, request, (scope) => scope.victimFiles.closeSupportEpisode(request.params.id));
        return { ok: true as const };
      },
    );
  };
}
