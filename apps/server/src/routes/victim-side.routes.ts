import {
  ConsentCreate,
  ConsentRevoke,
  ConsentView,
  ContactPreferences,
  DisclosureCreate,
  IdParams,
  PartnerContactCreate,
  ShareCreate,
  VictimFileView,
  VssEpisodeCreate,
  VssEpisodeView,
} from '@tandem/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.js';
import { runCommand, standardErrors } from './route-helpers.js';

const tags = ['victim side'];
const Created = z.object({ id: z.uuid() });

/** Her support, consent, safe contact, the partner-contact log and her disclosures (DOMAIN.md §2 step 4, §4). */
export function victimSideRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/vss-episodes',
      {
        schema: {
          tags,
          summary: 'Open a support episode for her',
          body: VssEpisodeCreate,
          response: { 201: VssEpisodeView, ...standardErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await runCommand(ctx, request, (scope) => scope.victimFiles.openSupportEpisode(request.body)),
          ),
    );
    app.get(
      '/victims/:id',
      {
        schema: {
          tags,
          summary: 'Her file (victim side only)',
          params: IdParams,
          response: { 200: VictimFileView, ...standardErrors },
        },
      },
      async (request) => runCommand(ctx, request, (scope) => scope.victimFiles.victimFile(request.params.id)),
    );
    app.post(
      '/victims/:id/consents',
      {
        schema: {
          tags,
          summary: 'Record her consent for one scope',
          params: IdParams,
          body: ConsentCreate,
          response: { 201: ConsentView, ...standardErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await runCommand(ctx, request, (scope) =>
              scope.victimFiles.giveConsent(request.params.id, request.body),
            ),
          ),
    );
    app.post(
      '/consents/:id/revoke',
      {
        schema: {
          tags,
          summary: 'Revoke a consent: sharing on it stops at once',
          params: IdParams,
          body: ConsentRevoke,
          response: { 200: ConsentView, ...standardErrors },
        },
      },
      async (request) =>
        runCommand(ctx, request, (scope) => scope.victimFiles.revokeConsent(request.params.id, request.body)),
    );
    app.put(
      '/victims/:id/contact-preferences',
      {
        schema: {
          tags,
          summary: 'How she may be contacted safely',
          params: IdParams,
          body: ContactPreferences,
          response: { 200: ContactPreferences, ...standardErrors },
        },
      },
      async (request) =>
        runCommand(ctx, request, (scope) =>
          scope.victimFiles.setContactPreferences(request.params.id, request.body),
        ),
    );
    app.post(
      '/victims/:id/partner-contacts',
      {
        schema: {
          tags,
          summary: 'Log a partner contact (declining is an outcome in its own right)',
          params: IdParams,
          body: PartnerContactCreate,
          response: { 201: Created, ...standardErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send({
          id: await runCommand(ctx, request, (scope) =>
            scope.victimFiles.logPartnerContact(request.params.id, request.body),
          ),
        }),
    );
    app.post(
      '/victims/:id/disclosures',
      {
        schema: {
          tags,
          summary: 'Record something she disclosed (stays on the victim side)',
          params: IdParams,
          body: DisclosureCreate,
          response: { 201: Created, ...standardErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send({
          id: await runCommand(ctx, request, (scope) =>
            scope.victimFiles.recordDisclosure(request.params.id, request.body),
          ),
        }),
    );
    app.post(
      '/disclosures/:id/share',
      {
        schema: {
          tags,
          summary: 'Share a disclosure with her consent, source-protected by default',
          params: IdParams,
          body: ShareCreate,
          response: { 201: Created, ...standardErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send({
          id: await runCommand(ctx, request, (scope) =>
            scope.victimFiles.share(request.params.id, request.body),
          ),
        }),
    );
  };
}
