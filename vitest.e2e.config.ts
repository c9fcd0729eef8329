import { defineConfig } from 'vitest/config';

/** End-to-end specs: the built web app (dist/renderer) in Debian's Chromium via playwright-core. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.spec.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
