import { z } from 'zod';
import {
  AgreementCreate,
  AgreementListQuery,
  AgreementView,
  Phase1MeetingCreate,
  Phase1MeetingView,
} from '../schemas/casework-cases.js';
import { Id, IdParams, StatisticsPeriodQuery } from '../schemas/common.js';
import { defineRoute } from './define.js';

const tags = ['network'];

const exportSummary = (format: string) =>
  `The network’s figures as ${format}, with each figure’s definition, the period and the suppression applied: counts only, small counts suppressed (coordinator, analyst)`;

/** Organisation-level agreements, Phase 1 meetings and the figures of a network. */
export const networkRoutes = {
  statisticsCsv: defineRoute({
    method: 'GET',
    path: '/networks/:id/statistics.csv',
    summary: exportSummary('CSV'),
    tags,
    params: IdParams,
    query: StatisticsPeriodQuery,
    status: 200,
    response: { file: 'text/csv; charset=utf-8' },
  }),
  statisticsXlsx: defineRoute({
    method: 'GET',
    path: '/networks/:id/statistics.xlsx',
    summary: exportSummary('an Excel workbook'),
    tags,
    params: IdParams,
    query: StatisticsPeriodQuery,
    status: 200,
    response: { file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  }),
  statisticsJson: defineRoute({
    method: 'GET',
    path: '/networks/:id/statistics.json',
    summary: exportSummary('JSON'),
    tags,
    params: IdParams,
    query: StatisticsPeriodQuery,
    status: 200,
    response: { file: 'application/json; charset=utf-8' },
  }),
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
