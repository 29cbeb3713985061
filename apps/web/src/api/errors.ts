import { ErrorResponse, type FieldError } from '@tandem/shared';
import type { z } from 'zod';

export type ApiFieldError = z.infer<typeof FieldError>;

/**
 * Every failed request becomes an ApiError: the HTTP status, the server's machine-readable
 * `error` code, its human message and the per-field messages (for showing under inputs).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: ApiFieldError[];
  /** How long to wait before asking again (the Retry-After header of a 429), when the server said. */
  readonly retryAfterSeconds: number | null;

  constructor(
    status: number,
    code: string,
    message: string,
    fields: ApiFieldError[] = [],
    retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The message for one form field, e.g. `fieldMessage('email')`, also matching nested paths (`roles.0`). */
  fieldMessage(field: string): string | undefined {
    return this.fields.find((f) => f.path === field || f.path.startsWith(`${field}.`))?.message;
  }

  /** Field messages the form does not show next to an input (so they are not lost). */
  otherFieldMessages(shownFields: readonly string[]): string[] {
    return this.fields
      .filter((f) => !shownFields.some((name) => f.path === name || f.path.startsWith(`${name}.`)))
      .map((f) => f.message);
  }
}

/** `body.roles[0]`, `/roles/0` and `roles.0` all become `roles.0`. */
export function normalizeFieldPath(path: string): string {
  return path
    .replace(/\[(\w+)\]/g, '.$1')
    .replace(/^\//, '')
    .replaceAll('/', '.')
    .replace(/^(body|querystring|query|params)\./, '');
}

/** Retry-After in seconds (the form the server sends); null when absent or a date. */
function retryAfterOf(header: string | null | undefined): number | null {
  return header && /^\d+$/.test(header.trim()) ? Number(header.trim()) : null;
}

/**
 * Maps a failed response (status + parsed body, if any, + its Retry-After header) to an
 * ApiError. Pure: tested without a network.
 */
export function toApiError(status: number, payload: unknown, retryAfter?: string | null): ApiError {
  const parsed = ErrorResponse.safeParse(payload);
  const wait = retryAfterOf(retryAfter);
  if (parsed.success) {
    const fields = (parsed.data.fields ?? []).map((f) => ({
      path: normalizeFieldPath(f.path),
      message: f.message,
      ...(f.detail !== undefined && { detail: f.detail }),
    }));
    return new ApiError(status, parsed.data.error, parsed.data.message, fields, wait);
  }
  return new ApiError(status, `http_${status}`, `The server answered with status ${status}.`, [], wait);
}

export function networkError(): ApiError {
  return new ApiError(0, 'network_error', 'The server could not be reached.');
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
