import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'db',
    include: ['test/**/*.test.ts'],
    // Real PostgreSQL servers start in about a second, but CI machines are slower and shared.
    testTimeout: 30000,
    hookTimeout: 60000,
  },
});
