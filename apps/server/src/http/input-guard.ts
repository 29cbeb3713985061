import type { FastifyInstance } from 'fastify';
import { AppError } from '../domain/errors.js';

/** A NUL (PostgreSQL refuses it in text) or half of a surrogate pair (not text at all). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding the NUL character is the point
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string in `value` that is not storable text, or null. */
export function unsafeStringPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return UNSAFE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unsafeStringPath(item, `${path}.${index}`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (UNSAFE.test(key)) return `${path}.${key.replace(UNSAFE, '?')}`;
      const found = unsafeStringPath(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Refuses, for every route at once, input that no text column can hold — a NUL character or a
 * lone surrogate anywhere in the body, the query or the path — with a 400 naming the field,
 * before any schema or query sees it.
 */
export function installInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['body', request.body],
      ['query', request.query],
      ['params', request.params],
    ] as const) {
      const path = unsafeStringPath(value, '');
      if (path !== null) {
        const field = path.replace(/^\./, '') || part;
        throw new AppError(400, 'invalid_input', `${field}: remove the control characters from this text`, [
          { path: field, message: 'Remove the control characters from this text' },
        ]);
      }
    }
  });
}
