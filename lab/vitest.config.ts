import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'lab',
    include: ['test/**/*.test.ts'],
    // One cluster (4 PostgreSQL servers, 3 API servers) per file: files run one at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
