/** PLACEHOLDER — The audit trail and the access log of a person. */
export const auditRoutes = {} as const;
