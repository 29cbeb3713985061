import type { FastifyInstance } from 'fastify';
import type { PgBoss } from 'pg-boss';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { type DatabaseHandle, openDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import { loadInstruments } from './instruments/registry.js';
import { startJobs } from './jobs/job-runner.js';
import { createLogger } from './logger.js';
import { loadFieldCipher } from './security/field-encryption.js';
import { seedDemoNetwork } from './seed/demo-network.js';

export interface RunningSystem {
  app: FastifyInstance;
  database: DatabaseHandle;
  jobs: PgBoss | null;
  url: string;
  seeded: boolean;
  stop(): Promise<void>;
}

/** Opens the database, migrates, seeds the demo network (demo mode), starts jobs and HTTP. */
export async function startSystem(config: Config): Promise<RunningSystem> {
  const logger = createLogger(config);
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.dataDir,
    schema: config.DATABASE_SCHEMA,
  });
  await migrate(database);
  await loadInstruments(database.db, config.INSTRUMENTS_DIR);
  const seeded = config.DEMO_MODE ? await seedDemoNetwork(database.db) : false;
  const cipher = loadFieldCipher(config.FIELD_ENCRYPTION_KEYS, config.dataDir);
  const jobs = config.JOBS_ENABLED ? await startJobs(database, config, logger) : null;
  const app = await buildApp({ config, db: database.db, cipher });
  const address = await app.listen({ host: config.HOST, port: config.PORT });
  return {
    app,
    database,
    jobs,
    url: address.replace('://127.0.0.1', '://localhost'),
    seeded,
    async stop() {
      await app.close();
      await jobs?.stop({ graceful: true });
      await database.close();
    },
  };
}
