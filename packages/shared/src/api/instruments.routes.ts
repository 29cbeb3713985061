/** PLACEHOLDER — Instruments, the joint risk assessment, recidivism, IMPACT, what is due. */
export const instrumentRoutes = {} as const;
