/**
 * Failures that are not the client's fault: an unreachable database is 503 + Retry-After, a bug
 * is 500 without internals (logged with the request id). No real database needed.
 */
import { type Database, openDatabase } from '@habit-tracker/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { loadEnv } from '../src/env';
import { createLogger } from '../src/logger';
import { expectError, TestClient, testStorage } from './support/app';

/** The production logger (region and machine on every line), writing into an array. */
function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger(
    { ...env, LOG_LEVEL: 'info' },
    { write: (line: string) => lines.push(JSON.parse(line)) },
  );
  return { logger, lines };
}

const env = loadEnv({ NODE_ENV: 'test', FLY_REGION: 'sin', TRUST_PROXY: 'true' });

describe('database unreachable', () => {
  let database: Database;
  let client: TestClient;

  beforeAll(async () => {
    // Nothing listens on port 9 (discard): connections are refused at once.
    database = await openDatabase({ url: 'postgres://postgres@127.0.0.1:9/none', migrate: false });
    const app = createApp({
      storage: testStorage(),
      env,
      database,
      logger: capturingLogger().logger,
    });
    client = new TestClient(app);
  });
  afterAll(() => database?.close());

  it('health is 503 and says so', async () => {
    const res = await client.get('/api/health');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({
      status: 'degraded',
      region: 'sin',
      database: { reachable: false, kind: 'postgres', rttMs: null },
    });
  });

  it('API calls are 503 unavailable with Retry-After', async () => {
    client.cookie = `ht_session=${'C'.repeat(43)}`;
    const me = await client.get('/api/v1/me');
    expectError(me, 503, 'unavailable');
    expect(Number(me.headers.get('retry-after'))).toBeGreaterThan(0);
    const signIn = await client.post('/api/v1/auth/sign-in', {
      email: 'a@b.co',
      password: 'whatever1',
    });
    expectError(signIn, 503, 'unavailable');
  });
});

describe('unexpected errors', () => {
  const secret = 'relation "users" does not exist at /srv/secret/path';
  const throwing = new Proxy(
    {},
    {
      get() {
        throw new Error(secret);
      },
    },
  );
  const handles = {
    read: throwing,
    write: throwing,
    transaction: async () => {
      throw new Error(secret);
    },
    source: { from: 'primary', reason: 'no-replica' },
    describe: () => 'primary',
  };
  const broken = {
    kind: 'postgres',
    primary: handles,
    forRequest: async () => handles,
    recoverFromConnectionLoss: async () => false,
    ping: async () => 1,
    close: async () => {},
  } as unknown as Database;

  it('are 500 internal_error, logged with the request id, without internals in the response', async () => {
    const { logger, lines } = capturingLogger();
    const client = new TestClient(
      createApp({ storage: testStorage(), env, database: broken, logger }),
    );
    client.cookie = `ht_session=${'D'.repeat(43)}`;
    const res = await client.get('/api/v1/today', { headers: { 'fly-request-id': 'req-123' } });
    expectError(res, 500, 'internal_error');
    expect(res.text).not.toContain('secret');
    expect(res.text).not.toContain('relation');
    const logged = lines.find((l) => l.msg === 'unhandled error');
    expect(logged).toMatchObject({ id: 'req-123', err: { message: secret } });
  });

  it('every request is logged as one JSON line', async () => {
    const { logger, lines } = capturingLogger();
    const client = new TestClient(
      createApp({ storage: testStorage(), env, database: broken, logger }),
    );
    await client.get('/api/health', { headers: { 'fly-request-id': 'req-456' } });
    const requestLines = lines.filter((l) => l.msg === 'request');
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({
      id: 'req-456',
      method: 'GET',
      path: '/api/health',
      status: 200,
      ms: expect.any(Number),
      region: 'sin',
    });
  });
});
