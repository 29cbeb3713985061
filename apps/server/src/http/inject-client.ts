import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * An HTTP client inside the process (Fastify's inject): it keeps the session cookie and sends the
 * CSRF token as the web app does, so what it does passes every check a browser's request passes.
 * The tests use it, and so does the demo's first start (seed/demo-cases.ts).
 */
export class InjectClient {
  private cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(
    private readonly app: FastifyInstance,
    private readonly cookieName = 'tandem_session',
  ) {}

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await this.app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(this.cookie && { cookie: this.cookie }),
        ...(this.csrfToken && method !== 'GET' && { 'x-csrf-token': this.csrfToken }),
        ...headers,
      },
      ...(body !== undefined && { payload: body as object }),
    });
    this.keepSession(response);
    return response;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  put = (url: string, body: unknown) => this.request('PUT', url, body);

  async signIn(email: string, password: string) {
    const response = await this.post('/api/auth/login', { email, password });
    if (response.statusCode === 200) this.csrfToken = response.json().csrfToken;
    return response;
  }

  /** The session this client holds, to carry it over real HTTP (the load benchmark signs in here). */
  session(): { token: string; csrfToken: string } | null {
    const token = this.cookie?.slice(this.cookieName.length + 1);
    return token && this.csrfToken ? { token, csrfToken: this.csrfToken } : null;
  }

  private keepSession(response: LightMyRequestResponse) {
    const setCookie = response.cookies.find((cookie) => cookie.name === this.cookieName);
    if (!setCookie) return;
    this.cookie = setCookie.value ? `${this.cookieName}=${setCookie.value}` : null;
    if (!setCookie.value) this.csrfToken = null;
  }
}
