import { z } from 'zod';
import { InstrumentDefinition } from '../instruments/definition.js';
import { Created, IdParams, IntText } from '../schemas/common.js';
import {
  AgreedLevelConfirm,
  AgreedLevelCreate,
  ConsultationCreate,
  DueItem,
  ImpactView,
  JointRiskView,
  RecidivismComparison,
  RecidivismCreate,
  ResponseCreate,
  ResponseView,
  RiskDivergenceQuery,
  RiskDivergenceStatistics,
} from '../schemas/instruments-api.js';
import { defineRoute } from './define.js';

const tags = ['instruments'];

/** Instrument definitions, responses, the joint risk assessment, recidivism, IMPACT and what is due (docs/domain.md, "The tools"). */
export const instrumentRoutes = {
  definitions: defineRoute({
    method: 'GET',
    path: '/instruments',
    summary: 'The newest version of every instrument',
    tags,
    status: 200,
    response: z.object({ items: z.array(InstrumentDefinition) }),
  }),
  definition: defineRoute({
    method: 'GET',
    path: '/instruments/:instrumentId/versions/:version',
    summary: 'One version of an instrument (old answers are read with the version they were given under)',
    tags,
    params: z.object({ instrumentId: z.string().max(100), version: IntText(1) }),
    status: 200,
    response: InstrumentDefinition,
  }),
  record: defineRoute({
    method: 'POST',
    path: '/instrument-responses',
    summary: 'Record a completed checklist or questionnaire; the level is computed by the instrument’s rule',
    tags,
    body: ResponseCreate,
    status: 201,
    response: ResponseView,
  }),
  jointRisk: defineRoute({
    method: 'GET',
    path: '/joint-cases/:id/risk',
    summary: 'Joint risk assessment: both checklists item by item, divergences, agreed level, history',
    tags,
    params: IdParams,
    status: 200,
    response: JointRiskView,
  }),
  riskDivergence: defineRoute({
    method: 'GET',
    path: '/networks/:id/risk-divergence',
    summary:
      'How often and by how much the programme assessed lower or higher than her service, across the network’s joint cases: counts only, small counts suppressed (coordinator, analyst)',
    tags,
    params: IdParams,
    query: RiskDivergenceQuery,
    status: 200,
    response: RiskDivergenceStatistics,
  }),
  agreeLevel: defineRoute({
    method: 'POST',
    path: '/joint-cases/:id/agreed-level',
    summary:
      'Record the agreed risk level and its rationale; sets the next reassessment. A level below the current one waits for the other side’s case manager',
    tags,
    params: IdParams,
    body: AgreedLevelCreate,
    status: 200,
    response: JointRiskView,
  }),
  recordConsultation: defineRoute({
    method: 'POST',
    path: '/joint-cases/:id/risk-consultations',
    summary:
      'While the two sides’ latest checklists diverge by a level or more: record consulting another agency of the case-level agreement, what it said and the level agreed after',
    tags,
    params: IdParams,
    body: ConsultationCreate,
    status: 201,
    response: JointRiskView,
  }),
  confirmLowering: defineRoute({
    method: 'POST',
    path: '/joint-cases/:id/agreed-level/confirm',
    summary: 'The other side’s case manager confirms the lower level proposed; it then takes effect',
    tags,
    params: IdParams,
    body: AgreedLevelConfirm,
    status: 200,
    response: JointRiskView,
  }),
  recordRecidivism: defineRoute({
    method: 'POST',
    path: '/joint-cases/:id/recidivism',
    summary: 'Record a recidivism episode with its source',
    tags,
    params: IdParams,
    body: RecidivismCreate,
    status: 201,
    response: Created,
  }),
  recidivism: defineRoute({
    method: 'GET',
    path: '/joint-cases/:id/recidivism',
    summary: 'What each source reports per period; possible minimisation flagged',
    tags,
    params: IdParams,
    query: z.object({ period: z.enum(['month', 'quarter']).default('month') }),
    status: 200,
    response: RecidivismComparison,
  }),
  impact: defineRoute({
    method: 'GET',
    path: '/joint-cases/:id/impact',
    summary: 'IMPACT time points T0-T4 with his and her scores',
    tags,
    params: IdParams,
    status: 200,
    response: ImpactView,
  }),
  due: defineRoute({
    method: 'GET',
    path: '/due',
    summary: 'Reassessments and questionnaires due or overdue in my joint cases',
    tags,
    status: 200,
    response: z.object({ items: z.array(DueItem) }),
  }),
} as const;
