import { z } from 'zod';
import {
  ChildInput,
  ContactUpdate,
  PersonView,
  SearchQuery,
  SearchResult,
} from '../schemas/casework-people.js';
import { IdParams } from '../schemas/common.js';
import { defineRoute } from './define.js';

const tags = ['people'];

/** People and search: results pass the same policy as pages. */
export const peopleRoutes = {
  search: defineRoute({
    method: 'GET',
    path: '/people/search',
    summary: 'Find people and cases (results pass the same policy as pages)',
    tags,
    query: SearchQuery,
    status: 200,
    response: z.object({ items: z.array(SearchResult) }),
  }),
  get: defineRoute({
    method: 'GET',
    path: '/people/:id',
    summary: 'One person, with contact details only where allowed',
    tags,
    params: IdParams,
    status: 200,
    response: PersonView,
  }),
  updateContact: defineRoute({
    method: 'PUT',
    path: '/people/:id/contact',
    summary: 'Location and contact details (encrypted at rest)',
    tags,
    params: IdParams,
    body: ContactUpdate,
    status: 200,
    response: PersonView,
  }),
  recordChild: defineRoute({
    method: 'POST',
    path: '/children',
    summary: 'Record a child',
    tags,
    body: ChildInput,
    status: 201,
    response: PersonView,
  }),
} as const;
