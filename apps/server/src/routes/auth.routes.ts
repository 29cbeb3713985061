import {
  ChangePasswordBody,
  ErrorResponse,
  LoginBody,
  MfaEnrolment,
  MfaVerifyBody,
  Ok,
  PreferencesBody,
  RecoveryCodes,
  SessionView,
  TotpCodeBody,
} from '@tandem/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.js';
import type { SessionRecord } from '../data/auth.store.js';
import { AuthStore } from '../data/auth.store.js';
import { inAuditedTransaction } from '../data/transaction.js';
import { unauthenticated } from '../domain/errors.js';
import { clearSessionCookie, setSessionCookie } from '../http/session-cookie.js';
import { accountLocked, invalidCredentials } from '../services/auth.service.js';
import { standardErrors } from './route-helpers.js';

const tags = ['auth'];

function sessionOf(request: FastifyRequest): SessionRecord {
  if (!request.session) throw unauthenticated();
  return request.session;
}

const auditActor = (session: SessionRecord) => ({
  userId: session.user.id,
  agencyId: session.user.agencyId,
  side: session.user.side,
});

export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { auth, db, config } = ctx;
  const asSessionUser = <T>(
    request: FastifyRequest,
    work: (
      store: AuthStore,
      audit: Parameters<Parameters<typeof inAuditedTransaction>[3]>[1],
      session: SessionRecord,
    ) => Promise<T>,
  ) => {
    const session = sessionOf(request);
    return inAuditedTransaction(db, auditActor(session), request.id, (trx, audit) =>
      work(new AuthStore(trx), audit, session),
    );
  };
  const freshView = async (request: FastifyRequest) => {
    const session = await new AuthStore(db).findSession(sessionOf(request).id);
    if (!session) throw unauthenticated();
    return auth.toView(session);
  };

  return async (app) => {
    app.post(
      '/login',
      {
        config: {
          access: 'public',
          rateLimit: { max: config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: 60_000 },
        },
        schema: {
          tags,
          summary: 'Sign in with e-mail and password',
          body: LoginBody,
          response: { 200: SessionView, 423: ErrorResponse, ...standardErrors },
        },
      },
      async (request, reply) => {
        const result = await inAuditedTransaction(db, null, request.id, (trx, audit) =>
          auth.signIn(new AuthStore(trx), audit, request.body.email, request.body.password),
        );
        if (result.kind === 'locked') throw accountLocked(result.until);
        if (result.kind === 'invalid_credentials') throw invalidCredentials();
        setSessionCookie(reply, config, result.token);
        return auth.toView(result.session);
      },
    );

    app.get(
      '/session',
      {
        config: { access: 'signed-in-any-stage' },
        schema: { tags, summary: 'The current session', response: { 200: SessionView, ...standardErrors } },
      },
      async (request) => auth.toView(sessionOf(request)),
    );

    app.post(
      '/password',
      {
        config: { access: 'signed-in-any-stage' },
        schema: {
          tags,
          summary: 'Change the password',
          body: ChangePasswordBody,
          response: { 200: SessionView, ...standardErrors },
        },
      },
      async (request) => {
        await asSessionUser(request, (store, audit, session) =>
          auth.changePassword(store, audit, session, request.body.currentPassword, request.body.newPassword),
        );
        return freshView(request);
      },
    );

    app.post(
      '/mfa/enrolment',
      {
        config: { access: 'signed-in-any-stage' },
        schema: { tags, summary: 'Start TOTP enrolment', response: { 200: MfaEnrolment, ...standardErrors } },
      },
      async (request) =>
        asSessionUser(request, (store, audit, session) => auth.startEnrolment(store, audit, session)),
    );

    app.post(
      '/mfa/enrolment/confirm',
      {
        config: { access: 'signed-in-any-stage' },
        schema: {
          tags,
          summary: 'Confirm TOTP enrolment with a code; returns recovery codes once',
          body: TotpCodeBody,
          response: { 200: RecoveryCodes, ...standardErrors },
        },
      },
      async (request) =>
        asSessionUser(request, (store, audit, session) =>
          auth.confirmEnrolment(store, audit, session, request.body.code),
        ),
    );

    app.post(
      '/mfa/verify',
      {
        config: { access: 'signed-in-any-stage' },
        schema: {
          tags,
          summary: 'Second factor at sign-in: TOTP code or recovery code',
          body: MfaVerifyBody,
          response: { 200: SessionView, 423: ErrorResponse, ...standardErrors },
        },
      },
      async (request, reply) => {
        const result = await asSessionUser(request, (store, audit, session) =>
          auth.verifySecondFactor(store, audit, session, request.body),
        );
        if (!result.ok) {
          if (result.lockedUntil) {
            clearSessionCookie(reply, config);
            throw accountLocked(result.lockedUntil);
          }
          throw invalidCredentials();
        }
        return freshView(request);
      },
    );

    app.post(
      '/logout',
      {
        config: { access: 'signed-in-any-stage' },
        schema: { tags, summary: 'Sign out of this session', response: { 200: Ok, ...standardErrors } },
      },
      async (request, reply) => {
        await asSessionUser(request, (store, audit, session) => auth.signOut(store, audit, session));
        clearSessionCookie(reply, config);
        return { ok: true as const };
      },
    );

    app.post(
      '/logout-all',
      {
        config: { access: 'signed-in-any-stage' },
        schema: {
          tags,
          summary: 'Sign out of every session of this account',
          response: { 200: Ok, ...standardErrors },
        },
      },
      async (request, reply) => {
        await asSessionUser(request, (store, audit, session) =>
          auth.signOutEverywhere(store, audit, session),
        );
        clearSessionCookie(reply, config);
        return { ok: true as const };
      },
    );
  };
}

export function meRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.put(
      '/preferences',
      {
        schema: {
          tags: ['me'],
          summary: 'Set my language',
          body: PreferencesBody,
          response: { 200: SessionView, ...standardErrors },
        },
      },
      async (request) => {
        const session = sessionOf(request);
        await inAuditedTransaction(ctx.db, auditActor(session), request.id, (trx, audit) =>
          ctx.auth.setLanguage(new AuthStore(trx), audit, session, request.body.language),
        );
        const fresh = await new AuthStore(ctx.db).findSession(session.id);
        return ctx.auth.toView(fresh!);
      },
    );
  };
}
