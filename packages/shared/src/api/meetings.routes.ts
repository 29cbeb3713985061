import { z } from 'zod';
import { LANGUAGES } from '../enums.js';
import { IdParams } from '../schemas/common.js';
import {
  ActionCreate,
  ActionUpdate,
  ActionView,
  AGENDA_ITEMS,
  AgendaItemUpdate,
  MeetingClose,
  MeetingCreate,
  MeetingSummary,
  MeetingView,
  QualitativeNoteCreate,
} from '../schemas/meetings-api.js';
import { defineRoute } from './define.js';

const tags = ['meetings and plans'];

/** A printable record's language: asked for, or else the reader's own. */
const LanguageQuery = z.object({ lang: z.enum(LANGUAGES).optional() });

/** Phase 2 meetings, the joint action plan and their printable records. */
export const meetingRoutes = {
  listOfCase: defineRoute({
    method: 'GET',
    path: '/joint-cases/:id/meetings',
    summary: 'Meetings of a joint case',
    tags,
    params: IdParams,
    status: 200,
    response: z.object({ items: z.array(MeetingSummary) }),
  }),
  call: defineRoute({
    method: 'POST',
    path: '/joint-cases/:id/meetings',
    summary: 'Call an extraordinary meeting (in person or remote)',
    tags,
    params: IdParams,
    body: MeetingCreate,
    status: 201,
    response: MeetingView,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/meetings/:id',
    summary: 'A meeting with its five compulsory agenda items',
    tags,
    params: IdParams,
    status: 200,
    response: MeetingView,
  }),
  updateAgendaItem: defineRoute({
    method: 'PUT',
    path: '/meetings/:id/agenda/:item',
    summary: 'Address an agenda item, or defer it with a reason',
    tags,
    params: IdParams.extend({ item: z.enum(AGENDA_ITEMS) }),
    body: AgendaItemUpdate,
    status: 200,
    response: MeetingView,
  }),
  addQualitativeNote: defineRoute({
    method: 'POST',
    path: '/meetings/:id/qualitative-notes',
    summary:
      'What a professional perceives as danger beyond the checklist (the victim side’s stay on that side)',
    tags,
    params: IdParams,
    body: QualitativeNoteCreate,
    status: 200,
    response: MeetingView,
  }),
  close: defineRoute({
    method: 'POST',
    path: '/meetings/:id/close',
    summary:
      'Close the meeting (refused while an item is neither addressed nor deferred), recording when it was held; plans the next',
    tags,
    params: IdParams,
    body: MeetingClose,
    status: 200,
    response: MeetingView,
  }),
  calendar: defineRoute({
    method: 'GET',
    path: '/meetings/:id/calendar.ics',
    summary: 'Calendar entry for the meeting (UTC, with its zone)',
    tags,
    params: IdParams,
    query: LanguageQuery,
    status: 200,
    response: { file: 'text/calendar; charset=utf-8' },
  }),
  minutesPdf: defineRoute({
    method: 'GET',
    path: '/meetings/:id/minutes.pdf',
    summary: 'Minutes as PDF, in the user’s language and the meeting’s zone, with only what the user may see',
    tags,
    params: IdParams,
    query: LanguageQuery,
    status: 200,
    response: { file: 'application/pdf' },
  }),
  actionsOfCase: defineRoute({
    method: 'GET',
    path: '/joint-cases/:id/actions',
    summary: 'The joint action plan',
    tags,
    params: IdParams,
    status: 200,
    response: z.object({ items: z.array(ActionView) }),
  }),
  createAction: defineRoute({
    method: 'POST',
    path: '/joint-cases/:id/actions',
    summary: 'Add a row to the joint action plan',
    tags,
    params: IdParams,
    body: ActionCreate,
    status: 201,
    response: ActionView,
  }),
  updateAction: defineRoute({
    method: 'PATCH',
    path: '/actions/:id',
    summary: 'Update an action (status, term, responsible; reviewed in a meeting)',
    tags,
    params: IdParams,
    body: ActionUpdate,
    status: 200,
    response: ActionView,
  }),
  actionPlanPdf: defineRoute({
    method: 'GET',
    path: '/joint-cases/:id/action-plan.pdf',
    summary: 'The joint action plan as PDF, with only what the user may see',
    tags,
    params: IdParams,
    query: LanguageQuery,
    status: 200,
    response: { file: 'application/pdf' },
  }),
} as const;
