import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'storage',
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // radosgw starts in ~1 s here; the harness gives up after 60 s on a slow machine.
    hookTimeout: 90_000,
    globalSetup: ['test/support/global-setup.ts'],
  },
});
