import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../domain/errors.js';
import { type Language, translate } from '../messages/catalogue.js';
import { languageOf } from '../messages/language.js';

interface ErrorBody {
  error: string;
  message: string;
  fields?: ReadonlyArray<{ path: string; message: string; detail?: string }>;
}

/**
 * Every error leaves as an ErrorResponse. Input errors name the field; unexpected errors are
 * logged by id and answered with a bare 500 — no stack trace, SQL or data reaches a client.
 * Log lines carry codes and ids only, never request bodies. Messages are put into the user's
 * language here, once for every error (messages/): codes, paths and details stay as they are.
 */
export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    try {
      const [status, body] = answerError(error, request);
      return reply.status(status).send(inLanguageOf(request, body));
    } catch {
      // Never let Fastify's fallback handler echo an error message to the client.
      return reply
        .status(500)
        .send({ error: 'internal_error', message: `Something went wrong (reference ${request.id})` });
    }
  });
}

/**
 * One not-found answer for the whole server: a JSON 404 — or, when the web app is served, its
 * page for any GET outside /api (the app's router then shows the page or its own "not found").
 */
export function installNotFound(app: FastifyInstance, options: { spaFallback: boolean }) {
  app.setNotFoundHandler((request, reply) => {
    if (options.spaFallback && request.method === 'GET' && !request.url.startsWith('/api'))
      return reply.sendFile('index.html');
    return reply.status(404).send(notFoundBody(request));
  });
}

export const notFoundBody = (request: FastifyRequest) =>
  inLanguageOf(request, {
    error: 'not_found',
    message: `No route ${request.method} ${request.url.split('?')[0]}`,
  });

/**
 * The body with its message and each field's message in the request's language. A translation
 * never fails an answer: anything unexpected, and the English body goes out as it is.
 */
export function inLanguageOf<Body extends ErrorBody>(request: FastifyRequest, body: Body): Body {
  try {
    return translated(body, languageOf(request));
  } catch {
    return body;
  }
}

function translated<Body extends ErrorBody>(body: Body, language: Language): Body {
  if (language === 'en') return body;
  const fields = body.fields?.map((field) => ({ ...field, message: translate(field.message, language) }));
  const first = body.fields?.[0];
  const firstTranslated = fields?.[0];
  // "path: its message" (validation, an instrument's answers): the path stays, the message is the field's.
  const message =
    first && firstTranslated && body.message === `${first.path}: ${first.message}`
      ? `${first.path}: ${firstTranslated.message}`
      : translate(body.message, language);
  return { ...body, message, ...(fields && { fields }) };
}

function answerError(error: FastifyError, request: FastifyRequest): [status: number, body: ErrorBody] {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = error.validationContext ?? 'body';
    const fields = error.validation.flatMap((issue) => {
      const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
      // A field the route does not take is named itself, not the object that holds it.
      const unexpected = issue.keyword === 'unrecognized_keys' ? (issue.params.keys as string[]) : null;
      if (unexpected?.length)
        return unexpected.map((key) => ({
          path: path ? `${path}.${key}` : key,
          message: 'This field is not taken here',
        }));
      return [{ path: path || context, message: issue.message ?? 'Invalid value' }];
    });
    const first = fields[0];
    return [
      400,
      {
        error: 'invalid_input',
        message: first ? `${first.path}: ${first.message}` : 'The request is not valid',
        fields,
      },
    ];
  }
  if (error instanceof AppError) {
    return [
      error.statusCode,
      { error: error.code, message: error.message, ...(error.fields && { fields: error.fields }) },
    ];
  }
  if (error.statusCode === 429) {
    return [429, { error: 'rate_limited', message: 'Too many requests. Wait a minute and try again.' }];
  }
  const fromDatabase = databaseClientError(error);
  if (fromDatabase) {
    // A safety net only: input is validated before it reaches the database, naming the field.
    request.log.warn({ err: { type: error.name, code: error.code } }, 'input refused by the database');
    return [fromDatabase.status, { error: fromDatabase.code, message: fromDatabase.message }];
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    // Fastify's own client errors (malformed JSON, wrong content type, body too large).
    const [code, message] = safeClientError(error);
    return [error.statusCode, { error: code, message }];
  }
  // The message of a database error can quote values (a duplicate key, a failing row): log the
  // error's type, code and stack frames, never its message.
  const frames = (error.stack ?? '').split('\n').slice(1).join('\n');
  request.log.error({ err: { type: error.name, code: error.code, frames } }, 'unhandled error');
  return [500, { error: 'internal_error', message: `Something went wrong (reference ${request.id})` }];
}

/**
 * PostgreSQL errors that can only come from the request's values (SQLSTATE classes 22 and 23).
 * Their messages may quote the values, so none of it is passed on.
 */
function databaseClientError(error: FastifyError): { status: number; code: string; message: string } | null {
  const sqlState = typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code) ? error.code : null;
  if (!sqlState) return null;
  if (sqlState === '23505') return { status: 409, code: 'conflict', message: 'This already exists' };
  if (sqlState === '23503')
    return { status: 400, code: 'invalid_reference', message: 'A referenced record does not exist' };
  if (sqlState.startsWith('22') || sqlState === '23514' || sqlState === '23502')
    return { status: 400, code: 'invalid_input', message: 'A value of the request is not valid' };
  return null;
}

function safeClientError(error: FastifyError): [code: string, message: string] {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return ['invalid_json', 'The request body is not valid JSON'];
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return ['unsupported_media_type', 'Send the request body as application/json'];
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return ['body_too_large', 'The request body is too large'];
    default:
      return ['bad_request', 'The request is not valid'];
  }
}
