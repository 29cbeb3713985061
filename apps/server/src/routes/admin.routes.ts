import { type RouteArgs, type RouteDefinition, routes } from '@tandem/shared';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../app-context.js';
import type { CommandScope } from '../data/command-scope.js';
import { administerStaffAccount, resetStaffCredential } from '../services/accounts/account-administration.js';
import { deliver, Outbox } from '../services/accounts/account-mail.js';
import { decideRoles, listRoleApprovals } from '../services/accounts/role-approval.service.js';
import { createAgency, listAgencies, updateAgency } from '../services/organisation/agencies.service.js';
import { createNetwork, listNetworks, updateNetwork } from '../services/organisation/networks.service.js';
import {
  createStaffAccount,
  listStaffAccounts,
  staffAccountView,
  staffDirectory,
  updateStaffAccount,
} from '../services/staff.service.js';
import { commandRoute, type HandlerOutput, registerRoute } from './register.js';
import { runCommand } from './route-helpers.js';

/**
 * A command that tells people by e-mail (one-time links, roles to approve): the messages are
 * sent once the command has committed, never from inside it.
 */
function mailingRoute<D extends RouteDefinition>(
  app: FastifyInstance,
  ctx: AppContext,
  definition: D,
  handler: (scope: CommandScope, args: RouteArgs<D>, outbox: Outbox) => Promise<HandlerOutput<D>>,
): void {
  registerRoute(app, definition, async (args, request) => {
    const outbox = new Outbox();
    const result = await runCommand(ctx, request, (scope) => handler(scope, args, outbox));
    await deliver(ctx.auth.mailer, outbox);
    return result;
  });
}

/** Networks, agencies, staff accounts, the four-eyes queue and the staff directory. */
export function adminRoutes(ctx: AppContext): FastifyPluginAsync {
  const r = routes.admin;
  const { config } = ctx;
  return async (app) => {
    commandRoute(app, ctx, r.listNetworks, (scope, { query }) => listNetworks(scope, query));
    commandRoute(app, ctx, r.createNetwork, (scope, { body }) => createNetwork(scope, body));
    commandRoute(app, ctx, r.updateNetwork, (scope, { params, body }) =>
      updateNetwork(scope, params.id, body),
    );
    commandRoute(app, ctx, r.listAgencies, (scope, { query }) => listAgencies(scope, query));
    commandRoute(app, ctx, r.createAgency, (scope, { body }) => createAgency(scope, body));
    commandRoute(app, ctx, r.updateAgency, (scope, { params, body }) => updateAgency(scope, params.id, body));
    commandRoute(app, ctx, r.listUsers, (scope, { query }) => listStaffAccounts(scope, query));
    mailingRoute(app, ctx, r.createUser, (scope, { body }, outbox) =>
      createStaffAccount(scope, config, outbox, body),
    );
    commandRoute(app, ctx, r.getUser, (scope, { params }) => staffAccountView(scope, params.id));
    mailingRoute(app, ctx, r.updateUser, (scope, { params, body }, outbox) =>
      updateStaffAccount(scope, config, outbox, params.id, body),
    );
    commandRoute(app, ctx, r.deactivateUser, (scope, { params }) =>
      administerStaffAccount(scope, params.id, 'deactivate'),
    );
    commandRoute(app, ctx, r.reactivateUser, (scope, { params }) =>
      administerStaffAccount(scope, params.id, 'reactivate'),
    );
    commandRoute(app, ctx, r.unlockUser, (scope, { params }) =>
      administerStaffAccount(scope, params.id, 'unlock'),
    );
    mailingRoute(app, ctx, r.resetUserMfa, (scope, { params }, outbox) =>
      resetStaffCredential(scope, config, outbox, params.id, 'mfa'),
    );
    mailingRoute(app, ctx, r.resetUserPassword, (scope, { params }, outbox) =>
      resetStaffCredential(scope, config, outbox, params.id, 'password'),
    );
    commandRoute(app, ctx, r.listRoleApprovals, async (scope) => ({ items: await listRoleApprovals(scope) }));
    mailingRoute(app, ctx, r.approveRoles, (scope, { params }, outbox) =>
      decideRoles(scope, outbox, params.id, 'approved'),
    );
    mailingRoute(app, ctx, r.refuseRoles, (scope, { params }, outbox) =>
      decideRoles(scope, outbox, params.id, 'refused'),
    );
    commandRoute(app, ctx, r.staffDirectory, async (scope, { query }) => ({
      items: await staffDirectory(scope, query),
    }));
  };
}
