import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';

/**
 * Structured logs without personal data: request logs carry method, route and status only
 * (no query strings, bodies, cookies or headers); errors carry a type and code, never values.
 */
export function createLogger(
  config: Pick<Config, 'LOG_LEVEL' | 'NODE_ENV'>,
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      level: config.NODE_ENV === 'test' && config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL,
      base: { service: 'tandem' },
      redact: { paths: ['req.headers', 'res.headers', '*.password', '*.email', '*.token'], remove: true },
      serializers: {
        req: (request: { method: string; routeOptions?: { url?: string }; url: string; id: string }) => ({
          id: request.id,
          method: request.method,
          route: request.routeOptions?.url ?? request.url.split('?')[0],
        }),
        res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      },
    },
    destination,
  );
}
