import { routes } from '@tandem/shared';

/** Query keys of the administration (agencies and networks are the directory's: api/directory). */
export const adminKeys = {
  users: ['users'] as const,
  agencyPage: ['agencies', 'page'] as const,
  networkPage: ['networks', 'page'] as const,
};

/** What an administrator does to an account, by the name the page uses for it. */
export const USER_COMMANDS = {
  deactivate: routes.admin.deactivateUser,
  reactivate: routes.admin.reactivateUser,
  unlock: routes.admin.unlockUser,
  'reset-mfa': routes.admin.resetUserMfa,
  'reset-password': routes.admin.resetUserPassword,
} as const;
export type UserCommand = keyof typeof USER_COMMANDS;
