import { markServerActivity } from './activity';
import { type ApiError, networkError, toApiError } from './errors';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

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

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function request<T>(
  method: Method,
  path: string,
  options: { body?: unknown; query?: Query } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
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

  const payload = await readBody(response);
  if (!response.ok) {
    const error = toApiError(response.status, payload);
    if (response.status === 401) config.onUnauthorized(error, path);
    throw error;
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
};
