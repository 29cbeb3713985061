/** PLACEHOLDER — Phase 2 meetings, the joint action plan, printable records. */
export const meetingRoutes = {} as const;
