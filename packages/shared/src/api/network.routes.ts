/** PLACEHOLDER — Agreements and Phase 1 meetings. */
export const networkRoutes = {} as const;
