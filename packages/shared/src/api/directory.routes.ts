import { IdParams, pageOf } from '../schemas/common.js';
import {
  DirectoryEntryUpdate,
  DirectoryEntryView,
  DirectoryParams,
  DirectoryQuery,
} from '../schemas/directory.js';
import { defineRoute } from './define.js';

const tags = ['directory'];

/**
 * The service directory (README, "Service directory"): every signed-in staff member reads the
 * listed entries; an agency's own admin, and the system admin, write its entry.
 */
export const directoryRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/directory',
    summary: 'Search the service directory: by name or approach, region, kind and partner-contact provision',
    tags,
    query: DirectoryQuery,
    status: 200,
    response: pageOf(DirectoryEntryView),
  }),
  get: defineRoute({
    method: 'GET',
    path: '/directory/:agencyId',
    summary: 'One service’s directory entry (its own admins see it unlisted, or still blank)',
    tags,
    params: DirectoryParams,
    status: 200,
    response: DirectoryEntryView,
  }),
  update: defineRoute({
    method: 'PUT',
    path: '/agencies/:id/directory-entry',
    summary: 'Write an agency’s directory entry (its own agency admin, the system admin)',
    tags,
    params: IdParams,
    body: DirectoryEntryUpdate,
    status: 200,
    response: DirectoryEntryView,
  }),
} as const;
