import {
  AccessLogEntry,
  ChildInput,
  ContactUpdate,
  CriticalEventCreate,
  DutyClose,
  DutyDone,
  DutyListQuery,
  DutyView,
  HomeView,
  IdParams,
  InformalContactCreate,
  JointCaseCreate,
  JointCaseSummary,
  JointCaseView,
  PageQuery,
  PersonView,
  pageOf,
  ROLES,
  SearchQuery,
  SearchResult,
  StaffView,
} from '@tandem/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.js';
import { recordChild } from '../services/casework.service.js';
import { homeWorklist } from '../services/worklists.js';
import { runCommand, standardErrors } from './route-helpers.js';

const Created = z.object({ id: z.uuid() });

/** Joint cases, events, duties, people, search, the home page and the access log. */
export function caseRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/home',
      {
        schema: {
          tags: ['home'],
          summary: 'What needs doing now: duties, overdue duties, reassessments due, my cases',
          response: { 200: HomeView, ...standardErrors },
        },
      },
      async (request) => runCommand(ctx, request, (scope) => homeWorklist(scope)),
    );

    app.post(
      '/joint-cases',
      {
        schema: {
          tags: ['joint cases'],
          summary: 'Open a joint case under a case-level agreement and her consent',
          body: JointCaseCreate,
          response: { 201: JointCaseView, ...standardErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await runCommand(ctx, request, (scope) => scope.jointCases.create(request.body))),
    );
    app.get(
      '/joint-cases',
      {
        schema: {
          tags: ['joint cases'],
          summary: 'Joint cases the user may see, newest first',
          querystring: PageQuery,
          response: { 200: pageOf(JointCaseSummary), ...standardErrors },
        },
      },
      async (request) => runCommand(ctx, request, (scope) => scope.jointCases.list(request.query)),
    );
    app.get(
      '/joint-cases/:id',
      {
        schema: {
          tags: ['joint cases'],
          summary: 'The case page: each section as the policy allows',
          params: IdParams,
          response: { 200: JointCaseView, ...standardErrors },
        },
      },
      async (request) => runCommand(ctx, request, (scope) => scope.jointCases.get(request.params.id)),
    );
    app.post(
      '/joint-cases/:id/close',
      {
        schema: {
          tags: ['joint cases'],
          summary: 'Close the joint case',
          params: IdParams,
          response: { 200: JointCaseView, ...standardErrors },
        },
      },
      async (request) => runCommand(ctx, request, (scope) => scope.jointCases.close(request.params.id)),
    );
    app.post(
      '/joint-cases/:id/informal-contacts',
      {
        schema: {
          tags: ['joint cases'],
          summary: 'Record an informal contact between case managers',
          params: IdParams,
          body: InformalContactCreate,
          response: { 201: Created, ...standardErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send({
          id: await runCommand(ctx, request, (scope) =>
            scope.jointCases.recordInformalContact(request.params.id, request.body),
          ),
        }),
    );
    app.post(
      '/pp-episodes/:id/critical-events',
      {
        schema: {
          tags: ['joint cases'],
          summary:
            'Log a critical event: reassessment becomes due now; a breach or safety concern raises duties to inform her',
          params: IdParams,
          body: CriticalEventCreate.extend({ aboutPartnerId: z.uuid().optional() }),
          response: { 201: Created, ...standardErrors },
        },
      },
      async (request, reply) => {
        const { aboutPartnerId, ...event } = request.body;
        const id = await runCommand(ctx, request, (scope) =>
          scope.jointCases.recordCriticalEvent(request.params.id, event, aboutPartnerId),
        );
        return reply.status(201).send({ id });
      },
    );

    app.get(
      '/duties',
      {
        schema: {
          tags: ['duties to inform'],
          summary: 'Duties to inform her (victim side)',
          querystring: DutyListQuery,
          response: { 200: z.object({ items: z.array(DutyView) }), ...standardErrors },
        },
      },
      async (request) => ({
        items: await runCommand(ctx, request, (scope) => scope.duties.list(request.query)),
      }),
    );
    app.post(
      '/duties/:id/done',
      {
        schema: {
          tags: ['duties to inform'],
          summary: 'She was informed: when and how',
          params: IdParams,
          body: DutyDone,
          response: { 200: DutyView, ...standardErrors },
        },
      },
      async (request) =>
        runCommand(ctx, request, (scope) =>
          scope.duties.resolve(request.params.id, {
            kind: 'done',
            doneOn: request.body.doneOn,
            how: request.body.how,
          }),
        ),
    );
    app.post(
      '/duties/:id/close',
      {
        schema: {
          tags: ['duties to inform'],
          summary: 'Close without informing her, with the reason',
          params: IdParams,
          body: DutyClose,
          response: { 200: DutyView, ...standardErrors },
        },
      },
      async (request) =>
        runCommand(ctx, request, (scope) =>
          scope.duties.resolve(request.params.id, { kind: 'closed', reason: request.body.reason }),
        ),
    );

    app.get(
      '/people/search',
      {
        schema: {
          tags: ['people'],
          summary: 'Find people and cases (results pass the same policy as pages)',
          querystring: SearchQuery,
          response: { 200: z.object({ items: z.array(SearchResult) }), ...standardErrors },
        },
      },
      async (request) => ({
        items: await runCommand(ctx, request, (scope) => scope.people.search(request.query)),
      }),
    );
    app.get(
      '/people/:id',
      {
        schema: {
          tags: ['people'],
          summary: 'One person, with contact details only where allowed',
          params: IdParams,
          response: { 200: PersonView, ...standardErrors },
        },
      },
      async (request) => runCommand(ctx, request, (scope) => scope.people.get(request.params.id)),
    );
    app.put(
      '/people/:id/contact',
      {
        schema: {
          tags: ['people'],
          summary: 'Location and contact details (encrypted at rest)',
          params: IdParams,
          body: ContactUpdate,
          response: { 200: PersonView, ...standardErrors },
        },
      },
      async (request) =>
        runCommand(ctx, request, (scope) => scope.people.updateContact(request.params.id, request.body)),
    );
    app.post(
      '/children',
      {
        schema: {
          tags: ['people'],
          summary: 'Record a child',
          body: ChildInput,
          response: { 201: PersonView, ...standardErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await runCommand(ctx, request, (scope) => recordChild(scope, request.body))),
    );
    app.get(
      '/people/:id/access-log',
      {
        schema: {
          tags: ['people'],
          summary: 'Who saw or received this person’s data (data-protection view)',
          params: IdParams,
          response: { 200: z.object({ items: z.array(AccessLogEntry) }), ...standardErrors },
        },
      },
      async (request) => ({
        items: await runCommand(ctx, request, (scope) => scope.accessLog.forPerson(request.params.id)),
      }),
    );
    app.get(
      '/staff',
      {
        schema: {
          tags: ['people'],
          summary: 'Names and roles of active staff, to name colleagues on a case',
          querystring: z.object({ agencyId: z.uuid().optional(), role: z.enum(ROLES).optional() }),
          response: { 200: z.object({ items: z.array(StaffView) }), ...standardErrors },
        },
      },
      async (request) => ({
        items: await runCommand(ctx, request, (scope) => scope.users.directory(request.query)),
      }),
    );
  };
}
