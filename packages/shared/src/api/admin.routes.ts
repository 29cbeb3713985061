/** PLACEHOLDER — Staff accounts, agencies, networks, the staff directory. */
export const adminRoutes = {} as const;
