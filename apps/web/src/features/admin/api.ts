import { type RouteOutput, routes, type UserAbilities } from '@tandem/shared';

/** Query keys of the administration (agencies and networks are the directory's: api/directory). */
export const adminKeys = {
  users: ['users'] as const,
  roleApprovals: ['role-approvals'] as const,
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

/** The ability of the account's view that offers each command (the server decides again). */
export const COMMAND_ABILITY: Record<UserCommand, keyof UserAbilities> = {
  unlock: 'unlock',
  'reset-mfa': 'resetSecondFactor',
  'reset-password': 'resetPassword',
  deactivate: 'deactivate',
  reactivate: 'reactivate',
};

/** A new account or a reset: the one-time link went to its owner (the admin never sees it). */
export type LinkSent = RouteOutput<typeof routes.admin.createUser>;

/** The server saved the change but could not send its e-mail (502 mail_not_sent). */
export const MAIL_NOT_SENT = 'mail_not_sent';
