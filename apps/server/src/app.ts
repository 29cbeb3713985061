import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DestinationStream } from 'pino';
import type { AppContext } from './app-context.js';
import type { Config } from './config.js';
import type { Database } from './db/schema.js';
import { type Clock, systemClock } from './domain/clock.js';
import { installAuthentication } from './http/authentication.js';
import { installErrorHandling, installNotFound, notFoundBody } from './http/error-handler.js';
import { answerFrameworkError } from './http/framework-errors.js';
import { installInputGuard } from './http/input-guard.js';
import { postgresRateLimitStore } from './http/postgres-rate-limit-store.js';
import { installCompression, serveWebApp } from './http/web-delivery.js';
import type { ChangeFeed } from './live/change-feed.js';
import { createLogger } from './logger.js';
import { adminRoutes } from './routes/admin.routes.js';
import { auditRoutes } from './routes/audit.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { calendarFeedRoutes } from './routes/calendar-feed.routes.js';
import { caseRoutes } from './routes/cases.routes.js';
import { directoryRoutes } from './routes/directory.routes.js';
import { dutyRoutes } from './routes/duties.routes.js';
import { instrumentRoutes } from './routes/instruments.routes.js';
import { liveRoutes } from './routes/live.routes.js';
import { meetingRoutes } from './routes/meetings.routes.js';
import { networkRoutes } from './routes/network.routes.js';
import { peopleRoutes } from './routes/people.routes.js';
import { programmeRoutes } from './routes/programme.routes.js';
import { seriousHarmRoutes } from './routes/serious-harm.routes.js';
import { systemRoutes } from './routes/system.routes.js';
import { victimRoutes } from './routes/victim.routes.js';
import { loadEscalationRules } from './rules/escalation-rules.js';
import type { FieldCipher } from './security/field-encryption.js';
import { AuthService } from './services/auth.service.js';

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface RouteTableEntry {
  method: string;
  url: string;
  access: 'public' | 'signed-in-any-stage' | 'active';
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteTableEntry[];
  }
}

export interface BuildAppOptions {
  config: Config;
  db: Kysely<Database>;
  /** Where dashboards and exports read (a streaming replica); `db` when absent. */
  readDb?: Kysely<Database>;
  cipher: FieldCipher;
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
  /** Where the built web app is (apps/web/dist unless a test says otherwise). */
  webDist?: string;
  /** The one clock (tests move it); the machine's time by default. */
  clock?: Clock;
  /** The database's change signals (live/change-feed.ts), opened on the same database handle. */
  changeFeed: ChangeFeed;
  /** Where logs go (tests read them to prove no personal data is logged); stdout by default. */
  logStream?: DestinationStream;
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, db, cipher } = options;
  const app = Fastify({
    // Router errors (a path that is not text, a part too long) answer in the API's one error shape.
    frameworkErrors: answerFrameworkError,
    loggerInstance: createLogger(config, options.logStream) as unknown as FastifyBaseLogger,
    // X-Forwarded-For only from the proxies the operator names (TRUST_PROXY); else ignored.
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
    genReqId: () => crypto.randomUUID(),
  });
  // Every route and how it is reached, for the test that proves each one refuses strangers.
  const routeTable: RouteTableEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method !== 'HEAD')
        routeTable.push({ method, url: route.url, access: route.config?.access ?? 'active' });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: config.secureCookies,
  });
  await installCompression(app);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Tandem API',
        version: '0.1.0',
        description: 'Multi-agency domestic-violence casework (ASAP 2.0)',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: config.sessionCookieName } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // The API documentation is a setting (API_DOCS), off by default in production.
  if (config.API_DOCS) await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const clock = options.clock ?? systemClock;
  const ctx: AppContext = {
    config,
    db,
    readDb: options.readDb ?? db,
    cipher,
    clock,
    auth: new AuthService(config, cipher, clock),
    escalationRules: loadEscalationRules(config.ESCALATION_RULES_FILE),
    changeFeed: options.changeFeed,
  };

  // Everything under /api: rate limit → authenticate (deny by default) → validate → handler.
  await app.register(
    async (api) => {
      await api.register(rateLimit, {
        global: true,
        max: config.API_RATE_LIMIT_PER_MINUTE,
        timeWindow: 60_000,
        store: postgresRateLimitStore(db),
        keyGenerator: (request) => request.ip,
      });
      installAuthentication(api, db, config, clock);
      installInputGuard(api);
      await api.register(systemRoutes(ctx));
      await api.register(authRoutes(ctx));
      await api.register(calendarFeedRoutes(ctx));
      await api.register(adminRoutes(ctx));
      await api.register(auditRoutes(ctx));
      await api.register(networkRoutes(ctx));
      await api.register(directoryRoutes(ctx));
      await api.register(programmeRoutes(ctx));
      await api.register(peopleRoutes(ctx));
      await api.register(victimRoutes(ctx));
      await api.register(seriousHarmRoutes(ctx));
      await api.register(dutyRoutes(ctx));
      await api.register(caseRoutes(ctx));
      await api.register(instrumentRoutes(ctx));
      await api.register(meetingRoutes(ctx));
      await api.register(liveRoutes(ctx));
      api.setNotFoundHandler((request, reply) => reply.status(404).send(notFoundBody(request)));
    },
    { prefix: '/api' },
  );

  const webDist = options.webDist ?? WEB_DIST;
  const serveWeb = options.serveWeb !== false && existsSync(webDist);
  if (serveWeb) await serveWebApp(app, webDist);
  installNotFound(app, { spaFallback: serveWeb });
  return app;
}
