import { defineProject } from 'vitest/config';

// The web app's unit tests: its pure models (Today's grid and outbox view, the habit form, the
// quick entry, colours) and the outbox against the real API in this process (offline/*.test.ts).
export default defineProject({
  test: {
    name: 'web',
    include: ['src/**/*.test.ts'],
  },
});
