import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['apps/*/src/**/*.test.{ts,tsx}', 'packages/*/src/**/*.test.ts'],
    // Each test file opens its own database (in-process PGlite, or a fresh schema on PostgreSQL).
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
