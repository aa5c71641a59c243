import { defineProject } from 'vitest/config';

// Deploy files checked against the real thing: fly.toml against Fly's documented keys, the
// workflows' structure, Debian's nginx in front of real API processes, and the built server
// (apps/server/dist/main.js, made by `npm run build`, which `npm test` runs first) under SIGTERM.
// The image build itself is `npm run test:image` (deploy/image-test.sh), run by .ci/run.
export default defineProject({
  test: {
    name: 'deploy',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The process tests start servers and measure them; one file at a time keeps numbers honest.
    fileParallelism: false,
  },
});
