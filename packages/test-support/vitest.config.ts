import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'test-support',
    include: ['test/**/*.test.ts'],
    // Real PostgreSQL and Ceph daemons start in seconds, but CI machines are slower and shared.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
