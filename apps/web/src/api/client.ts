import {
  type HttpMethod,
  isFileResponse,
  type RouteDefinition,
  type RouteInput,
  type RouteOutput,
  routeUrl,
} from '@tandem/shared';
import { markServerActivity } from './activity';
import { type ApiError, networkError, toApiError } from './errors';

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue | readonly QueryValue[]>;

interface ApiConfig {
  /** The CSRF token of the current session, sent with every request that is not a GET. */
  getCsrfToken: () => string | null;
  /** Called for every 401, before the error is thrown (session ended, second factor missing...). */
  onUnauthorized: (error: ApiError, path: string) => void;
}

const config: ApiConfig = {
  getCsrfToken: () => null,
  onUnauthorized: () => {},
};

export function configureApi(next: Partial<ApiConfig>): void {
  Object.assign(config, next);
}

/** The query string of a request: empty values are left out, lists repeat their key. */
export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null && item !== '') params.append(key, String(item));
    }
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function send(
  method: HttpMethod,
  path: string,
  options: { body?: unknown; query?: Query | undefined; file?: string | undefined },
): Promise<unknown> {
  const headers: Record<string, string> = { accept: options.file ?? 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = config.getCsrfToken();
    if (token) headers['x-csrf-token'] = token;
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw networkError();
  }
  if (!path.startsWith('/api/public/')) markServerActivity();

  if (!response.ok) {
    const error = toApiError(response.status, await readJson(response), response.headers.get('retry-after'));
    if (response.status === 401) config.onUnauthorized(error, path);
    throw error;
  }
  if (options.file) return new Uint8Array(await response.arrayBuffer());
  return readJson(response);
}

/** The body a route takes (what a form sends). */
export type BodyOf<D extends RouteDefinition> = RouteInput<D> extends { body: infer B } ? B : never;

/** A route without required parts may be called without input. */
type CallArgs<D extends RouteDefinition> =
  // biome-ignore lint/complexity/noBannedTypes: "has no required key" is exactly `{} extends`.
  {} extends RouteInput<D> ? [input?: RouteInput<D>] : [input: RouteInput<D>];

/**
 * Calls one route of the shared route table (`call(routes.programme.get, { params: { id } })`):
 * its path, method, inputs and answer come from the definition, so the client cannot drift
 * from the server. A file answer (PDF, iCalendar) resolves to its bytes.
 */
export function call<D extends RouteDefinition>(route: D, ...[input]: CallArgs<D>): Promise<RouteOutput<D>> {
  const { params, query, body } = (input ?? {}) as {
    params?: Record<string, string | number>;
    query?: Query;
    body?: unknown;
  };
  const file = isFileResponse(route.response) ? route.response.file : undefined;
  return send(route.method, routeUrl(route.path, params), { query, body, file }) as Promise<RouteOutput<D>>;
}

/**
 * The address of a GET route, for what the browser fetches itself: a file to download (the
 * minutes' PDF, a meeting's calendar entry).
 */
export function routeHref<D extends RouteDefinition & { method: 'GET' }>(
  route: D,
  ...[input]: CallArgs<D>
): string {
  const { params, query } = (input ?? {}) as { params?: Record<string, string | number>; query?: Query };
  return buildUrl(routeUrl(route.path, params), query);
}
