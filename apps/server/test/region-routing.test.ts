/**
 * Multi-region routing (docs/decisions/0006-multi-region-data-routing.md): the pure decisions,
 * the read-your-writes token, and the whole middleware on a real primary with a streaming
 * replica (the data layer's harness), in a replica region (sin) and the primary region (iad).
 */
import { type Database, openDatabase, updateSettings } from '@habit-tracker/db';
import { type PostgresServer, startPostgres, startReplica } from '@habit-tracker/test-support';
import { Hono } from 'hono';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Env, EnvError, loadEnv } from '../src/env';
import { lsnCookieName, readLsnToken, writeLsnToken } from '../src/http/read-your-writes';
import {
  canReplay,
  inPrimaryRegion,
  isWriteRequest,
  planRead,
  planWrite,
} from '../src/middleware/region-routing';
import { createTestApp, expectError, type TestApp, type TestClient } from './support/app';
import { openTestDatabase, type TestDatabase } from './support/databases';

const sin = loadEnv({ FLY_REGION: 'sin', PRIMARY_REGION: 'iad', NODE_ENV: 'test' });
const sinDirect = loadEnv({
  FLY_REGION: 'sin',
  PRIMARY_REGION: 'iad',
  WRITE_ROUTING: 'direct',
  NODE_ENV: 'test',
});
const iad = loadEnv({ FLY_REGION: 'iad', PRIMARY_REGION: 'iad', NODE_ENV: 'test' });
const local = loadEnv({ NODE_ENV: 'test' });

describe('configuration', () => {
  it('replays writes by default only where Fly’s proxy exists', () => {
    expect(local.WRITE_ROUTING).toBe('direct');
    expect(sin.WRITE_ROUTING).toBe('replay');
    expect(loadEnv({ FLY_APP_NAME: 'habits' }).WRITE_ROUTING).toBe('replay');
    expect(loadEnv({ FLY_REGION: 'sin', WRITE_ROUTING: 'direct' }).WRITE_ROUTING).toBe('direct');
    expect(loadEnv({ WRITE_ROUTING: 'replay' }).WRITE_ROUTING).toBe('replay');
    expect(() => loadEnv({ WRITE_ROUTING: 'teleport' })).toThrow(/WRITE_ROUTING/);
  });

  it('keeps replayable bodies under Fly’s 1 MB limit, and a replica needs a primary', () => {
    expect(() => loadEnv({ FLY_REGION: 'sin', BODY_LIMIT_BYTES: '2000000' })).toThrow(
      /BODY_LIMIT_BYTES.*1000000/,
    );
    expect(loadEnv({ BODY_LIMIT_BYTES: '2000000' }).BODY_LIMIT_BYTES).toBe(2_000_000); // direct
    expect(() => loadEnv({ DATABASE_READ_URL: 'postgres://replica/db' })).toThrow(EnvError);
    expect(
      loadEnv({ DATABASE_URL: 'postgres://p/db', DATABASE_READ_URL: 'postgres://r/db' })
        .DATABASE_READ_URL,
    ).toBe('postgres://r/db');
    expect(local.READ_YOUR_WRITES_WAIT_MS).toBe(300);
  });
});

describe('the decisions', () => {
  it('writes are non-GET/HEAD/OPTIONS requests under /api', () => {
    expect(isWriteRequest('POST', '/api/v1/habits')).toBe(true);
    expect(isWriteRequest('put', '/api/v1/habits/x/checkins/2026-03-15')).toBe(true);
    expect(isWriteRequest('DELETE', '/api/v1/me')).toBe(true);
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      expect(isWriteRequest(method, '/api/v1/today')).toBe(false);
    }
    expect(isWriteRequest('POST', '/login')).toBe(false); // the web app's paths never write
    expect(isWriteRequest('POST', '/apiary')).toBe(false);
  });

  it('which region is the primary’s', () => {
    expect(inPrimaryRegion(iad)).toBe(true);
    expect(inPrimaryRegion(sin)).toBe(false);
    expect(inPrimaryRegion(local)).toBe(true);
    expect(inPrimaryRegion(loadEnv({ FLY_REGION: 'sin' }))).toBe(true); // one region
  });

  it('replay vs direct primary', () => {
    const request = { contentLength: 100, alreadyReplayed: false };
    expect(planWrite(sin, request)).toBe('replay');
    expect(planWrite(sinDirect, request)).toBe('here');
    expect(planWrite(iad, request)).toBe('here');
    expect(planWrite(local, request)).toBe('here');
    // Never twice: a replayed request that still cannot be served here would loop.
    expect(planWrite(sin, { ...request, alreadyReplayed: true })).toBe('here');
    expect(canReplay(sin, true)).toBe(false);
    expect(planWrite(sin, { contentLength: 1_000_001, alreadyReplayed: false })).toBe(
      'too-large-to-replay',
    );
    expect(planWrite(sin, { contentLength: undefined, alreadyReplayed: false })).toBe('replay');
  });

  it('reads: a replica behind the token is replayed to the primary region, or read from the primary', () => {
    // Where reads go (replica, primary, and why) is the data layer's choice
    // (packages/db/test/read-routing.test.ts); the server only decides whether to replay.
    const behind = { from: 'primary', reason: 'replica-behind' } as const;
    expect(planRead(behind, sin, false)).toBe('replay');
    expect(planRead(behind, sinDirect, false)).toBe('here');
    // In the primary region, or after a replay, reads never leave: the primary answers.
    expect(planRead(behind, iad, false)).toBe('here');
    expect(planRead(behind, sin, true)).toBe('here');
    expect(planRead({ from: 'replica', waitedMs: 3 }, sin, false)).toBe('here');
    expect(planRead({ from: 'primary', reason: 'replica-unreachable' }, sin, false)).toBe('here');
    expect(planRead({ from: 'primary', reason: 'no-replica' }, sin, false)).toBe('here');
  });
});

describe('the read-your-writes token', () => {
  function tokenApp(env: Env) {
    const app = new Hono();
    app.get('/read', (c) => c.json({ token: readLsnToken(c, env) ?? null }));
    app.post('/write', (c) => {
      writeLsnToken(c, env, '16/B374D848');
      return c.body(null, 204);
    });
    return app;
  }

  it('is an httpOnly cookie and a header, __Host- and Secure in production', async () => {
    const res = await tokenApp(local).request('/write', { method: 'POST' });
    expect(res.headers.get('x-primary-lsn')).toBe('16/B374D848');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^ht_lsn=16%2FB374D848;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const production = loadEnv({ NODE_ENV: 'production' });
    const secure = await tokenApp(production).request('/write', { method: 'POST' });
    expect(secure.headers.get('set-cookie')).toMatch(/^__Host-ht_lsn=.*; Secure/);
    expect(lsnCookieName(production)).toBe('__Host-ht_lsn');
  });

  it('is read from the cookie or the header, the later one winning, malformed ones ignored', async () => {
    const read = async (headers: Record<string, string>) =>
      ((await (await tokenApp(local).request('/read', { headers })).json()) as { token: unknown })
        .token;
    expect(await read({})).toBeNull();
    expect(await read({ cookie: 'ht_lsn=0%2F10' })).toBe('0/10');
    expect(await read({ 'x-primary-lsn': '0/20' })).toBe('0/20');
    // 9/… < 10/…: compared as numbers, not as text.
    expect(await read({ cookie: 'ht_lsn=10%2F0', 'x-primary-lsn': '9/FFFFFFFF' })).toBe('10/0');
    expect(await read({ cookie: 'ht_lsn=nonsense', 'x-primary-lsn': '0/5' })).toBe('0/5');
    expect(await read({ cookie: 'ht_lsn=1/2/3' })).toBeNull();
  });
});

describe('routing on a primary with a streaming replica', () => {
  let primary: PostgresServer;
  let replica: PostgresServer;
  /** iad: the primary only. */
  let iadDb: Database;
  /** sin: the primary (far away) and its local replica. */
  let sinDb: Database;
  let iadApp: TestApp;
  let writer: TestClient;
  let habitId: string;

  const query = async (url: string, text: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text)).rows;
    } finally {
      await client.end();
    }
  };
  const sinApp = (overrides: Record<string, string> = {}) =>
    createTestApp(sinDb, {
      FLY_REGION: 'sin',
      PRIMARY_REGION: 'iad',
      READ_YOUR_WRITES_WAIT_MS: '100',
      ...overrides,
    });
  const reader = (app: TestApp) => {
    const client = app.client();
    client.cookie = writer.cookie;
    return client;
  };
  /** Every replay asks Fly's proxy to hand the request back if the primary is unreachable. */
  const FALLBACK = 'timeout=5s;fallback=prefer_self';
  const checkIn = (client: TestClient, note: string) =>
    client.put(`/api/v1/habits/${habitId}/checkins/2026-03-15`, { state: 'done', note });

  beforeAll(async () => {
    primary = await startPostgres({
      label: 'server-routing',
      settings: { synchronous_commit: 'on' },
    });
    iadDb = await openDatabase({ url: primary.url, poolSize: 3 });
    replica = await startReplica(primary, { label: 'server-routing-replica' });
    sinDb = await openDatabase({ url: primary.url, readUrl: replica.url, poolSize: 3 });
    iadApp = createTestApp(iadDb, { FLY_REGION: 'iad', PRIMARY_REGION: 'iad' });
    writer = iadApp.client();
    await writer.signUp();
    habitId = (await writer.createHabit()).id;
  });

  afterAll(async () => {
    await sinDb?.close();
    await iadDb?.close();
    await replica?.stop();
    await primary?.stop();
  });

  it('outside the primary region a write is 409 + fly-replay before any work', async () => {
    const email = `replayed-${crypto.randomUUID()}@example.com`;
    const res = await sinApp().client().post('/api/v1/auth/sign-up', {
      email,
      password: 'correct horse battery',
    });
    expectError(res, 409, 'wrong_region');
    expect(res.headers.get('fly-replay')).toBe(`region=iad;state=write;${FALLBACK}`);
    expect(res.headers.get('x-region')).toBe('sin');
    expect(await query(primary.url, `select 1 from users where email = '${email}'`)).toEqual([]);
    // Not even the session lookup ran: an invalid session is not what refused it.
    const anonymous = await sinApp().client().put('/api/v1/settings', { weekStart: 2 });
    expect(anonymous.status).toBe(409);
  });

  it('a write Fly sends back (fly-replay-failed, the primary region unreachable) runs here, on the primary', async () => {
    const client = reader(sinApp());
    const res = await client.put(
      `/api/v1/habits/${habitId}/checkins/2026-03-15`,
      { state: 'done', note: 'after a failed replay' },
      { headers: { 'fly-replay-failed': 'reason=timeout' } },
    );
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('fly-replay')).toBeNull();
    const [row] = await query(
      primary.url,
      `select note from checkins where habit_id = '${habitId}'`,
    );
    expect(row.note).toBe('after a failed replay');
  });

  it('the replayed request (fly-replay-src) runs in the primary region and hands out a token', async () => {
    const res = await checkIn(writer, 'in iad');
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('x-primary-lsn')).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    expect(res.headers.get('set-cookie')).toMatch(/ht_lsn=/);
    // Refused writes hand out nothing.
    const refused = await writer.put(`/api/v1/habits/${habitId}/checkins/2999-01-01`, {
      state: 'done',
    });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('x-primary-lsn')).toBeNull();
  });

  it('with WRITE_ROUTING=direct the write runs here, on the primary', async () => {
    const res = await checkIn(reader(sinApp({ WRITE_ROUTING: 'direct' })), 'direct from sin');
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('x-primary-lsn')).toBeTruthy();
    const [row] = await query(
      primary.url,
      `select note from checkins where habit_id = '${habitId}'`,
    );
    expect(row.note).toBe('direct from sin');
  });

  it('a read with a token the replica has replayed is served by the replica', async () => {
    const write = await checkIn(writer, 'fresh');
    const lsn = write.headers.get('x-primary-lsn')!;
    // "Has replayed" is this test's premise, so wait for it rather than race the replica: on a
    // busy machine replay can take longer than the server's 100 ms wait, and the read would
    // rightly go to the primary region instead.
    await expect
      .poll(
        async () =>
          (await query(replica.url, `select pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn as ok`))[0]
            ?.ok,
        { timeout: 10_000, interval: 20 },
      )
      .toBe(true);
    const client = reader(sinApp());
    client.cookie = `${writer.cookie}; ht_lsn=${encodeURIComponent(lsn)}`;
    const res = await client.get('/api/v1/today');
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('x-read-source')).toMatch(/^replica/);
    expect(res.body.habits[0].checkin.note).toBe('fresh');
    const health = await client.get('/api/health');
    expect(health.body).toMatchObject({
      status: 'ok',
      region: 'sin',
      database: { reachable: true, kind: 'postgres', servedBy: 'replica' },
      replication: {
        role: 'replica-region',
        primaryRegion: 'iad',
        writeRouting: 'replay',
        primaryReachable: true,
        replica: { reachable: true, lagBytes: expect.any(Number) },
      },
    });
  });

  it('a replica behind the token: replayed to the primary region, or read from the primary', async () => {
    await query(replica.url, 'select pg_wal_replay_pause()');
    try {
      const write = await checkIn(writer, 'while paused');
      const lsn = write.headers.get('x-primary-lsn')!;
      const headers = { 'x-primary-lsn': lsn };

      const started = performance.now();
      const replayed = await reader(sinApp()).get('/api/v1/today', { headers });
      expect(performance.now() - started).toBeGreaterThanOrEqual(95); // waited first
      expectError(replayed, 409, 'wrong_region');
      expect(replayed.headers.get('fly-replay')).toBe(
        `region=iad;state=replica-behind;${FALLBACK}`,
      );

      const direct = await reader(sinApp({ WRITE_ROUTING: 'direct' })).get('/api/v1/today', {
        headers,
      });
      expect(direct.status).toBe(200);
      expect(direct.headers.get('x-read-source')).toBe('primary (replica behind)');
      expect(direct.body.habits[0].checkin.note).toBe('while paused');

      // Without a token the replica serves, stale or not: only one's own writes are promised.
      const other = await reader(sinApp()).get('/api/v1/today');
      expect(other.headers.get('x-read-source')).toBe('replica');
    } finally {
      await query(replica.url, 'select pg_wal_replay_resume()');
    }
  });

  it('a write reaching the replica anyway (25006) is replayed; in the primary region it is 503', async () => {
    const withWritingGet = (app: TestApp) => {
      // A GET that writes — what the routing must survive, though our routes never do it.
      app.app.get('/api/v1/test/writing-get', async (c) => {
        await updateSettings(c.var.db.read, crypto.randomUUID(), { weekStart: 3 });
        return c.json({ wrote: true });
      });
      return app;
    };
    const replayed = await withWritingGet(sinApp()).client().get('/api/v1/test/writing-get');
    expectError(replayed, 409, 'wrong_region');
    expect(replayed.headers.get('fly-replay')).toBe(`region=iad;state=read-only;${FALLBACK}`);
    expect(replayed.headers.get('retry-after')).toBeNull();
    expect(replayed.headers.get('x-request-id')).toBeTruthy();

    // Already replayed once: never again (no loop); the database is read-only now → 503.
    const again = await withWritingGet(sinApp())
      .client()
      .get('/api/v1/test/writing-get', { headers: { 'fly-replay-src': 'region=sin' } });
    expectError(again, 503, 'unavailable');
    expect(again.headers.get('retry-after')).toMatch(/^\d+$/);

    const direct = await withWritingGet(sinApp({ WRITE_ROUTING: 'direct' }))
      .client()
      .get('/api/v1/test/writing-get');
    expectError(direct, 503, 'unavailable');
  });

  it('a replica that is down sends reads to the primary; health says so', async () => {
    await replica.halt();
    try {
      const res = await reader(sinApp()).get('/api/v1/today');
      expect(res.status, res.text).toBe(200);
      expect(res.headers.get('x-read-source')).toBe('primary (replica unreachable)');
      const health = await reader(sinApp()).get('/api/health');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({
        status: 'degraded',
        database: { reachable: true, servedBy: 'primary' },
        replication: { primaryReachable: true, replica: { reachable: false, lagBytes: null } },
      });
    } finally {
      await replica.restart();
    }
  });

  it('the primary region without a replica: role and health', async () => {
    const health = await writer.get('/api/health');
    expect(health.body).toMatchObject({
      status: 'ok',
      region: 'iad',
      database: { servedBy: 'primary' },
      replication: { role: 'primary-region', primaryRegion: 'iad', replica: null },
    });
    const today = await writer.get('/api/v1/today');
    expect(today.headers.get('x-read-source')).toBe('primary');
  });
});

describe('on PGlite routing is a no-op', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase('pglite', 'server-routing-pglite');
  });
  afterAll(() => db?.close());

  it('writes run here, no token, health reports the primary', async () => {
    const app = createTestApp(db.database, { FLY_REGION: 'sin', PRIMARY_REGION: 'iad' });
    const client = app.client();
    const signUp = await client.post('/api/v1/auth/sign-up', {
      email: `pglite-${crypto.randomUUID()}@example.com`,
      password: 'correct horse battery',
    });
    expect(signUp.status, signUp.text).toBe(201);
    expect(signUp.headers.get('fly-replay')).toBeNull();
    expect(signUp.headers.get('x-primary-lsn')).toBeNull();
    const health = await client.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body.database).toMatchObject({ kind: 'pglite', servedBy: 'primary' });
  });
});
