import { z } from 'zod';
import {
  ConsentCreate,
  ConsentRevoke,
  ConsentsCreate,
  ConsentView,
  ContactPreferences,
  DisclosureCreate,
  PartnerContactCreate,
  ShareCreate,
  VictimFileView,
  VssEpisodeCreate,
  VssEpisodeView,
} from '../schemas/casework-victim.js';
import { Created, IdParams } from '../schemas/common.js';
import { SAFETY_PLAN_KINDS, SafetyPlan, SafetyPlanView } from '../schemas/meetings-api.js';
import { defineRoute } from './define.js';

const tags = ['victim side'];
const SafetyPlanParams = IdParams.extend({ kind: z.enum(SAFETY_PLAN_KINDS) });

/**
 * Her file on the victim side: support, consent, safe contact, the partner-contact log, her
 * disclosures and their sharing, her safety plans.
 */
export const victimRoutes = {
  openSupport: defineRoute({
    method: 'POST',
    path: '/vss-episodes',
    summary: 'Open a support episode for her',
    tags,
    body: VssEpisodeCreate,
    status: 201,
    response: VssEpisodeView,
  }),
  closeSupport: defineRoute({
    method: 'POST',
    path: '/vss-episodes/:id/close',
    summary: 'Close her support episode (joint-case meetings stop with it)',
    tags,
    params: IdParams,
    status: 200,
    response: z.object({ ok: z.literal(true) }),
  }),
  get: defineRoute({
    method: 'GET',
    path: '/victims/:id',
    summary: 'Her file (victim side only)',
    tags,
    params: IdParams,
    status: 200,
    response: VictimFileView,
  }),
  giveConsent: defineRoute({
    method: 'POST',
    path: '/victims/:id/consents',
    summary: 'Record her consent for one scope',
    tags,
    params: IdParams,
    body: ConsentCreate,
    status: 201,
    response: ConsentView,
  }),
  giveConsents: defineRoute({
    method: 'POST',
    path: '/victims/:id/consents/several',
    summary: 'Record her consent for several scopes at once (one consent per scope)',
    tags,
    params: IdParams,
    body: ConsentsCreate,
    status: 201,
    response: z.object({ items: z.array(ConsentView) }),
  }),
  revokeConsent: defineRoute({
    method: 'POST',
    path: '/consents/:id/revoke',
    summary: 'Revoke a consent: sharing on it stops at once',
    tags,
    params: IdParams,
    body: ConsentRevoke,
    status: 200,
    response: ConsentView,
  }),
  setContactPreferences: defineRoute({
    method: 'PUT',
    path: '/victims/:id/contact-preferences',
    summary: 'How she may be contacted safely',
    tags,
    params: IdParams,
    body: ContactPreferences,
    status: 200,
    response: ContactPreferences,
  }),
  logPartnerContact: defineRoute({
    method: 'POST',
    path: '/victims/:id/partner-contacts',
    summary: 'Log a partner contact (declining is an outcome in its own right)',
    tags,
    params: IdParams,
    body: PartnerContactCreate,
    status: 201,
    response: Created,
  }),
  recordDisclosure: defineRoute({
    method: 'POST',
    path: '/victims/:id/disclosures',
    summary: 'Record something she disclosed (stays on the victim side)',
    tags,
    params: IdParams,
    body: DisclosureCreate,
    status: 201,
    response: Created,
  }),
  share: defineRoute({
    method: 'POST',
    path: '/disclosures/:id/share',
    summary: 'Share a disclosure with her consent, source-protected by default',
    tags,
    params: IdParams,
    body: ShareCreate,
    status: 201,
    response: Created,
  }),
  safetyPlan: defineRoute({
    method: 'GET',
    path: '/victims/:id/safety-plans/:kind',
    summary: 'Her safety plan or IT safety plan (victim side only)',
    tags: ['meetings and plans'],
    params: SafetyPlanParams,
    status: 200,
    response: SafetyPlanView,
  }),
  saveSafetyPlan: defineRoute({
    method: 'PUT',
    path: '/victims/:id/safety-plans/:kind',
    summary: 'Save her safety plan or IT safety plan',
    tags: ['meetings and plans'],
    params: SafetyPlanParams,
    body: SafetyPlan,
    status: 200,
    response: SafetyPlanView,
  }),
} as const;
