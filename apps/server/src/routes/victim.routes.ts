import { routes } from '@tandem/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../app-context.js';
import { giveConsent, giveConsents, revokeConsent } from '../services/victim-file/consents.service.js';
import { setContactPreferences } from '../services/victim-file/contact.service.js';
import { recordDisclosure, shareDisclosure } from '../services/victim-file/disclosures.service.js';
import {
  logPartnerContact,
  recordContactSafetyConcern,
} from '../services/victim-file/partner-contact.service.js';
import { safetyPlan, saveSafetyPlan } from '../services/victim-file/safety-plans.service.js';
import { closeSupportEpisode, openSupportEpisode } from '../services/victim-file/support-episodes.service.js';
import { victimFileView } from '../services/victim-file/victim-file-view.js';
import { commandRoute } from './register.js';

/**
 * Her file on the victim side (docs/domain.md, "Partner contact", information-flow rules 2 and 4):
 * support, consent, safe contact, partner contact, disclosures and their sharing, safety plans.
 */
export function victimRoutes(ctx: AppContext): FastifyPluginAsync {
  const r = routes.victim;
  return async (app) => {
    commandRoute(app, ctx, r.openSupport, (scope, { body }) => openSupportEpisode(scope, body));
    commandRoute(app, ctx, r.closeSupport, (scope, { params }) => closeSupportEpisode(scope, params.id));
    commandRoute(app, ctx, r.get, (scope, { params }) => victimFileView(scope, params.id));
    commandRoute(app, ctx, r.giveConsent, (scope, { params, body }) => giveConsent(scope, params.id, body));
    commandRoute(app, ctx, r.giveConsents, (scope, { params, body }) => giveConsents(scope, params.id, body));
    commandRoute(app, ctx, r.revokeConsent, (scope, { params, body }) =>
      revokeConsent(scope, params.id, body),
    );
    commandRoute(app, ctx, r.setContactPreferences, (scope, { params, body }) =>
      setContactPreferences(scope, params.id, body),
    );
    commandRoute(app, ctx, r.logPartnerContact, (scope, { params, body }) =>
      logPartnerContact(scope, params.id, body),
    );
    commandRoute(app, ctx, r.recordContactSafetyConcern, (scope, { params, body }) =>
      recordContactSafetyConcern(scope, params.id, body),
    );
    commandRoute(app, ctx, r.recordDisclosure, (scope, { params, body }) =>
      recordDisclosure(scope, params.id, body),
    );
    commandRoute(app, ctx, r.share, (scope, { params, body }) => shareDisclosure(scope, params.id, body));
    commandRoute(app, ctx, r.safetyPlan, (scope, { params }) => safetyPlan(scope, params.id, params.kind));
    commandRoute(app, ctx, r.saveSafetyPlan, (scope, { params, body }) =>
      saveSafetyPlan(scope, params.id, params.kind, body),
    );
  };
}
