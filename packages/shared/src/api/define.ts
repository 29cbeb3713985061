import type { z } from 'zod';

/**
 * The one contract across the wire: every route of the API is defined once, here, with its
 * method, path, inputs and answer. The server registers its routes from these definitions
 * (apps/server/src/routes/register.ts) and the web app's client is typed from them
 * (apps/web/src/api/client.ts), so neither side can drift from the other.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route: anyone, a session at any stage of signing in, or a fully signed-in user. */
export type RouteAccess = 'public' | 'signed-in-any-stage' | 'active';

/** Every path is below this prefix. */
export const API_PREFIX = '/api';

export interface RouteDefinition {
  readonly method: HttpMethod;
  /** Below API_PREFIX, Fastify style: `/pp-episodes/:id`. */
  readonly path: string;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly access?: RouteAccess;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** The status of success. */
  readonly status: 200 | 201;
  /** The answer: a schema for JSON, or the media type of a file (PDF, iCalendar, CSV...). */
  readonly response: z.ZodType | { readonly file: string };
  /** Error statuses this route may answer beyond the standard ones (400, 401, 403, 404, 409, 429). */
  readonly errors?: readonly number[];
  /**
   * `false` where a call is made by the page, not by the person (the live stream): it does not
   * count as activity, so an idle session still ends on time.
   */
  readonly keepsSessionAlive?: false;
}

export const defineRoute = <const D extends RouteDefinition>(definition: D): D => definition;

type InputOf<S> = S extends z.ZodType ? z.input<S> : never;

/** What a caller sends: only the parts the route has. */
export type RouteInput<D extends RouteDefinition> = (D['params'] extends z.ZodType
  ? { params: InputOf<D['params']> }
  : { params?: undefined }) &
  (D['query'] extends z.ZodType ? { query?: InputOf<D['query']> } : { query?: undefined }) &
  (D['body'] extends z.ZodType ? { body: InputOf<D['body']> } : { body?: undefined });

/** What the server hands the handler: the parts after validation (defaults applied). */
export type RouteArgs<D extends RouteDefinition> = {
  params: D['params'] extends z.ZodType ? z.output<D['params']> : undefined;
  query: D['query'] extends z.ZodType ? z.output<D['query']> : undefined;
  body: D['body'] extends z.ZodType ? z.output<D['body']> : undefined;
};

/** What a route answers: the parsed JSON, or the file's bytes. */
export type RouteOutput<D extends RouteDefinition> = D['response'] extends z.ZodType
  ? z.output<D['response']>
  : Uint8Array;

export const isFileResponse = (
  response: RouteDefinition['response'],
): response is { readonly file: string } =>
  typeof response === 'object' &&
  response !== null &&
  'file' in response &&
  typeof response.file === 'string';

/** `/pp-episodes/:id` with `{ id: 'x' }` → `/api/pp-episodes/x`. */
export function routeUrl(path: string, params?: Record<string, string | number>): string {
  const filled = path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
  return `${API_PREFIX}${filled}`;
}
