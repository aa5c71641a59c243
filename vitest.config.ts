import { defineConfig } from 'vitest/config';

// Each workspace owns its test setup (the database harness lives with the data layer);
// `npm test` runs every project in one vitest process.
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'apps/*/vitest.config.ts',
      'e2e/vitest.config.{ts,mts}',
      'deploy/vitest.config.ts',
      'lab/vitest.config.ts',
    ],
  },
});
