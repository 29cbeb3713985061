/** Query keys of the audit trail and the access log. */
export const auditKeys = {
  trail: ['audit'] as const,
  accessLog: (id: string) => ['access-log', id] as const,
};
