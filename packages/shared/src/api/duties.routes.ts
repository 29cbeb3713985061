/** PLACEHOLDER — Duties to inform her. */
export const dutyRoutes = {} as const;
