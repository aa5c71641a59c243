/**
 * A proxy in front of the server (Fly's, the nginx front, the lab's edge) keeps idle connections
 * to it and sends the next request on one of them. If the server closes an idle connection first
 * — Node's default after 5 s — a request sent at that moment is reset and the user gets a 502.
 * The lab showed exactly that under load, and the server now outlasts the proxies (75 s;
 * apps/server/src/main.ts). This keeps it so: an idle connection is still open after
 * PROXY_IDLE_MS, longer than the lab's edge ever leaves one unused under load.
 */
import { type PostgresServer, startPostgres } from '@habit-tracker/test-support';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { measureIdleClose } from '../support/idle-close';
import { reportFigures } from '../support/results';
import { type ServerProcess, startServer } from '../support/server-process';

const PROXY_IDLE_MS = 10_000;

let postgres: PostgresServer;
let server: ServerProcess;

beforeAll(async () => {
  postgres = await startPostgres({ label: 'reliability-keep-alive' });
  server = await startServer({ DATABASE_URL: postgres.url, NODE_ENV: 'production' });
});

afterAll(async () => {
  await server?.stop();
  await postgres?.stop();
});

it(`keeps an idle keep-alive connection open longer than a proxy would (${PROXY_IDLE_MS / 1000} s)`, async () => {
  const closedAfterMs = await measureIdleClose(
    { host: '127.0.0.1', port: server.port },
    PROXY_IDLE_MS,
  );
  reportFigures('keep-alive', {
    idleConnectionClosedAfterMs:
      closedAfterMs === null ? `>${PROXY_IDLE_MS}` : Math.round(closedAfterMs),
  });
  expect(closedAfterMs).toBeNull();
});
