import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// The reliability suite (`npm run test:reliability`, docs/reliability.md): load, crashes, database
// faults and hostile input against real processes. Every file starts its own servers and
// PostgreSQL clusters, and many measure time: files run one at a time on purpose.
export default defineConfig({
  root: join(import.meta.dirname, '..'),
  test: {
    name: 'reliability',
    include: ['reliability/test/**/*.test.ts'],
    globalSetup: ['reliability/support/global-setup.ts'],
    fileParallelism: false,
    // Each test bounds its own work; these only stop a wedged one.
    testTimeout: 180_000,
    hookTimeout: 240_000,
    teardownTimeout: 60_000,
  },
});
