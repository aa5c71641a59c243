/**
 * "GET and HEAD never write" (docs/api.md), proven: every GET route runs against a PostgreSQL
 * session with default_transaction_read_only=on, where any write fails.
 */
import { type Database, openDatabase, updateSettings } from '@habit-tracker/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp, type TestClient, TODAY } from './support/app';
import { openTestDatabase, type TestDatabase } from './support/databases';

describe('GET routes on a read-only PostgreSQL session', () => {
  let primary: TestDatabase;
  let replica: Database;
  let rw: TestApp;
  let ro: TestApp;
  let writer: TestClient;
  let reader: TestClient;
  let habitId: string;
  const clock = { now: new Date('2026-03-15T12:00:00Z') };

  beforeAll(async () => {
    primary = await openTestDatabase('postgres', 'server-read-only');
    const url = new URL(primary.url!);
    url.searchParams.set('options', '-c default_transaction_read_only=on');
    replica = await openDatabase({ url: url.href, migrate: false, poolSize: 2 });
    // The writer is an administrator (ADMIN_EMAILS), so the invite list is read too.
    const email = `reader-${crypto.randomUUID()}@example.com`;
    rw = createTestApp(primary.database, { ADMIN_EMAILS: email }, clock);
    ro = createTestApp(replica, { ADMIN_EMAILS: email }, clock);

    writer = rw.client();
    await writer.signUp({ email });
    expect((await writer.post('/api/v1/invites', {})).status).toBe(201);
    const habit = await writer.createHabit();
    habitId = habit.id;
    const archived = await writer.createHabit({ name: 'Old' });
    await writer.post(`/api/v1/habits/${archived.id}/archive`);
    await writer.put(
      `/api/v1/habits/${habitId}/checkins/${TODAY}`,
      { state: 'done' },
      {
        headers: { 'idempotency-key': 'seed' },
      },
    );
    await writer.post('/api/v1/reminders', { habitId, time: '08:00' });
    await writer.post('/api/v1/vacations', { from: '2026-03-01', to: '2026-03-02' });
    // The first ask makes the VAPID pair, on the primary; later reads, anywhere, only read it.
    expect((await writer.get('/api/v1/push/key')).status).toBe(200);
    reader = ro.client();
    reader.cookie = writer.cookie;
  });
  afterAll(async () => {
    await replica?.close();
    await primary?.close();
  });

  it('the read-only session really refuses writes', async () => {
    await expect(
      updateSettings(replica.primary.write, crypto.randomUUID(), { weekStart: 2 }),
    ).rejects.toThrow();
    // Through the app, a write on the replica is an error, never a silent success.
    const res = await reader.patch('/api/v1/settings', { weekStart: 2 });
    expect(res.status).toBeGreaterThanOrEqual(500);
  });

  it('every GET route succeeds, also with a session past half its lifetime', async () => {
    const paths = [
      '/api/health',
      '/api/v1/openapi.json',
      '/api/v1/me',
      '/api/v1/settings',
      '/api/v1/habits',
      '/api/v1/habits?status=archived',
      '/api/v1/habits?status=all',
      `/api/v1/habits/${habitId}`,
      `/api/v1/habits/${habitId}/history`,
      `/api/v1/habits/${habitId}/history?from=2026-01-01&to=2026-03-15`,
      '/api/v1/today',
      '/api/v1/reminders',
      `/api/v1/reminders?habitId=${habitId}`,
      '/api/v1/vacations',
      '/api/v1/push/key',
      '/api/v1/push-subscriptions',
      '/api/v1/tokens',
      '/api/v1/auth/passkeys',
      '/api/v1/auth/signup-mode',
      '/api/v1/invites',
    ];
    for (const at of ['2026-03-15T12:00:00Z', '2026-04-10T12:00:00Z']) {
      clock.now = new Date(at);
      for (const path of paths) {
        const res = await reader.get(path);
        expect(res.status, `${path}: ${res.text}`).toBe(200);
        expect(res.headers.get('set-cookie')).toBeNull();
        const head = await reader.request('HEAD', path);
        expect(head.status, `HEAD ${path}`).toBe(200);
      }
    }
    clock.now = new Date('2026-03-15T12:00:00Z');
  });

  it('GET failures are read-only too: 401, 404, 422', async () => {
    const stranger = ro.client();
    stranger.cookie = `ht_session=${'B'.repeat(43)}`;
    expectError(await stranger.get('/api/v1/me'), 401, 'unauthenticated');
    expectError(await reader.get(`/api/v1/habits/${crypto.randomUUID()}`), 404, 'not_found');
    expectError(await reader.get('/api/v1/habits/nope'), 422, 'validation_failed');
    clock.now = new Date('2026-06-01T12:00:00Z'); // the session has expired
    expectError(await reader.get('/api/v1/me'), 401, 'unauthenticated');
    clock.now = new Date('2026-03-15T12:00:00Z');
  });
});
