import { CalendarFeedCreated, CalendarFeedParams, CalendarFeedStatus } from '../schemas/auth.js';
import { Ok } from '../schemas/common.js';
import { defineRoute } from './define.js';

const tags = ['me'];

/**
 * The signed-in user's personal calendar feed (README, "Calendar feed"): an iCalendar URL their
 * calendar app subscribes to, holding a secret token the user can replace or revoke. The feed
 * carries their meetings and due items as that user may see them, with case numbers only.
 */
export const calendarFeedRoutes = {
  status: defineRoute({
    method: 'GET',
    path: '/me/calendar-feed',
    summary: 'Whether my calendar feed is in force, and since when (its URL is shown only when made)',
    tags,
    status: 200,
    response: CalendarFeedStatus,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/me/calendar-feed',
    summary: 'Make a new calendar-feed URL, shown this once; any earlier one stops working',
    tags,
    status: 201,
    response: CalendarFeedCreated,
  }),
  revoke: defineRoute({
    method: 'DELETE',
    path: '/me/calendar-feed',
    summary: 'Revoke my calendar-feed URL',
    tags,
    status: 200,
    response: Ok,
  }),
  feed: defineRoute({
    method: 'GET',
    path: '/calendar/:token.ics',
    summary:
      'The calendar feed (no session: the token in the URL is the authentication); unknown, replaced or revoked → 404',
    tags: ['calendar'],
    access: 'public',
    params: CalendarFeedParams,
    status: 200,
    response: { file: 'text/calendar; charset=utf-8' },
  }),
} as const;
