import { z } from 'zod';
import {
  AgreementCreate,
  AgreementListQuery,
  AgreementView,
  Phase1MeetingCreate,
  Phase1MeetingView,
} from '../schemas/casework-cases.js';
import { Id, IdParams } from '../schemas/common.js';
import { defineRoute } from './define.js';

const tags = ['network'];

/** Organisation-level agreements and Phase 1 meetings of a network. */
export const networkRoutes = {
  createAgreement: defineRoute({
    method: 'POST',
    path: '/agreements',
    summary: 'Record an organisation-level Multi-Agency Standard Agreement',
    tags,
    body: AgreementCreate,
    status: 201,
    response: AgreementView,
  }),
  listAgreements: defineRoute({
    method: 'GET',
    path: '/agreements',
    summary: 'Agreements the user’s agency is party to (or coordinates)',
    tags,
    query: AgreementListQuery,
    status: 200,
    response: z.object({ items: z.array(AgreementView), nextCursor: z.null() }),
  }),
  getAgreement: defineRoute({
    method: 'GET',
    path: '/agreements/:id',
    summary: 'One agreement',
    tags,
    params: IdParams,
    status: 200,
    response: AgreementView,
  }),
  recordPhase1Meeting: defineRoute({
    method: 'POST',
    path: '/phase1-meetings',
    summary: 'Record the Phase 1 team meeting',
    tags,
    body: Phase1MeetingCreate,
    status: 201,
    response: Phase1MeetingView,
  }),
  listPhase1Meetings: defineRoute({
    method: 'GET',
    path: '/phase1-meetings',
    summary: 'Phase 1 meetings of the user’s networks',
    tags,
    query: z.object({ networkId: Id.optional() }),
    status: 200,
    response: z.object({ items: z.array(Phase1MeetingView) }),
  }),
} as const;
