import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';

/**
 * The session cookie. In production its name carries the `__Host-` prefix, so the browser only
 * accepts it over HTTPS, for this exact host and the whole site (config.sessionCookieName):
 * a sibling subdomain cannot plant or overwrite it.
 */
export function setSessionCookie(reply: FastifyReply, config: Config, token: string) {
  reply.setCookie(config.sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
    path: '/',
    maxAge: config.SESSION_ABSOLUTE_TIMEOUT_HOURS * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config) {
  reply.clearCookie(config.sessionCookieName, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
  });
}

export const sessionTokenOf = (request: FastifyRequest, config: Config): string | undefined =>
  request.cookies[config.sessionCookieName];
