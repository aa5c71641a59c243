/**
 * Personal API tokens (docs/decisions/0024-personal-api-tokens.md), on PostgreSQL and on PGlite:
 * made and revoked with a session, used as `Authorization: Bearer` on the data routes only, read
 * scope GET only, expiry, rate limit, and "last used" noted in memory and flushed to the primary
 * (never written by the request that used the token).
 */
import { type Database, listApiTokens, openDatabase } from '@habit-tracker/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerSecret, isWellFormedApiToken } from '../src/auth/api-tokens';
import {
  createTestApp,
  expectError,
  PASSWORD,
  type TestApp,
  type TestClient,
  TODAY,
} from './support/app';
import { DATABASE_KINDS, type TestDatabase, useTestDatabases } from './support/databases';

const databases = useTestDatabases('server-api-tokens');
const DAY_MS = 24 * 60 * 60 * 1000;

/** A client that sends only the bearer header: no cookie, no Origin (a script, curl). */
function bearer(t: TestApp, secret: string, extra: Record<string, string> = {}): TestClient {
  return t.client({ headers: { authorization: `Bearer ${secret}`, ...extra } });
}

async function makeToken(
  c: TestClient,
  body: Record<string, unknown>,
): Promise<{ id: string; secret: string }> {
  const res = await c.post('/api/v1/tokens', body);
  expect(res.status, res.text).toBe(201);
  return { id: res.body.token.id, secret: res.body.secret };
}

describe('bearer header parsing', () => {
  it('finds the credentials of a Bearer header, any case, and ignores other schemes', () => {
    expect(bearerSecret(undefined)).toBeUndefined();
    expect(bearerSecret('Basic dXNlcjpwdw==')).toBeUndefined();
    expect(bearerSecret('Bearer ht_abc')).toBe('ht_abc');
    expect(bearerSecret('bearer   ht_abc ')).toBe('ht_abc');
    expect(bearerSecret('Bearer')).toBe('');
    expect(bearerSecret('Bearer a b')).toBe('a b');
    expect(isWellFormedApiToken('a b')).toBe(false);
    expect(isWellFormedApiToken(`ht_${'A'.repeat(43)}`)).toBe(true);
    expect(isWellFormedApiToken('A'.repeat(46))).toBe(false);
  });
});

describe.each(DATABASE_KINDS)('API tokens on %s', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let owner: TestClient;
  let habitId: string;

  beforeAll(async () => {
    db = databases.get(kind);
    t = createTestApp(db.database, { API_TOKEN_REQUESTS_PER_MINUTE: '40' });
    owner = t.client();
    await owner.signUp();
    habitId = (await owner.createHabit({ name: 'Stretch' })).id;
  });

  it('shows the secret once, at creation; the list never shows it or its hash', async () => {
    const res = await owner.post('/api/v1/tokens', { name: 'Laptop script', scope: 'read' });
    expect(res.status, res.text).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { token, secret } = res.body;
    expect(secret).toMatch(/^ht_[A-Za-z0-9_-]{43}$/);
    expect(token).toEqual({
      id: expect.any(String),
      name: 'Laptop script',
      scope: 'read',
      createdAt: expect.any(String),
      expiresAt: null,
      lastUsedAt: null,
    });
    const list = await owner.get('/api/v1/tokens');
    expect(list.status).toBe(200);
    expect(list.body.tokens.map((x: { id: string }) => x.id)).toContain(token.id);
    expect(list.text).not.toContain(secret);
    expect(list.text).not.toContain(secret.slice(3));
    const userId = (await owner.get('/api/v1/me')).body.user.id;
    const stored = await listApiTokens(db.database.primary.read, userId);
    expect(JSON.stringify(stored)).not.toContain(secret);
  });

  it('validates the input: name, scope, expiry choices', async () => {
    expectError(
      await owner.post('/api/v1/tokens', { name: '', scope: 'read' }),
      422,
      'validation_failed',
    );
    expectError(
      await owner.post('/api/v1/tokens', { name: 'x', scope: 'admin' }),
      422,
      'validation_failed',
    );
    expectError(
      await owner.post('/api/v1/tokens', { name: 'x', scope: 'read', expiresInDays: 5 }),
      422,
      'validation_failed',
    );
    const res = await owner.post('/api/v1/tokens', { name: 'x', scope: 'read', expiresInDays: 30 });
    expect(res.status).toBe(201);
    expect(res.body.token.expiresAt).toBe(
      new Date(t.clock.now.getTime() + 30 * DAY_MS).toISOString(),
    );
  });

  it('a read token reads Today, habits, history and stats, and cannot write (403 token_scope)', async () => {
    const { secret } = await makeToken(owner, { name: 'reader', scope: 'read' });
    const script = bearer(t, secret);
    const today = await script.get('/api/v1/today');
    expect(today.status, today.text).toBe(200);
    expect(today.body.habits.map((h: { habit: { id: string } }) => h.habit.id)).toContain(habitId);
    expect(today.headers.get('vary')).toMatch(/Authorization/);
    expect(today.headers.get('set-cookie')).toBeNull();
    expect((await script.get('/api/v1/habits')).status).toBe(200);
    expect((await script.get(`/api/v1/habits/${habitId}/history`)).status).toBe(200);
    expect((await script.get('/api/v1/stats')).status).toBe(200);
    expectError(
      await script.put(
        `/api/v1/habits/${habitId}/checkins/${TODAY}`,
        { state: 'done' },
        { headers: { 'idempotency-key': crypto.randomUUID() } },
      ),
      403,
      'token_scope',
    );
    expectError(await script.post('/api/v1/habits', { name: 'x' }), 403, 'token_scope');
    expect((await owner.get(`/api/v1/habits/${habitId}/history`)).body.checkins ?? []).toEqual([]);
  });

  it('a read-write token checks in, but cannot touch the account or tokens (403 token_not_allowed)', async () => {
    const { secret } = await makeToken(owner, { name: 'writer', scope: 'read_write' });
    const script = bearer(t, secret);
    const put = await script.put(
      `/api/v1/habits/${habitId}/checkins/${TODAY}`,
      { state: 'done' },
      { headers: { 'idempotency-key': crypto.randomUUID() } },
    );
    expect(put.status, put.text).toBe(200);
    const today = await owner.get('/api/v1/today');
    expect(
      today.body.habits.find((h: { habit: { id: string } }) => h.habit.id === habitId).checkin
        .state,
    ).toBe('done');

    const account: [string, string, unknown?][] = [
      ['GET', '/api/v1/me'],
      ['DELETE', '/api/v1/me', { password: PASSWORD }],
      [
        'POST',
        '/api/v1/auth/change-password',
        { currentPassword: PASSWORD, newPassword: 'a new long password 1' },
      ],
      ['POST', '/api/v1/auth/sign-out-everywhere'],
      ['GET', '/api/v1/settings'],
      ['PATCH', '/api/v1/settings', { weekStart: 7 }],
      ['GET', '/api/v1/tokens'],
      ['POST', '/api/v1/tokens', { name: 'more', scope: 'read_write' }],
      ['DELETE', `/api/v1/tokens/${crypto.randomUUID()}`],
      ['GET', '/api/v1/push-subscriptions'],
    ];
    for (const [method, path, json] of account) {
      expectError(await script.request(method, path, { json }), 403, 'token_not_allowed');
    }
    // Nothing changed: the owner's session and password still work, settings as they were.
    expect((await owner.get('/api/v1/settings')).body.weekStart).toBe(1);
    const again = t.client();
    const me = (await owner.get('/api/v1/me')).body.user;
    expect(
      (await again.post('/api/v1/auth/sign-in', { email: me.email, password: PASSWORD })).status,
    ).toBe(200);
  });

  it('a bearer header decides alone: a cookie beside it lends no authority', async () => {
    const { secret } = await makeToken(owner, { name: 'reader 2', scope: 'read' });
    // The owner's cookie and a read token: a write is judged by the token (403), and the
    // account routes refuse the pair (403) although the cookie alone would pass.
    const both = { authorization: `Bearer ${secret}` };
    expectError(
      await owner.post(
        '/api/v1/habits',
        { name: 'x', measure: { kind: 'boolean' }, schedule: { kind: 'daily' } },
        { headers: both },
      ),
      403,
      'token_scope',
    );
    expectError(await owner.get('/api/v1/tokens', { headers: both }), 403, 'token_not_allowed');
    // Sign-out acts on whatever cookie comes: with a bearer header it is refused, not done.
    expectError(
      await owner.post('/api/v1/auth/sign-out', undefined, { headers: both }),
      403,
      'token_not_allowed',
    );
    expect((await owner.get('/api/v1/me')).status).toBe(200);
    expectError(
      await owner.patch('/api/v1/settings', { weekStart: 7 }, { headers: both }),
      403,
      'token_not_allowed',
    );
    // A bad token with a good cookie is 401, not the cookie's session.
    expectError(
      await owner.get('/api/v1/habits', {
        headers: { authorization: `Bearer ht_${'x'.repeat(43)}` },
      }),
      401,
      'unauthenticated',
    );
    // A cross-site page cannot reach the cookie through a bearer request either: CSRF first.
    expectError(
      await owner.post(
        '/api/v1/habits',
        { name: 'x' },
        { headers: { ...both, origin: 'https://evil.example' } },
      ),
      403,
      'csrf_rejected',
    );
  });

  it('revoked, expired, malformed and unknown tokens are 401', async () => {
    const revoked = await makeToken(owner, { name: 'old', scope: 'read' });
    expect((await bearer(t, revoked.secret).get('/api/v1/habits')).status).toBe(200);
    expect((await owner.delete(`/api/v1/tokens/${revoked.id}`)).status).toBe(204);
    expectError(await bearer(t, revoked.secret).get('/api/v1/habits'), 401, 'unauthenticated');
    expectError(await owner.delete(`/api/v1/tokens/${revoked.id}`), 404, 'not_found');

    const clock = { now: new Date(t.clock.now) };
    const later = createTestApp(db.database, {}, clock);
    const week = await makeToken(owner, { name: 'week', scope: 'read', expiresInDays: 7 });
    expect((await bearer(later, week.secret).get('/api/v1/habits')).status).toBe(200);
    clock.now = new Date(clock.now.getTime() + 7 * DAY_MS);
    expectError(await bearer(later, week.secret).get('/api/v1/habits'), 401, 'unauthenticated');

    for (const value of [
      'Bearer',
      'Bearer nope',
      `Bearer ${week.secret} x`,
      `Bearer ht_${'A'.repeat(43)}`,
    ]) {
      expectError(
        await t.client({ headers: { authorization: value } }).get('/api/v1/habits'),
        401,
        'unauthenticated',
      );
    }
  });

  it("cannot revoke another user's token (404), and never lists it", async () => {
    const mine = await makeToken(owner, { name: 'mine', scope: 'read' });
    const stranger = t.client();
    await stranger.signUp();
    expectError(await stranger.delete(`/api/v1/tokens/${mine.id}`), 404, 'not_found');
    expect((await stranger.get('/api/v1/tokens')).body.tokens).toEqual([]);
    expect((await bearer(t, mine.secret).get('/api/v1/habits')).status).toBe(200);
  });

  it('rate-limits each token: past its budget a minute, 429 with Retry-After; other tokens unaffected', async () => {
    const busy = await makeToken(owner, { name: 'busy', scope: 'read' });
    const calm = await makeToken(owner, { name: 'calm', scope: 'read' });
    const script = bearer(t, busy.secret);
    for (let i = 0; i < 40; i++) expect((await script.get('/api/v1/groups')).status).toBe(200);
    const limited = await script.get('/api/v1/groups');
    expectError(limited, 429, 'rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await bearer(t, calm.secret).get('/api/v1/groups')).status).toBe(200);
    // The owner's session is not a token's budget.
    expect((await owner.get('/api/v1/groups')).status).toBe(200);
  });

  it('records "last used" in memory and writes it to the primary on flush, not on the request', async () => {
    const used = await makeToken(owner, { name: 'used', scope: 'read' });
    const userId = (await owner.get('/api/v1/me')).body.user.id;
    await t.app.apiTokenUsage.flush(); // whatever earlier tests noted
    const stamp = new Date(t.clock.now.getTime() + 1234);
    t.clock.now = stamp;
    try {
      expect((await bearer(t, used.secret).get('/api/v1/today')).status).toBe(200);
      const lastUsed = async () =>
        (await listApiTokens(db.database.primary.read, userId)).find((x) => x.id === used.id)!
          .lastUsedAt;
      expect(await lastUsed()).toBeNull();
      expect(t.app.apiTokenUsage.pending()).toBe(1);
      expect(await t.app.apiTokenUsage.flush()).toBe(1);
      expect(t.app.apiTokenUsage.pending()).toBe(0);
      expect((await lastUsed())?.toISOString()).toBe(stamp.toISOString());
      const listed = (await owner.get('/api/v1/tokens')).body.tokens.find(
        (x: { id: string }) => x.id === used.id,
      );
      expect(listed.lastUsedAt).toBe(stamp.toISOString());
    } finally {
      t.clock.now = new Date(stamp.getTime() - 1234);
    }
  });

  it('documents the bearer scheme, on the data routes only', async () => {
    const doc = (await t.client().get('/api/v1/openapi.json')).body;
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const schemes = (path: string, method: string) =>
      (doc.paths[path][method].security as Record<string, unknown>[]).flatMap(Object.keys);
    expect(schemes('/api/v1/today', 'get')).toEqual(['session', 'bearer']);
    expect(schemes('/api/v1/habits/{id}/checkins/{date}', 'put')).toEqual(['session', 'bearer']);
    for (const [path, method] of [
      ['/api/v1/tokens', 'post'],
      ['/api/v1/tokens/{id}', 'delete'],
      ['/api/v1/settings', 'patch'],
      ['/api/v1/me', 'delete'],
      ['/api/v1/auth/change-password', 'post'],
      ['/api/v1/push-subscriptions', 'post'],
    ] as const) {
      expect(schemes(path, method), `${method} ${path}`).toEqual(['session']);
    }
  });
});

describe('a bearer GET on a read-only PostgreSQL session (a replica)', () => {
  const pg = useTestDatabases('server-api-tokens-ro', ['postgres']);
  let replica: Database;

  afterAll(async () => {
    await replica?.close();
  });

  it('answers without writing anything, and the use waits in memory', async () => {
    const primary = pg.get('postgres');
    const url = new URL(primary.url!);
    url.searchParams.set('options', '-c default_transaction_read_only=on');
    replica = await openDatabase({ url: url.href, migrate: false, poolSize: 2 });
    const rw = createTestApp(primary.database);
    const ro = createTestApp(replica);
    const owner = rw.client();
    await owner.signUp();
    const { secret } = await makeToken(owner, { name: 'ro', scope: 'read_write' });
    for (const path of ['/api/v1/today', '/api/v1/habits', '/api/v1/stats']) {
      const res = await bearer(ro, secret).get(path);
      expect(res.status, `${path}: ${res.text}`).toBe(200);
    }
    expect(ro.app.apiTokenUsage.pending()).toBe(1);
  });
});
