import { adminRoutes } from './admin.routes.js';
import { auditRoutes } from './audit.routes.js';
import { authRoutes } from './auth.routes.js';
import { calendarFeedRoutes } from './calendar-feed.routes.js';
import { caseRoutes } from './cases.routes.js';
import { directoryRoutes } from './directory.routes.js';
import { dutyRoutes } from './duties.routes.js';
import { instrumentRoutes } from './instruments.routes.js';
import { liveRoutes } from './live.routes.js';
import { meetingRoutes } from './meetings.routes.js';
import { networkRoutes } from './network.routes.js';
import { peopleRoutes } from './people.routes.js';
import { programmeRoutes } from './programme.routes.js';
import { seriousHarmRoutes } from './serious-harm.routes.js';
import { systemRoutes } from './system.routes.js';
import { victimRoutes } from './victim.routes.js';

// The areas the sign-in page calls, on their own: importing `routes` brings every schema of the API
// into the first download (README, "How the web app is delivered").
export { authRoutes as authApi } from './auth.routes.js';
export * from './define.js';
export { LiveQuery, LiveTopic, liveRoutes as liveApi } from './live.routes.js';
export { systemRoutes as systemApi } from './system.routes.js';

/**
 * The route table: every route of the API, by area. The server registers exactly these; the
 * web client calls exactly these.
 */
export const routes = {
  system: systemRoutes,
  auth: authRoutes,
  calendarFeed: calendarFeedRoutes,
  programme: programmeRoutes,
  people: peopleRoutes,
  victim: victimRoutes,
  seriousHarm: seriousHarmRoutes,
  duties: dutyRoutes,
  cases: caseRoutes,
  instruments: instrumentRoutes,
  meetings: meetingRoutes,
  live: liveRoutes,
  network: networkRoutes,
  directory: directoryRoutes,
  admin: adminRoutes,
  audit: auditRoutes,
} as const;
