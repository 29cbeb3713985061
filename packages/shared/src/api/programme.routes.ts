import {
  AttendanceCreate,
  PpEpisodeListQuery,
  PpEpisodeSummary,
  PpEpisodeUpdate,
  PpEpisodeView,
  ReferralCreate,
  ReleaseCreate,
  StatusChange,
} from '../schemas/casework-people.js';
import { IdParams, pageOf } from '../schemas/common.js';
import { defineRoute } from './define.js';

const tags = ['programme episodes'];

/** His programme episode: referral, intake, status, attendance and his release (the programme's side). */
export const programmeRoutes = {
  refer: defineRoute({
    method: 'POST',
    path: '/referrals',
    summary: 'Record a referral: the man and his programme episode',
    tags,
    body: ReferralCreate,
    status: 201,
    response: PpEpisodeView,
  }),
  list: defineRoute({
    method: 'GET',
    path: '/pp-episodes',
    summary: 'Programme episodes the user may see, newest referral first',
    tags,
    query: PpEpisodeListQuery,
    status: 200,
    response: pageOf(PpEpisodeSummary),
  }),
  get: defineRoute({
    method: 'GET',
    path: '/pp-episodes/:id',
    summary: 'One programme episode',
    tags,
    params: IdParams,
    status: 200,
    response: PpEpisodeView,
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/pp-episodes/:id',
    summary: 'Intake, assessment and programme details',
    tags,
    params: IdParams,
    body: PpEpisodeUpdate,
    status: 200,
    response: PpEpisodeView,
  }),
  changeStatus: defineRoute({
    method: 'POST',
    path: '/pp-episodes/:id/status',
    summary:
      'Move the programme along its status machine (suspension, dropout and exclusion raise duties to inform her and make the reassessment due)',
    tags,
    params: IdParams,
    body: StatusChange,
    status: 200,
    response: PpEpisodeView,
  }),
  recordAttendance: defineRoute({
    method: 'POST',
    path: '/pp-episodes/:id/attendance',
    summary: 'Record attendance at a session',
    tags,
    params: IdParams,
    body: AttendanceCreate,
    status: 200,
    response: PpEpisodeView,
  }),
  recordRelease: defineRoute({
    method: 'POST',
    path: '/pp-episodes/:id/release',
    summary: 'His signed release and the partners he named (their records go to the victim side, never back)',
    tags,
    params: IdParams,
    body: ReleaseCreate,
    status: 200,
    response: PpEpisodeView,
  }),
} as const;
