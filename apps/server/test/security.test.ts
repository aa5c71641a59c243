/**
 * Authentication, authorisation, CSRF, rate limits and cookies, on PostgreSQL and on PGlite.
 */
import { listCheckins, listHabits } from '@habit-tracker/db';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  expectError,
  PASSWORD,
  type TestApp,
  type TestClient,
  TODAY,
} from './support/app';
import { DATABASE_KINDS, type TestDatabase, useTestDatabases } from './support/databases';

const HABIT = '00000000-0000-4000-8000-000000000000';

/** Every route that needs a session, with a body that would otherwise be valid. */
const PROTECTED: [method: string, path: string, body?: unknown][] = [
  ['POST', '/api/v1/auth/sign-out-everywhere'],
  [
    'POST',
    '/api/v1/auth/change-password',
    { currentPassword: PASSWORD, newPassword: 'another password' },
  ],
  ['GET', '/api/v1/me'],
  ['DELETE', '/api/v1/me', { password: PASSWORD }],
  ['GET', '/api/v1/settings'],
  ['PATCH', '/api/v1/settings', { weekStart: 7 }],
  ['GET', '/api/v1/habits'],
  [
    'POST',
    '/api/v1/habits',
    { name: 'x', measure: { kind: 'boolean' }, schedule: { kind: 'daily' } },
  ],
  ['PUT', '/api/v1/habits/order', { ids: [] }],
  ['GET', `/api/v1/habits/${HABIT}`],
  ['PATCH', `/api/v1/habits/${HABIT}`, { name: 'x' }],
  ['DELETE', `/api/v1/habits/${HABIT}`],
  ['POST', `/api/v1/habits/${HABIT}/archive`],
  ['POST', `/api/v1/habits/${HABIT}/unarchive`],
  ['PUT', `/api/v1/habits/${HABIT}/checkins/${TODAY}`, { state: 'done' }],
  ['DELETE', `/api/v1/habits/${HABIT}/checkins/${TODAY}`],
  ['GET', `/api/v1/habits/${HABIT}/history`],
  ['GET', '/api/v1/today'],
];

const databases = useTestDatabases('server-security');

describe.concurrent.each(DATABASE_KINDS)('security on %s', (kind) => {
  let db: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    db = databases.get(kind);
    t = createTestApp(db.database);
  });

  it('answers 401 on every protected route without a valid session', async () => {
    const anonymous = t.client();
    const forged = t.client();
    forged.cookie = `ht_session=${'A'.repeat(43)}`;
    const garbage = t.client();
    garbage.cookie = 'ht_session=not-a-token';
    for (const client of [anonymous, forged, garbage]) {
      for (const [method, path, json] of PROTECTED) {
        const res = await client.request(method, path, { json });
        expectError(res, 401, 'unauthenticated');
      }
    }
  });

  it("gives another user 404 for everything touching a user's habit, and changes nothing", async () => {
    const alice = t.client();
    await alice.signUp();
    const habit = await alice.createHabit({ name: 'Alice only' });
    await alice.put(`/api/v1/habits/${habit.id}/checkins/${TODAY}`, {
      state: 'done',
      note: 'mine',
    });
    const before = await snapshot(alice, habit.id);

    const bob = t.client();
    await bob.signUp();
    const id = habit.id;
    const attempts: [string, string, unknown?][] = [
      ['GET', `/api/v1/habits/${id}`],
      ['PATCH', `/api/v1/habits/${id}`, { name: 'hijacked' }],
      ['POST', `/api/v1/habits/${id}/archive`],
      ['POST', `/api/v1/habits/${id}/unarchive`],
      ['PUT', `/api/v1/habits/${id}/checkins/${TODAY}`, { state: 'skipped' }],
      ['PUT', `/api/v1/habits/${id}/checkins/2026-03-01`, { state: 'done' }],
      ['DELETE', `/api/v1/habits/${id}/checkins/${TODAY}`],
      ['GET', `/api/v1/habits/${id}/history`],
      ['DELETE', `/api/v1/habits/${id}`],
    ];
    for (const [method, path, json] of attempts) {
      expectError(await bob.request(method, path, { json }), 404, 'not_found');
    }
    // Alice's habit in Bob's order is not one of Bob's active habits.
    expectError(await bob.put('/api/v1/habits/order', { ids: [id] }), 422, 'validation_failed');
    expect((await bob.get('/api/v1/habits?status=all')).body.habits).toEqual([]);
    expect((await bob.get('/api/v1/today')).body.habits).toEqual([]);

    expect(await snapshot(alice, habit.id)).toEqual(before);
  });

  describe('CSRF', () => {
    let c: TestClient;
    beforeAll(async () => {
      c = t.client();
      await c.signUp();
    });

    it('refuses a state-changing request from a foreign Origin', async () => {
      const res = await c.post(
        '/api/v1/habits',
        { name: 'x' },
        { headers: { origin: 'https://evil.example' } },
      );
      expectError(res, 403, 'csrf_rejected');
      expectError(
        await c.post('/api/v1/auth/sign-out', undefined, { headers: { origin: 'null' } }),
        403,
        'csrf_rejected',
      );
      // Still signed in, nothing created.
      expect((await c.get('/api/v1/habits')).body.habits).toEqual([]);
    });

    it('refuses Sec-Fetch-Site: cross-site even without Origin', async () => {
      const res = await c.request('DELETE', `/api/v1/habits/${HABIT}`, {
        headers: { 'sec-fetch-site': 'cross-site' },
      });
      expectError(res, 403, 'csrf_rejected');
    });

    it('allows same-origin requests, and reads from anywhere', async () => {
      const res = await c.post(
        '/api/v1/habits',
        { name: 'ok', measure: { kind: 'boolean' }, schedule: { kind: 'daily' } },
        { headers: { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' } },
      );
      expect(res.status).toBe(201);
      const read = await c.get('/api/v1/habits', { headers: { origin: 'https://evil.example' } });
      expect(read.status).toBe(200);
    });

    it('allows the origins in APP_ORIGIN', async () => {
      const other = createTestApp(db.database, {
        APP_ORIGIN: 'https://app.example, https://b.example',
      });
      const res = await other
        .client()
        .post('/api/v1/auth/sign-out', undefined, { headers: { origin: 'https://b.example' } });
      expect(res.status).toBe(204);
    });
  });

  it('rate-limits sign-in failures per email from unknown browsers: the 11th is 429 with Retry-After', async () => {
    const owner = t.client();
    const { email } = await owner.signUp();
    for (let i = 0; i < 10; i++) {
      const attacker = t.client(); // a new IP each time: the per-email limit still applies
      expectError(
        await attacker.post('/api/v1/auth/sign-in', { email, password: `wrong ${i}` }),
        401,
        'invalid_credentials',
      );
    }
    const blocked = await t.client().post('/api/v1/auth/sign-in', { email, password: PASSWORD });
    expectError(blocked, 429, 'rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // The account itself is untouched: its existing session still works.
    expect((await owner.get('/api/v1/me')).status).toBe(200);
  });

  it("strangers' guesses never lock the owner's own browser out (device cookie)", async () => {
    const owner = t.client();
    const { email } = await owner.signUp();
    expect(owner.deviceCookie).toMatch(/^ht_device=[A-Za-z0-9_-]{43}$/);
    await owner.post('/api/v1/auth/sign-out');
    // Strangers use up the allowance unknown browsers share…
    for (let i = 0; i < 12; i++) {
      await t.client().post('/api/v1/auth/sign-in', { email, password: `wrong ${i}` });
    }
    expectError(
      await t.client().post('/api/v1/auth/sign-in', { email, password: PASSWORD }),
      429,
      'rate_limited',
    );
    // …while the browser that signed in before still signs in, even after its own typo.
    expectError(
      await owner.post('/api/v1/auth/sign-in', { email, password: 'a typo' }),
      401,
      'invalid_credentials',
    );
    const signedIn = await owner.post('/api/v1/auth/sign-in', { email, password: PASSWORD });
    expect(signedIn.status, signedIn.text).toBe(200);
    expect((await owner.get('/api/v1/me')).status).toBe(200);
  });

  it("a known browser has its own allowance: its 11th wrong password is 429, strangers' count apart", async () => {
    const owner = t.client();
    const { email } = await owner.signUp();
    await owner.post('/api/v1/auth/sign-out');
    for (let i = 0; i < 10; i++) {
      expectError(
        await owner.post('/api/v1/auth/sign-in', { email, password: `wrong ${i}` }),
        401,
        'invalid_credentials',
      );
    }
    expectError(
      await owner.post('/api/v1/auth/sign-in', { email, password: PASSWORD }),
      429,
      'rate_limited',
    );
    // A device cookie made up, or another account's, is an unknown browser: no allowance of its own.
    const forger = t.client();
    forger.deviceCookie = `ht_device=${'A'.repeat(43)}`;
    expect((await forger.post('/api/v1/auth/sign-in', { email, password: PASSWORD })).status).toBe(
      200,
    );
  });

  it('refuses common, repetitive and sequential passwords at sign-up, saying why', async () => {
    const c = t.client();
    const email = `weak-${crypto.randomUUID()}@example.com`;
    for (const [password, reason, rule] of [
      ['12345678', /sequence/, 'sequence'],
      ['password', /most common/, 'common'],
      ['Password1', /most common/, 'common'],
      ['aaaaaaaa', /repeats/, 'repeats'],
      ['        ', /repeats/, 'repeats'],
      ['qwertyuiop', /sequence/, 'sequence'],
      [email, /email/, 'email'],
    ] as const) {
      const res = await c.post('/api/v1/auth/sign-up', { email, password });
      expectError(res, 422, 'validation_failed');
      expect(res.body.error.details).toEqual([
        { path: 'password', message: expect.stringMatching(reason), code: 'password_rule', rule },
      ]);
    }
    // A long passphrase is welcome, spaces and all.
    const ok = await c.post('/api/v1/auth/sign-up', {
      email,
      password: 'the quiet otter reads at dawn',
    });
    expect(ok.status, ok.text).toBe(201);
    const weakChange = await c.post('/api/v1/auth/change-password', {
      currentPassword: 'the quiet otter reads at dawn',
      newPassword: 'iloveyou1',
    });
    expectError(weakChange, 422, 'validation_failed');
    expect(weakChange.body.error.details[0].path).toBe('newPassword');
  });

  it('rate-limits sign-in attempts per client IP (50 per 15 minutes)', async () => {
    const sprayer = t.client({ ip: '203.0.113.7' });
    // The per-IP budget is spent before the body is validated, so even junk counts (and this
    // test does not pay for 50 password hashes).
    for (let i = 0; i < 50; i++) {
      const res = await sprayer.post('/api/v1/auth/sign-in', { email: `nobody-${i}@example.com` });
      expect(res.status).toBe(422);
    }
    const blocked = await sprayer.post('/api/v1/auth/sign-in', {
      email: 'nobody-x@example.com',
      password: 'whatever1',
    });
    expectError(blocked, 429, 'rate_limited');
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
    // Other clients are unaffected.
    expectError(
      await t
        .client()
        .post('/api/v1/auth/sign-in', { email: 'nobody-x@example.com', password: 'whatever1' }),
      401,
      'invalid_credentials',
    );
  });

  it('rate-limits sign-ups per client IP (20 per hour)', async () => {
    const fresh = createTestApp(db.database);
    const ip = '198.51.100.9';
    for (let i = 0; i < 20; i++) {
      const res = await fresh.client({ ip }).post('/api/v1/auth/sign-up', {
        email: `bulk-${i}-${crypto.randomUUID()}@example.com`,
        password: 'short', // invalid, so the test does not pay for 20 password hashes
      });
      expect(res.status).toBe(422);
    }
    const blocked = await fresh.client({ ip }).post('/api/v1/auth/sign-up', {
      email: `bulk-${crypto.randomUUID()}@example.com`,
      password: PASSWORD,
    });
    expectError(blocked, 429, 'rate_limited');
  });

  it('sets an httpOnly, SameSite=Lax session cookie (no Secure outside production)', async () => {
    const res = await t.client().post('/api/v1/auth/sign-up', {
      email: `cookie-${crypto.randomUUID()}@example.com`,
      password: PASSWORD,
    });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^ht_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Max-Age=2592000/);
    expect(cookie).not.toMatch(/Secure/);
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('in production: __Host- prefix, Secure, HSTS', async () => {
    const prod = createTestApp(db.database, { NODE_ENV: 'production' });
    const c = prod.client();
    const res = await c.post('/api/v1/auth/sign-up', {
      email: `prod-${crypto.randomUUID()}@example.com`,
      password: PASSWORD,
    });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^__Host-ht_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect((await c.get('/api/v1/me')).status).toBe(200);
    // The development cookie name means nothing in production.
    const wrongName = prod.client();
    wrongName.cookie = c.cookie!.replace('__Host-ht_session', 'ht_session');
    expect((await wrongName.get('/api/v1/me')).status).toBe(401);
  });

  it('sends security headers on every response', async () => {
    const res = await t.client().get('/api/v1/nothing-here');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('content-security-policy')).toContain("img-src 'self' data: blob:");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it("uses Fly's request id when present", async () => {
    const res = await t
      .client()
      .get('/api/health', { headers: { 'fly-request-id': '01HXYZ-abc' } });
    expect(res.headers.get('x-request-id')).toBe('01HXYZ-abc');
  });

  it('sign-out invalidates the session on the server', async () => {
    const c = t.client();
    await c.signUp();
    const stolen = c.cookie!;
    expect((await c.post('/api/v1/auth/sign-out')).status).toBe(204);
    const thief = t.client();
    thief.cookie = stolen;
    expectError(await thief.get('/api/v1/me'), 401, 'unauthenticated');
  });

  it('sign-out-everywhere ends every session of the user', async () => {
    const laptop = t.client();
    const { email } = await laptop.signUp();
    const phone = t.client();
    await phone.post('/api/v1/auth/sign-in', { email, password: PASSWORD });
    const bystander = t.client();
    await bystander.signUp();

    expect((await phone.post('/api/v1/auth/sign-out-everywhere')).status).toBe(204);
    expectError(await laptop.get('/api/v1/me'), 401, 'unauthenticated');
    phone.cookie = laptop.cookie; // even a cookie kept by a misbehaving client
    expect((await bystander.get('/api/v1/me')).status).toBe(200);
  });

  it('change-password signs out other sessions and needs the current password', async () => {
    const laptop = t.client();
    const { email } = await laptop.signUp();
    const phone = t.client();
    await phone.post('/api/v1/auth/sign-in', { email, password: PASSWORD });

    const wrong = await laptop.post('/api/v1/auth/change-password', {
      currentPassword: 'not the password',
      newPassword: 'new password 123',
    });
    expectError(wrong, 422, 'validation_failed');
    expect(wrong.body.error.details).toEqual([
      { path: 'currentPassword', message: expect.any(String), code: 'password_incorrect' },
    ]);
    expect((await phone.get('/api/v1/me')).status).toBe(200);

    const ok = await laptop.post('/api/v1/auth/change-password', {
      currentPassword: PASSWORD,
      newPassword: 'new password 123',
    });
    expect(ok.status).toBe(204);
    expect((await laptop.get('/api/v1/me')).status).toBe(200);
    expectError(await phone.get('/api/v1/me'), 401, 'unauthenticated');
    expectError(
      await t.client().post('/api/v1/auth/sign-in', { email, password: PASSWORD }),
      401,
      'invalid_credentials',
    );
    expect(
      (await t.client().post('/api/v1/auth/sign-in', { email, password: 'new password 123' }))
        .status,
    ).toBe(200);
  });

  it('delete account removes the user and all their data', async () => {
    const c = t.client();
    const { email, me } = await c.signUp();
    const habit = await c.createHabit();
    await c.put(
      `/api/v1/habits/${habit.id}/checkins/${TODAY}`,
      { state: 'done' },
      {
        headers: { 'idempotency-key': 'k' },
      },
    );
    const userId = me.user.id as string;

    expectError(
      await c.delete('/api/v1/me', { password: 'wrong password' }),
      422,
      'validation_failed',
    );
    const res = await c.delete('/api/v1/me', { password: PASSWORD });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/Max-Age=0/);

    expect(await listHabits(db.database.primary.read, userId, 'all')).toEqual([]);
    expect(await listCheckins(db.database.primary.read, userId, [habit.id])).toEqual([]);
    expectError(
      await t.client().post('/api/v1/auth/sign-in', { email, password: PASSWORD }),
      401,
      'invalid_credentials',
    );
    // The email is free again.
    expect(
      (await t.client().post('/api/v1/auth/sign-up', { email, password: PASSWORD })).status,
    ).toBe(201);
  });

  it('extends a session only on writes, and only past half its lifetime', async () => {
    const clock = { now: new Date('2026-03-15T12:00:00Z') };
    const app = createTestApp(db.database, {}, clock);
    const c = app.client();
    await c.signUp();
    clock.now = new Date('2026-03-25T12:00:00Z'); // 10 of 30 days: not yet
    expect(
      (await c.patch('/api/v1/settings', { weekStart: 1 })).headers.get('set-cookie'),
    ).toBeNull();
    clock.now = new Date('2026-04-05T12:00:00Z'); // 21 days: past half
    const read = await c.get('/api/v1/me');
    expect(read.status).toBe(200);
    expect(read.headers.get('set-cookie')).toBeNull(); // reads never write
    const write = await c.patch('/api/v1/settings', { weekStart: 1 });
    expect(write.headers.get('set-cookie')).toMatch(/Max-Age=2592000/);
    clock.now = new Date('2026-05-01T12:00:00Z'); // 46 days after sign-up, 26 after extension
    expect((await c.get('/api/v1/me')).status).toBe(200);
    clock.now = new Date('2026-05-06T12:00:00Z'); // 31 days after the extension
    expectError(await c.get('/api/v1/me'), 401, 'unauthenticated');
  });
});

async function snapshot(client: TestClient, habitId: string) {
  const habit = await client.get(`/api/v1/habits/${habitId}`);
  const history = await client.get(`/api/v1/habits/${habitId}/history`);
  return { habit: habit.body, checkins: history.body.checkins };
}
