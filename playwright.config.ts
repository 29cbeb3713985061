import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests against the real server (which serves the built web app from apps/web/dist:
 * `npm run test:e2e` builds it first). Every run starts on an empty database in a fresh
 * directory, in demo mode, so the demo accounts exist and skip MFA.
 *
 * E2E_BASE_URL=http://127.0.0.1:5173 runs the tests against a server that is already running
 * (for example the Vite dev server) instead of starting one.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const externalBaseUrl = process.env.E2E_BASE_URL;
const baseURL = externalBaseUrl ?? `http://127.0.0.1:${port}`;

// The config is loaded by the runner and again by its workers: one data directory per run.
process.env.E2E_DATA_DIR ??= path.resolve('.e2e-data', new Date().toISOString().replace(/[:.]/g, '-'));
const dataDir = process.env.E2E_DATA_DIR;
if (!externalBaseUrl) mkdirSync(dataDir, { recursive: true });

const serverEnv: Record<string, string> = {
  PORT: String(port),
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  DEMO_MODE: 'true',
  LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  // Every test's browser is 127.0.0.1: one client to the rate limit, walking every page of every role.
  API_RATE_LIMIT_PER_MINUTE: '100000',
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  // Outgoing mail (one-time links) is written here, where the specs read it as the owner would.
  MAIL_DIR: path.join(dataDir, 'mail'),
};
if (process.env.DATABASE_URL) {
  // On PostgreSQL, every run gets a schema of its own, like every integration-test file.
  process.env.E2E_DATABASE_SCHEMA ??= `e2e_${path
    .basename(dataDir)
    .replace(/[^a-z0-9]/gi, '_')
    .toLowerCase()}`;
  serverEnv.DATABASE_URL = process.env.DATABASE_URL;
  serverEnv.DATABASE_SCHEMA = process.env.E2E_DATABASE_SCHEMA;
}

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: externalBaseUrl
    ? undefined
    : {
        command: 'node --import tsx apps/server/src/main.ts',
        url: `http://127.0.0.1:${port}/api/health`,
        env: serverEnv,
        timeout: 120_000,
        reuseExistingServer: false,
        stdout: 'pipe',
        stderr: 'pipe',
      },
});
