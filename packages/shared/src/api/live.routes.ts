import { z } from 'zod';
import { defineRoute } from './define.js';

/** A topic a page listens to: its joint case or its meeting. */
export const LiveTopic = z
  .string()
  .regex(
    /^(case|meeting):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    'A topic is case:<id> or meeting:<id>',
  );

export const LiveQuery = z
  .object({
    /** Comma-separated topics, at most four. */
    topics: z
      .string()
      .max(200)
      .transform((value) => value.split(',').filter(Boolean))
      .pipe(z.array(LiveTopic).min(1, 'Name a topic: case:<id> or meeting:<id>').max(4)),
    /** How long the stream stays open before the browser opens it again (seconds). */
    seconds: z.coerce.number().int().min(1).max(25).default(25),
  })
  .strict();

/**
 * Live updates (README, "Live updates"): a page that two people work on at once hears, within a
 * second or two, that something it shows changed, and asks for it again through the API. The
 * stream carries no content, and tells a reader only of rows their policy lets them read.
 */
export const liveRoutes = {
  stream: defineRoute({
    method: 'GET',
    path: '/live',
    summary:
      'Server-sent events: "change" when a row of the named case or meeting that the reader may read is written; the stream ends after `seconds` and the browser reopens it',
    tags: ['live updates'],
    query: LiveQuery,
    status: 200,
    response: { file: 'text/event-stream' },
    keepsSessionAlive: false,
  }),
};
