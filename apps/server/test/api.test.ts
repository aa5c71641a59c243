/**
 * Every route's happy path, through the real app, on PostgreSQL and on PGlite.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectError, NOW, PASSWORD, type TestApp, TODAY } from './support/app';
import { DATABASE_KINDS, type TestDatabase, useTestDatabases } from './support/databases';

const databases = useTestDatabases('server-api');

describe.concurrent.each(DATABASE_KINDS)('API on %s', (kind) => {
  let db: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    db = databases.get(kind);
    t = createTestApp(db.database);
  });

  it('done when: sign up → create a daily habit → check in today → today shows streak 1', async () => {
    const ada = t.client();
    await ada.signUp({ timeZone: 'Asia/Singapore' });
    const habit = await ada.createHabit({ name: 'Meditate' });
    const checkin = await ada.put(`/api/v1/habits/${habit.id}/checkins/${TODAY}`, {
      state: 'done',
    });
    expect(checkin.status, checkin.text).toBe(200);

    const today = await ada.get('/api/v1/today');
    expect(today.status).toBe(200);
    expect(today.body.date).toBe(TODAY);
    expect(today.body.habits).toHaveLength(1);
    expect(today.body.habits[0]).toMatchObject({
      habit: { id: habit.id, name: 'Meditate' },
      due: true,
      checkin: { date: TODAY, state: 'done', value: null },
      streak: { current: 1, best: 1, unit: 'days' },
      period: { kind: 'day', start: TODAY, end: TODAY, done: 1, target: 1, met: true },
    });
    expect(today.body.habits[0].score).toBeGreaterThan(0);
  });

  it('GET /api/health reports the database', async () => {
    const res = await t.client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      region: 'local',
      version: expect.any(String),
      database: { reachable: true, kind, rttMs: expect.any(Number) },
    });
    expect(res.body.machine).toBeTruthy();
  });

  it('accounts: sign up, me, sign in, settings', async () => {
    const c = t.client();
    const { email, me } = await c.signUp({ email: '  Mixed.Case@Example.COM ' });
    expect(email).toBeDefined();
    expect(me).toEqual({
      user: {
        id: expect.any(String),
        email: 'mixed.case@example.com',
        createdAt: expect.any(String),
        hasPassword: true,
      },
      settings: { timeZone: 'UTC', dayStartHour: 0, weekStart: 1, locale: null },
    });
    expect((await c.get('/api/v1/me')).body).toEqual(me);

    const other = t.client();
    const signIn = await other.post('/api/v1/auth/sign-in', {
      email: 'MIXED.case@example.com',
      password: PASSWORD,
    });
    expect(signIn.status).toBe(200);
    expect(signIn.body).toEqual(me);
    expect(other.cookie).toBeDefined();

    expect((await c.get('/api/v1/settings')).body).toEqual(me.settings);
    const patched = await c.patch('/api/v1/settings', {
      timeZone: 'America/New_York',
      weekStart: 7,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({
      timeZone: 'America/New_York',
      dayStartHour: 0,
      weekStart: 7,
      locale: null,
    });
    const again = await c.patch('/api/v1/settings', { dayStartHour: 4 });
    expect(again.body).toEqual({
      timeZone: 'America/New_York',
      dayStartHour: 4,
      weekStart: 7,
      locale: null,
    });
    expect((await other.get('/api/v1/me')).body.settings).toEqual(again.body);
    // Time zones are accepted in any case and stored canonically.
    const lower = await c.patch('/api/v1/settings', { timeZone: 'asia/kolkata' });
    expect(lower.body.timeZone).toBe('Asia/Kolkata');
  });

  it("settings: the account's language (a catalog tag, or null to follow the browser)", async () => {
    const c = t.client();
    await c.signUp();
    const german = await c.patch('/api/v1/settings', { locale: 'de' });
    expect(german.status).toBe(200);
    expect(german.body.locale).toBe('de');
    // Kept when other fields change; seen by a new session (another device) and by Today.
    expect((await c.patch('/api/v1/settings', { weekStart: 7 })).body.locale).toBe('de');
    expect((await c.get('/api/v1/me')).body.settings.locale).toBe('de');
    expect((await c.get('/api/v1/today')).body.settings.locale).toBe('de');
    for (const tag of ['pt-BR', 'zh-Hans', 'ar', 'en-XA']) {
      expect((await c.patch('/api/v1/settings', { locale: tag })).body.locale).toBe(tag);
    }
    // Tags we have no catalog for, other spellings and other types: 422 naming the field.
    for (const locale of ['de-DE', 'pt', 'zh-Hant', 'EN', '', 'klingon', 42, ['de']]) {
      const res = await c.patch('/api/v1/settings', { locale });
      expect(res.status, JSON.stringify(locale)).toBe(422);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details[0].path).toBe('locale');
    }
    expect((await c.get('/api/v1/settings')).body.locale).toBe('en-XA');
    // null = follow the browser again.
    expect((await c.patch('/api/v1/settings', { locale: null })).body.locale).toBeNull();
    expect((await c.get('/api/v1/settings')).body.locale).toBeNull();
  });

  it('sign up honours timeZone, dayStartHour and weekStart', async () => {
    const c = t.client();
    const { me } = await c.signUp({ timeZone: 'Pacific/Auckland', dayStartHour: 3, weekStart: 7 });
    expect(me.settings).toEqual({
      timeZone: 'Pacific/Auckland',
      dayStartHour: 3,
      weekStart: 7,
      locale: null,
    });
    // 12:00 UTC on the 15th is 01:00 on the 16th in Auckland, before a 3 am day start.
    const today = await c.get('/api/v1/today');
    expect(today.body.date).toBe('2026-03-15');
  });

  it('habits: create, list, get, patch, archive, unarchive, reorder, delete', async () => {
    const c = t.client();
    await c.signUp();
    const a = await c.createHabit({ name: 'A' });
    const b = await c.createHabit({
      name: 'Run',
      description: 'Around the park',
      color: '#FF0000',
      icon: '🏃',
      measure: { kind: 'numeric', unit: 'km', target: 5, direction: 'at_least' },
      schedule: { kind: 'times_per_week', times: 3 },
    });
    const cc = await c.createHabit({
      name: 'C',
      schedule: { kind: 'every_n_days', interval: 2, startDate: '2026-03-01' },
    });
    expect(a).toMatchObject({
      name: 'A',
      description: '',
      icon: '',
      color: expect.stringMatching(/^#[0-9a-f]{6}$/),
      position: 0,
      startDate: TODAY,
      archivedAt: null,
    });
    expect(b).toMatchObject({ color: '#ff0000', icon: '🏃', position: 1 });
    expect(cc.position).toBe(2);

    const list = await c.get('/api/v1/habits');
    expect(list.body.habits.map((h: { id: string }) => h.id)).toEqual([a.id, b.id, cc.id]);
    expect((await c.get(`/api/v1/habits/${b.id}`)).body).toEqual(b);

    const patched = await c.patch(`/api/v1/habits/${a.id}`, {
      name: '  Read more  ',
      schedule: { kind: 'weekdays', days: [1, 3, 5] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: 'Read more',
      schedule: { kind: 'weekdays', days: [1, 3, 5] },
    });

    const archived = await c.post(`/api/v1/habits/${a.id}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).toBe(NOW.toISOString());
    expect((await c.get('/api/v1/habits')).body.habits).toHaveLength(2);
    expect(
      (await c.get('/api/v1/habits?status=archived')).body.habits.map((h: { id: string }) => h.id),
    ).toEqual([a.id]);
    expect((await c.get('/api/v1/habits?status=all')).body.habits).toHaveLength(3);

    const reordered = await c.put('/api/v1/habits/order', { ids: [cc.id, b.id] });
    expect(reordered.status).toBe(200);
    expect(reordered.body.habits.map((h: { id: string }) => h.id)).toEqual([cc.id, b.id]);

    const restored = await c.post(`/api/v1/habits/${a.id}/unarchive`);
    expect(restored.status).toBe(200);
    expect(restored.body.archivedAt).toBeNull();
    expect((await c.get('/api/v1/habits')).body.habits.map((h: { id: string }) => h.id)).toEqual([
      cc.id,
      b.id,
      a.id,
    ]);

    const deleted = await c.delete(`/api/v1/habits/${b.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expectError(await c.get(`/api/v1/habits/${b.id}`), 404, 'not_found');
  });

  it('check-ins: put, replace, delete; numeric values; history', async () => {
    const c = t.client();
    await c.signUp();
    const run = await c.createHabit({
      name: 'Run',
      measure: { kind: 'numeric', unit: 'km', target: 5, direction: 'at_least' },
    });
    const url = (date: string) => `/api/v1/habits/${run.id}/checkins/${date}`;
    const first = await c.put(url('2026-03-14'), { state: 'done', value: 3.5, note: 'windy' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      date: '2026-03-14',
      state: 'done',
      value: 3.5,
      note: 'windy',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    // A body without a note keeps the stored one (a tap on the Today grid); null clears it.
    const kept = await c.put(url('2026-03-14'), { state: 'done', value: 5 });
    expect(kept.body).toMatchObject({ value: 5, note: 'windy' });
    const replaced = await c.put(url('2026-03-14'), { state: 'done', value: 6, note: null });
    expect(replaced.body).toMatchObject({ value: 6, note: null });
    expect((await c.put(url('2026-03-13'), { state: 'skipped' })).status).toBe(200);
    expect((await c.put(url(TODAY), { state: 'done', value: 5 })).status).toBe(200);
    expect((await c.put(url('2026-03-12'), { state: 'done', value: 5 })).status).toBe(200);

    const history = await c.get(`/api/v1/habits/${run.id}/history?from=2026-03-10&to=${TODAY}`);
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject({
      habit: { id: run.id },
      from: '2026-03-10',
      to: TODAY,
      today: TODAY,
      streak: { current: 3, best: 3, unit: 'days' },
    });
    expect(history.body.checkins.map((x: { date: string }) => x.date)).toEqual([
      '2026-03-12',
      '2026-03-13',
      '2026-03-14',
      TODAY,
    ]);
    expect(history.body.scores).toHaveLength(6);
    expect(history.body.scores[0]).toEqual({ date: '2026-03-10', score: 0 });
    expect(history.body.score).toBe(history.body.scores[5].score);
    // 12th Thu, 14th Sat, 15th Sun (the skip on Friday does not count).
    expect(history.body.weekdayCounts).toEqual([0, 0, 0, 1, 0, 1, 1]);

    const cleared = await c.delete(url('2026-03-14'));
    expect(cleared.status).toBe(204);
    expect((await c.delete(url('2026-03-14'))).status).toBe(204); // also when there is none
    const after = await c.get(`/api/v1/habits/${run.id}/history?from=2026-03-14&to=2026-03-14`);
    expect(after.body.checkins).toEqual([]);
  });

  it('history defaults to the 365 days up to today', async () => {
    const c = t.client();
    await c.signUp();
    const h = await c.createHabit();
    const res = await c.get(`/api/v1/habits/${h.id}/history`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '2025-03-16', to: TODAY, today: TODAY, checkins: [] });
    expect(res.body.scores).toHaveLength(365);
  });

  it('today: period schedules report due and progress', async () => {
    const c = t.client();
    await c.signUp();
    const weekly = await c.createHabit({
      name: 'Gym',
      schedule: { kind: 'times_per_week', times: 2 },
    });
    // Week of Mon 9 – Sun 15 March: one done before today.
    await c.put(`/api/v1/habits/${weekly.id}/checkins/2026-03-10`, { state: 'done' });
    const today = await c.get('/api/v1/today');
    expect(today.body.habits[0]).toMatchObject({
      due: true,
      checkin: null,
      period: { kind: 'week', start: '2026-03-09', end: TODAY, done: 1, target: 2, met: false },
      streak: { unit: 'weeks' },
    });
  });

  it('sign out, sign out everywhere, change password, delete account', async () => {
    const c = t.client();
    const { email } = await c.signUp();
    expect((await c.post('/api/v1/auth/sign-out')).status).toBe(204);
    expect(c.cookie).toBeUndefined();
    expect((await c.post('/api/v1/auth/sign-out')).status).toBe(204); // already signed out

    await c.post('/api/v1/auth/sign-in', { email, password: PASSWORD });
    const changed = await c.post('/api/v1/auth/change-password', {
      currentPassword: PASSWORD,
      newPassword: 'a brand new password',
    });
    expect(changed.status).toBe(204);
    expect((await c.get('/api/v1/me')).status).toBe(200);

    expect((await c.post('/api/v1/auth/sign-out-everywhere')).status).toBe(204);
    expectError(await c.get('/api/v1/me'), 401, 'unauthenticated');

    await c.post('/api/v1/auth/sign-in', { email, password: 'a brand new password' });
    // With a password, only the password confirms: the email (enough without one) is refused.
    for (const body of [{}, { email }]) {
      const refused = await c.delete('/api/v1/me', body);
      expectError(refused, 422, 'validation_failed');
      expect(refused.body.error.details).toEqual([expect.objectContaining({ path: 'password' })]);
    }
    const gone = await c.delete('/api/v1/me', { password: 'a brand new password' });
    expect(gone.status).toBe(204);
    expectError(
      await c.post('/api/v1/auth/sign-in', { email, password: 'a brand new password' }),
      401,
      'invalid_credentials',
    );
  });

  it('publishes an OpenAPI document listing every route', async () => {
    const res = await t.client().get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const operations = Object.entries(res.body.paths as Record<string, object>).flatMap(
      ([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        'GET /api/health',
        'GET /api/live',
        'POST /api/v1/auth/sign-up',
        'POST /api/v1/auth/sign-in',
        'POST /api/v1/auth/sign-out',
        'POST /api/v1/auth/sign-out-everywhere',
        'POST /api/v1/auth/change-password',
        'POST /api/v1/auth/password-reset',
        'POST /api/v1/auth/password-reset/confirm',
        'GET /api/v1/me',
        'DELETE /api/v1/me',
        'GET /api/v1/settings',
        'PATCH /api/v1/settings',
        'GET /api/v1/auth/passkeys',
        'GET /api/v1/auth/signup-mode',
        'POST /api/v1/auth/passkeys/registration/options',
        'POST /api/v1/auth/passkeys/registration/verify',
        'PATCH /api/v1/auth/passkeys/{id}',
        'DELETE /api/v1/auth/passkeys/{id}',
        'POST /api/v1/auth/passkeys/authentication/options',
        'POST /api/v1/auth/passkeys/authentication/verify',
        'GET /api/v1/auth/oidc/providers',
        'GET /api/v1/auth/oidc/{id}/start',
        'GET /api/v1/auth/oidc/{id}/callback',
        'GET /api/v1/auth/oidc/identities',
        'DELETE /api/v1/auth/oidc/identities/{id}',
        'GET /api/v1/tokens',
        'POST /api/v1/tokens',
        'DELETE /api/v1/tokens/{id}',
        'GET /api/v1/habits',
        'POST /api/v1/habits',
        'PUT /api/v1/habits/order',
        'GET /api/v1/habits/{id}',
        'PATCH /api/v1/habits/{id}',
        'DELETE /api/v1/habits/{id}',
        'POST /api/v1/habits/{id}/archive',
        'POST /api/v1/habits/{id}/unarchive',
        'PUT /api/v1/habits/{id}/checkins/{date}',
        'DELETE /api/v1/habits/{id}/checkins/{date}',
        'DELETE /api/v1/invites/{id}',
        'GET /api/v1/habits/{id}/history',
        'GET /api/v1/today',
        'GET /api/v1/groups',
        'POST /api/v1/groups',
        'PATCH /api/v1/groups/{id}',
        'DELETE /api/v1/groups/{id}',
        'PUT /api/v1/layout',
        'GET /api/v1/stats',
        'POST /api/v1/habits/{id}/checkins/{date}/photos',
        'GET /api/v1/habits/{id}/checkins/{date}/photos',
        'PUT /api/v1/photos/{photoId}/upload',
        'POST /api/v1/photos/{photoId}/complete',
        'GET /api/v1/photos/{photoId}/image',
        'GET /api/v1/photos/{photoId}/thumbnail',
        'DELETE /api/v1/photos/{photoId}',
        'POST /api/v1/exports',
        'GET /api/v1/exports',
        'GET /api/v1/exports/{exportId}',
        'GET /api/v1/exports/{exportId}/download',
        'POST /api/v1/imports',
        'PUT /api/v1/imports/{importId}/upload',
        'POST /api/v1/imports/{importId}/preview',
        'POST /api/v1/imports/{importId}/confirm',
        'POST /api/v1/invites',
        'GET /api/v1/imports/{importId}',
        'GET /api/v1/invites',
        'GET /api/v1/storage',
        'GET /api/v1/reminders',
        'POST /api/v1/reminders',
        'PATCH /api/v1/reminders/{id}',
        'DELETE /api/v1/reminders/{id}',
        'GET /api/v1/vacations',
        'POST /api/v1/vacations',
        'PUT /api/v1/vacations/{id}',
        'DELETE /api/v1/vacations/{id}',
        'GET /api/v1/push/key',
        'GET /api/v1/push-subscriptions',
        'POST /api/v1/push-subscriptions',
        'DELETE /api/v1/push-subscriptions/{id}',
        'POST /api/v1/push-subscriptions/{id}/test',
        'POST /api/v1/notifications/{id}/snooze',
      ].sort(),
    );
    // Protected routes document 401; every route documents its error shape.
    expect(res.body.paths['/api/v1/today'].get.responses['401']).toBeDefined();
    expect(
      res.body.paths['/api/v1/habits/{id}/checkins/{date}'].put.responses['409'],
    ).toBeDefined();
    expect(res.body.components.schemas.Error).toBeDefined();
  });
});
