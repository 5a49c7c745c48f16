import { defineConfig } from 'vitest/config';

/**
 * The Node tools' tests (receiver, stores, command line, server helper): environment node,
 * real databases (PGlite in a temp directory, a PostgreSQL server the global setup starts),
 * HTTP only over 127.0.0.1. Files are `*.spec.ts` so the browser project's unit run
 * (`tests/**\/*.test.ts` in happy-dom) never picks them up.
 */
export default defineConfig({
  test: {
    name: 'node',
    environment: 'node',
    include: ['tests/node/**/*.spec.ts'],
    globalSetup: ['tests/node/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: PGlite is CPU-bound WebAssembly, so more workers only add contention.
    maxWorkers: 2,
  },
});
