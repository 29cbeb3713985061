import { routes } from '@tandem/shared';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AppContext } from '../app-context.js';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import { type AuthStore, authStore, type SessionRecord } from '../data/auth.store.js';
import { inAuditedTransaction } from '../data/transaction.js';
import { unauthenticated } from '../domain/errors.js';
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from '../http/session-cookie.js';
import { sha256Hex } from '../security/tokens.js';
import {
  accountOfLink,
  inspectCredentialLink,
  redeemCredentialLink,
} from '../services/accounts/credential-links.js';
import { changeOwnPassword, checkPassword } from '../services/accounts/own-password.js';
import {
  accountLocked,
  credentialLinkRequired,
  invalidCredentials,
  signInThrottled,
} from '../services/auth.service.js';
import { registerRoute } from './register.js';

function sessionOf(request: FastifyRequest): SessionRecord {
  if (!request.session) throw unauthenticated();
  return request.session;
}

/**
 * Signing in, the second factor and sessions (routes.auth). These run before — or instead of —
 * a signed-in actor's command, so each is its own audited transaction over the authentication
 * store, which reaches credentials only through the system door.
 */
export function authRoutes(ctx: AppContext): FastifyPluginAsync {
  const { auth, db, config, clock } = ctx;
  const publicLimit = { rateLimit: { max: config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: 60_000 } };
  const r = routes.auth;
  /** One audited transaction for the session's user, with the store bound to it. */
  const asSessionUser = <T>(
    request: FastifyRequest,
    work: (store: AuthStore, audit: AuditRecorder, session: SessionRecord) => Promise<T>,
  ) => {
    const session = sessionOf(request);
    const actor = { userId: session.user.id, agencyId: session.user.agencyId, side: session.user.side };
    return inAuditedTransaction(db, actor, request.id, (trx, audit) =>
      work(authStore(trx, audit), audit, session),
    );
  };
  /** The session as it is after the command (its stage may have moved on). */
  const freshView = async (request: FastifyRequest) => {
    const session = await authStore(db).findSession(sessionOf(request).id);
    if (!session) throw unauthenticated();
    return auth.toView(session);
  };

  // The route table's paths are absolute below /api: registered without encapsulation, these
  // routes ignore any prefix they are registered with, so the path in the table is the path served.
  return async (app) => {
    registerRoute(
      app,
      r.login,
      async ({ body }, request, reply) => {
        const result = await inAuditedTransaction(db, null, request.id, (trx, audit) =>
          auth.signIn(authStore(trx, audit), audit, body.email, body.password, request.ip),
        );
        switch (result.kind) {
          case 'signed_in':
            setSessionCookie(reply, config, result.token);
            return auth.toView(result.session);
          case 'throttled':
            reply.header('retry-after', String(result.retryAfterSeconds));
            throw signInThrottled(result.retryAfterSeconds);
          case 'locked':
            throw accountLocked(result.until, clock.now());
          case 'link_required':
            throw credentialLinkRequired();
          case 'invalid_credentials':
            throw invalidCredentials();
        }
      },
      publicLimit,
    );
    registerRoute(
      app,
      r.checkPassword,
      async ({ body }, request) => {
        const store = authStore(db);
        const cookie = sessionTokenOf(request, config);
        const owner = body.token
          ? await accountOfLink(store, clock, body.token)
          : cookie
            ? (await store.findSession(sha256Hex(cookie)))?.user
            : null;
        return checkPassword(body.password, owner ?? null);
      },
      publicLimit,
    );
    registerRoute(
      app,
      r.inspectCredentialLink,
      async ({ body }) => inspectCredentialLink(authStore(db), clock, body.token),
      publicLimit,
    );
    registerRoute(
      app,
      r.redeemCredentialLink,
      async ({ body }, request, reply) => {
        const { token, session } = await inAuditedTransaction(db, null, request.id, async (trx, audit) => {
          const store = authStore(trx, audit);
          const { account, stage } = await redeemCredentialLink(store, audit, clock, body);
          return auth.openSession(store, account.id, stage);
        });
        setSessionCookie(reply, config, token);
        return auth.toView(session);
      },
      publicLimit,
    );
    registerRoute(app, r.session, async (_args, request) => auth.toView(sessionOf(request)));
    registerRoute(app, r.changePassword, async ({ body }, request) => {
      await asSessionUser(request, (store, audit, session) =>
        changeOwnPassword(store, audit, session, body.currentPassword, body.newPassword),
      );
      return freshView(request);
    });
    registerRoute(app, r.startEnrolment, (_args, request) =>
      asSessionUser(request, (store, audit, session) => auth.startEnrolment(store, audit, session)),
    );
    registerRoute(app, r.confirmEnrolment, ({ body }, request) =>
      asSessionUser(request, (store, audit, session) =>
        auth.confirmEnrolment(store, audit, session, body.code),
      ),
    );
    registerRoute(app, r.verifySecondFactor, async ({ body }, request, reply) => {
      const result = await asSessionUser(request, (store, audit, session) =>
        auth.verifySecondFactor(store, audit, session, body),
      );
      if (!result.ok) {
        if (result.lockedUntil) {
          clearSessionCookie(reply, config);
          throw accountLocked(result.lockedUntil, clock.now());
        }
        throw invalidCredentials();
      }
      return freshView(request);
    });
    registerRoute(app, r.logout, async (_args, request, reply) => {
      await asSessionUser(request, (store, audit, session) => auth.signOut(store, audit, session));
      clearSessionCookie(reply, config);
      return { ok: true as const };
    });
    registerRoute(app, r.logoutAll, async (_args, request, reply) => {
      await asSessionUser(request, (store, audit, session) => auth.signOutEverywhere(store, audit, session));
      clearSessionCookie(reply, config);
      return { ok: true as const };
    });
    registerRoute(app, r.setPreferences, async ({ body }, request) => {
      await asSessionUser(request, (store, audit, session) =>
        auth.setLanguage(store, audit, session, body.language),
      );
      return freshView(request);
    });
  };
}
