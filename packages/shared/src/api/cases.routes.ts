/** PLACEHOLDER — Joint cases, critical events, informal contacts, children, the home page. */
export const caseRoutes = {} as const;
