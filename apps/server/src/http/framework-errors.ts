import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { inLanguageOf } from './error-handler.js';

/**
 * Errors Fastify's router raises before a route (and the error handler) is reached: a path that
 * is not valid percent-encoded UTF-8 (a lone surrogate, `%ED%A0%80`), a path parameter longer
 * than the router takes. Left to Fastify, they answer in its own shape — echoing the URL — and
 * the second with a 414 the API document does not list. Here: the API's one error shape, a 400
 * naming the path, in the request's language. Wire with `Fastify({ frameworkErrors: answerFrameworkError })` (app.ts).
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const message =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'A part of the path is too long'
      : error.code === 'FST_ERR_BAD_URL'
        ? 'The path is not valid text'
        : 'The request is not valid';
  return reply.status(400).send(
    inLanguageOf(request, {
      error: 'invalid_input',
      message: `path: ${message}`,
      fields: [{ path: 'path', message }],
    }),
  );
}
