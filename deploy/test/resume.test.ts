/**
 * Day two: after Fly suspends a machine and resumes it, the pooled database connections may be
 * dead — the first query on one is answered with a reset. The server must drop such connections
 * and ask a read once more, so the user sees a normal answer, never an error.
 *
 * A TCP relay between the server (dist/main.js) and a real PostgreSQL stands for the network:
 * `severAll()` makes every open connection dead the way a resumed machine finds them (the next
 * bytes sent on one are answered with a reset), while new connections work.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';
import { findFreePort, type PostgresServer, startPostgres } from '@habit-tracker/test-support';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ServerProcess, startServer } from './support/processes';

interface Relay {
  port: number;
  severAll(): void;
  close(): Promise<void>;
}

async function startRelay(target: { host: string; port: number }): Promise<Relay> {
  const pairs = new Set<{ client: Socket; upstream: Socket; dead: boolean }>();
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    const pair = { client, upstream, dead: false };
    pairs.add(pair);
    client.on('data', (chunk) => {
      if (pair.dead) {
        client.resetAndDestroy();
        upstream.destroy();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!pair.dead) client.write(chunk);
    });
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', drop);
    upstream.on('close', () => {
      if (!pair.dead) drop();
    });
    client.on('error', () => {});
    upstream.on('error', () => {});
  });
  const port = await findFreePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port,
    severAll() {
      for (const pair of pairs) pair.dead = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const pair of pairs) pair.client.destroy();
        server.close(() => resolve());
      }),
  };
}

let postgres: PostgresServer;
let relay: Relay;
let api: ServerProcess;
let metricsPort: number;

beforeAll(async () => {
  postgres = await startPostgres({ label: 'deploy-resume' });
  const url = new URL(postgres.url);
  relay = await startRelay({ host: url.hostname, port: Number(url.port) });
  url.port = String(relay.port);
  metricsPort = await findFreePort();
  api = await startServer({ DATABASE_URL: url.toString(), METRICS_PORT: String(metricsPort) });
});

afterAll(async () => {
  await api?.stop();
  await relay?.close();
  await postgres?.stop();
});

it('answers a read normally when its pooled connection turns out dead', async () => {
  const signUp = await fetch(`${api.url}/api/v1/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'resume@example.com',
      password: 'correct horse',
      timeZone: 'UTC',
    }),
  });
  expect(signUp.status).toBe(201);
  const cookie = (signUp.headers.get('set-cookie') ?? '').split(';')[0]!;
  // Fill the pool with connections, as a machine does before it is suspended.
  await Promise.all(
    Array.from({ length: 6 }, () => fetch(`${api.url}/api/v1/today`, { headers: { cookie } })),
  );

  relay.severAll(); // …suspended, resumed: every pooled connection is dead now

  const today = await fetch(`${api.url}/api/v1/today`, { headers: { cookie } });
  if (today.status !== 200)
    console.log(
      await today.text(),
      api.output().slice(-3000),
      await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text().then((t) =>
        t
          .split('\n')
          .filter((l) => l.includes('retries') || l.includes('pool_conn'))
          .join('\n'),
      ),
    );
  expect(today.status).toBe(200);
  expect(((await today.json()) as { date: string }).date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  expect(metrics).toMatch(/habit_read_retries_total\{status="200",region="local"\} [1-9]/);
  // The dead connection the first try used was dropped from the pool, not handed out again.
  const again = await fetch(`${api.url}/api/v1/today`, { headers: { cookie } });
  expect(again.status).toBe(200);
});

it('does not retry a write: the client resends it with its Idempotency-Key', async () => {
  relay.severAll();
  const res = await fetch(`${api.url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'resume@example.com', password: 'correct horse' }),
  });
  // Either a fresh connection served it, or it failed as unavailable (503, Retry-After): never
  // applied twice by a silent retry.
  expect([200, 503]).toContain(res.status);
});
