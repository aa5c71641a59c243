/**
 * Hostile and broken input: never a 500, always the documented error shape and status.
 */
import { LIMITS, REMINDER_LIMITS } from '@habit-tracker/vocabulary';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp, type TestClient, TODAY } from './support/app';
import { DATABASE_KINDS, type TestDatabase, useTestDatabases } from './support/databases';

const databases = useTestDatabases('server-input');

describe.concurrent.each(DATABASE_KINDS)('bad input on %s', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let c: TestClient;
  let yesNo: { id: string };
  let numeric: { id: string };

  beforeAll(async () => {
    db = databases.get(kind);
    t = createTestApp(db.database, { BODY_LIMIT_BYTES: '4096' });
    c = t.client();
    await c.signUp();
    yesNo = await c.createHabit({ name: 'Floss' });
    numeric = await c.createHabit({
      name: 'Water',
      measure: { kind: 'numeric', unit: 'glasses', target: 8, direction: 'at_least' },
    });
  });

  it('malformed JSON is 400 malformed_json', async () => {
    for (const body of ['{"name":', '{name: "x"}', "{'a':1}", 'nope', '']) {
      const res = await c.request('POST', '/api/v1/habits', {
        body,
        contentType: 'application/json',
      });
      expectError(res, 400, 'malformed_json');
    }
  });

  it('a body that is not JSON is 415', async () => {
    const form = await c.request('POST', '/api/v1/habits', {
      body: 'name=x',
      contentType: 'application/x-www-form-urlencoded',
    });
    expectError(form, 415, 'unsupported_media_type');
    const text = await c.request('PATCH', '/api/v1/settings', {
      body: '{}',
      contentType: 'text/plain',
    });
    expectError(text, 415, 'unsupported_media_type');
    const none = await c.request('PATCH', '/api/v1/settings', { body: '{"weekStart":2}' });
    expectError(none, 415, 'unsupported_media_type');
  });

  it('wrong types and missing fields are 422 with details', async () => {
    const res = await c.post('/api/v1/habits', { name: 42, measure: { kind: 'boolean' } });
    expectError(res, 422, 'validation_failed');
    const paths = res.body.error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['name', 'schedule']);
    for (const detail of res.body.error.details) expect(detail.message).toEqual(expect.any(String));

    const nested = await c.post('/api/v1/habits', {
      name: 'x',
      measure: { kind: 'numeric', unit: 'km', target: -1, direction: 'sideways' },
      schedule: { kind: 'weekdays', days: [1, 1, 9] },
    });
    expectError(nested, 422, 'validation_failed');
    const nestedPaths = nested.body.error.details.map((d: { path: string }) => d.path);
    expect(nestedPaths).toEqual(
      expect.arrayContaining(['measure.target', 'measure.direction', 'schedule.days.2']),
    );

    // zod's issue code and bound ride along, so a client can phrase them in its own language.
    expect(res.body.error.details).toContainEqual({
      path: 'name',
      message: expect.any(String),
      code: 'invalid_type',
      expected: 'string',
    });
    expect(nested.body.error.details).toContainEqual({
      path: 'measure.target',
      message: expect.any(String),
      code: 'too_small',
      minimum: 0,
      origin: 'number',
    });
    const blank = await c.post('/api/v1/habits', { name: '', schedule: { kind: 'daily' } });
    expect(blank.body.error.details).toContainEqual({
      path: 'name',
      message: expect.any(String),
      code: 'too_small',
      minimum: 1,
      origin: 'string',
    });
    const notEmail = await c.post('/api/v1/auth/sign-in', { email: 'nope', password: 'x' });
    expect(notEmail.body.error.details).toContainEqual(
      expect.objectContaining({ path: 'email', code: 'invalid_format', format: 'email' }),
    );

    expectError(await c.post('/api/v1/habits', [1, 2]), 422, 'validation_failed');
    expectError(await c.post('/api/v1/habits', null), 422, 'validation_failed');
    expectError(await c.post('/api/v1/auth/sign-in', { email: 'x@y.z' }), 422, 'validation_failed');
  });

  it('unknown fields are 422, naming the field', async () => {
    const res = await c.patch('/api/v1/settings', { weekStart: 2, isAdmin: true });
    expectError(res, 422, 'validation_failed');
    expect(res.body.error.details).toEqual([
      { path: 'isAdmin', message: 'Unknown field', code: 'unrecognized_keys' },
    ]);
    const nested = await c.post('/api/v1/habits', {
      name: 'x',
      measure: { kind: 'boolean', target: 3 },
      schedule: { kind: 'daily' },
    });
    expectError(nested, 422, 'validation_failed');
    expect(nested.body.error.details).toEqual([
      { path: 'measure.target', message: 'Unknown field', code: 'unrecognized_keys' },
    ]);
    expectError(
      await c.put(`/api/v1/habits/${yesNo.id}/checkins/${TODAY}`, { state: 'done', userId: 'x' }),
      422,
      'validation_failed',
    );
  });

  it('a body over the limit is 413', async () => {
    const res = await c.post('/api/v1/habits', {
      name: 'x',
      description: 'y'.repeat(5000),
      measure: { kind: 'boolean' },
      schedule: { kind: 'daily' },
    });
    expectError(res, 413, 'payload_too_large');
  });

  it('very long strings are 422', async () => {
    const long = (n: number) => 'x'.repeat(n);
    const cases: [string, string, unknown][] = [
      [
        'POST',
        '/api/v1/habits',
        { name: long(101), measure: { kind: 'boolean' }, schedule: { kind: 'daily' } },
      ],
      [
        'POST',
        '/api/v1/habits',
        {
          name: 'x',
          description: long(1001),
          measure: { kind: 'boolean' },
          schedule: { kind: 'daily' },
        },
      ],
      [
        'POST',
        '/api/v1/habits',
        { name: 'x', icon: long(17), measure: { kind: 'boolean' }, schedule: { kind: 'daily' } },
      ],
      ['PUT', `/api/v1/habits/${yesNo.id}/checkins/${TODAY}`, { state: 'done', note: long(2001) }],
      [
        'POST',
        '/api/v1/auth/sign-up',
        { email: `${long(250)}@example.com`, password: 'long enough' },
      ],
      ['POST', '/api/v1/auth/sign-up', { email: 'a@example.com', password: long(257) }],
      ['PATCH', '/api/v1/settings', { timeZone: long(65) }],
    ];
    for (const [method, path, json] of cases) {
      expectError(await c.request(method, path, { json }), 422, 'validation_failed');
    }
    expectError(
      await c.put(
        `/api/v1/habits/${yesNo.id}/checkins/${TODAY}`,
        { state: 'done' },
        {
          headers: { 'idempotency-key': long(101) },
        },
      ),
      422,
      'validation_failed',
    );
  });

  it('text with a NUL character (which PostgreSQL cannot store) is 422, naming the field', async () => {
    const nul = 'a\u0000b';
    const cases: [string, string, unknown, string][] = [
      [
        'POST',
        '/api/v1/habits',
        { name: nul, measure: { kind: 'boolean' }, schedule: { kind: 'daily' } },
        'name',
      ],
      [
        'POST',
        '/api/v1/habits',
        { name: 'x', description: nul, measure: { kind: 'boolean' }, schedule: { kind: 'daily' } },
        'description',
      ],
      [
        'POST',
        '/api/v1/habits',
        { name: 'x', icon: nul, measure: { kind: 'boolean' }, schedule: { kind: 'daily' } },
        'icon',
      ],
      [
        'POST',
        '/api/v1/habits',
        {
          name: 'x',
          measure: { kind: 'numeric', unit: nul, target: 1, direction: 'at_least' },
          schedule: { kind: 'daily' },
        },
        'measure.unit',
      ],
      ['PATCH', `/api/v1/habits/${yesNo.id}`, { name: nul }, 'name'],
      [
        'PUT',
        `/api/v1/habits/${yesNo.id}/checkins/2026-01-02`,
        { state: 'done', note: nul },
        'note',
      ],
    ];
    for (const [method, path, json, field] of cases) {
      const res = await c.request(method, path, { json });
      expectError(res, 422, 'validation_failed');
      expect(JSON.stringify(res.body.error.details), `${method} ${path}`).toContain(
        field.split('.').pop(),
      );
    }
  });

  it('stores unicode, emoji and SQL-looking strings verbatim', async () => {
    const names = [
      '読書 📚 — café naïve',
      "Robert'); DROP TABLE habits;--",
      '👨‍👩‍👧‍👦🏳️‍🌈',
      '<script>alert(1)</script>',
      "' OR '1'='1",
    ];
    for (const name of names) {
      const created = await c.createHabit({ name, description: `${name} ${name}`, icon: '🧘🏽‍♀️' });
      expect(created.name).toBe(name);
      const read = await c.get(`/api/v1/habits/${created.id}`);
      expect(read.body).toMatchObject({ name, description: `${name} ${name}`, icon: '🧘🏽‍♀️' });
    }
    const note = "'; DELETE FROM checkins; -- 💥";
    const res = await c.put(`/api/v1/habits/${yesNo.id}/checkins/2026-01-01`, {
      state: 'done',
      note,
    });
    expect(res.body.note).toBe(note);
  });

  it('invalid time zones are 422', async () => {
    for (const timeZone of ['Mars/Olympus_Mons', '+05:00', '', 'UTC; drop table users']) {
      expectError(await c.patch('/api/v1/settings', { timeZone }), 422, 'validation_failed');
    }
    expectError(
      await t.client().post('/api/v1/auth/sign-up', {
        email: `tz-${crypto.randomUUID()}@example.com`,
        password: 'long enough',
        timeZone: 'Not/AZone',
      }),
      422,
      'validation_failed',
    );
    expectError(await c.patch('/api/v1/settings', { dayStartHour: 24 }), 422, 'validation_failed');
    expectError(await c.patch('/api/v1/settings', { weekStart: 0 }), 422, 'validation_failed');
  });

  it('impossible, malformed and out-of-range dates are 422', async () => {
    for (const date of [
      '2026-02-30',
      '2025-02-29',
      '2026-13-01',
      '2026-3-1',
      '20260301',
      '1899-12-31',
      'today',
      '2026-03-01T00:00',
    ]) {
      const res = await c.put(`/api/v1/habits/${yesNo.id}/checkins/${date}`, { state: 'done' });
      expectError(res, 422, 'validation_failed');
      expect(res.body.error.details[0].path).toBe('param.date');
    }
    expect(
      (await c.put(`/api/v1/habits/${yesNo.id}/checkins/2024-02-29`, { state: 'done' })).status,
    ).toBe(200);
    expectError(
      await c.get(`/api/v1/habits/${yesNo.id}/history?from=2026-02-30`),
      422,
      'validation_failed',
    );
  });

  it('a check-in after the user’s today is 422 date_in_future', async () => {
    const res = await c.put(`/api/v1/habits/${yesNo.id}/checkins/2026-03-16`, { state: 'done' });
    expectError(res, 422, 'date_in_future');
    // 12:00 UTC on the 15th is already the 16th in Kiribati.
    const kiribati = t.client();
    await kiribati.signUp({ timeZone: 'Pacific/Kiritimati' });
    const h = await kiribati.createHabit();
    expect(
      (await kiribati.put(`/api/v1/habits/${h.id}/checkins/2026-03-16`, { state: 'done' })).status,
    ).toBe(200);
    expectError(
      await kiribati.put(`/api/v1/habits/${h.id}/checkins/2026-03-17`, { state: 'done' }),
      422,
      'date_in_future',
    );
  });

  it('negative, non-finite and non-numeric values are 422', async () => {
    const url = `/api/v1/habits/${numeric.id}/checkins/${TODAY}`;
    for (const body of [
      '{"state":"done","value":-1}',
      '{"state":"done","value":"NaN"}',
      '{"state":"done","value":1e999}',
      '{"state":"done","value":-1e999}',
      '{"state":"done","value":"5"}',
      '{"state":"done","value":1000000001}',
      '{"state":"maybe","value":1}',
    ]) {
      const res = await c.request('PUT', url, { body, contentType: 'application/json' });
      expectError(res, 422, 'validation_failed');
    }
    const target = await c.post('/api/v1/habits', {
      name: 'x',
      measure: { kind: 'numeric', unit: 'km', target: 0, direction: 'at_least' },
      schedule: { kind: 'daily' },
    });
    expectError(target, 422, 'validation_failed');
    expect((await c.put(url, { state: 'done', value: 0 })).status).toBe(200);
    expect((await c.put(url, { state: 'done', value: 2.5 })).body.value).toBe(2.5);
  });

  it('values must fit the habit: none for yes/no, one for a numeric "done"', async () => {
    const yes = await c.put(`/api/v1/habits/${yesNo.id}/checkins/${TODAY}`, {
      state: 'done',
      value: 1,
    });
    expectError(yes, 422, 'validation_failed');
    expect(yes.body.error.details).toEqual([
      { path: 'value', message: expect.any(String), code: 'value_not_allowed' },
    ]);
    expect(
      (await c.put(`/api/v1/habits/${yesNo.id}/checkins/${TODAY}`, { state: 'done', value: null }))
        .status,
    ).toBe(200);
    const noAmount = await c.put(`/api/v1/habits/${numeric.id}/checkins/${TODAY}`, {
      state: 'done',
    });
    expectError(noAmount, 422, 'validation_failed');
    expect(noAmount.body.error.details).toEqual([
      { path: 'value', message: expect.stringContaining('glasses'), code: 'value_required' },
    ]);
    expect(
      (await c.put(`/api/v1/habits/${numeric.id}/checkins/${TODAY}`, { state: 'skipped' })).status,
    ).toBe(200);
  });

  it('the server’s own checks after the schema name a code, and the bound they hold to', async () => {
    const one = (path: string, code: string, facts: object = {}) => [
      { path, message: expect.any(String), code, ...facts },
    ];
    const history = (query: string) => c.get(`/api/v1/habits/${yesNo.id}/history?${query}`);
    const reversed = await history('from=2026-03-10&to=2026-03-01');
    expectError(reversed, 422, 'validation_failed');
    expect(reversed.body.error.details).toEqual(one('query.from', 'date_order'));
    const long = await history('from=2010-01-01&to=2026-01-01');
    expectError(long, 422, 'validation_failed');
    expect(long.body.error.details).toEqual(
      one('query.to', 'too_big', { maximum: LIMITS.historyMaxDays, origin: 'days' }),
    );

    const noGroup = await c.post('/api/v1/habits', {
      name: 'Grouped',
      measure: { kind: 'boolean' },
      schedule: { kind: 'daily' },
      groupId: crypto.randomUUID(),
    });
    expectError(noGroup, 422, 'validation_failed');
    expect(noGroup.body.error.details).toEqual(one('groupId', 'unknown_reference'));

    const order = await c.put('/api/v1/habits/order', { ids: [yesNo.id] });
    expectError(order, 422, 'validation_failed');
    expect(order.body.error.details).toEqual(one('ids', 'exactly_once'));

    const backwards = await c.post('/api/v1/vacations', { from: '2026-03-10', to: '2026-03-01' });
    expectError(backwards, 422, 'validation_failed');
    expect(backwards.body.error.details).toEqual(one('to', 'date_order'));

    const habit = await c.createHabit({ name: 'Reminded' });
    for (let i = 0; i < REMINDER_LIMITS.perHabit; i++) {
      const time = `0${i}:00`;
      const ok = await c.post('/api/v1/reminders', { habitId: habit.id, time });
      expect(ok.status, ok.text).toBe(201);
    }
    const full = await c.post('/api/v1/reminders', { habitId: habit.id, time: '12:00' });
    expectError(full, 422, 'validation_failed');
    expect(full.body.error.details).toEqual(
      one('habitId', 'limit_reached', { maximum: REMINDER_LIMITS.perHabit }),
    );
  });

  it('bad path and query parameters are 422; unknown routes are 404', async () => {
    expectError(await c.get('/api/v1/habits/not-a-uuid'), 422, 'validation_failed');
    expectError(await c.get("/api/v1/habits/1'%20OR%20'1'='1"), 422, 'validation_failed');
    expectError(await c.get('/api/v1/habits?status=deleted'), 422, 'validation_failed');
    expectError(
      await c.get(`/api/v1/habits/${yesNo.id}/history?from=2026-03-10&to=2026-03-01`),
      422,
      'validation_failed',
    );
    expectError(
      await c.get(`/api/v1/habits/${yesNo.id}/history?from=2000-01-01&to=2026-03-01`),
      422,
      'validation_failed',
    );
    expect(
      (await c.get(`/api/v1/habits/${yesNo.id}/history?from=2016-03-01&to=2026-03-01`)).status,
    ).toBe(200);
    expectError(await c.get('/api/v1/nope'), 404, 'not_found');
    expectError(await c.get('/api/nope'), 404, 'not_found');
    expectError(await c.request('PATCH', '/api/v1/today', { json: {} }), 404, 'not_found');
    expectError(await c.put('/api/v1/habits/order', { ids: [yesNo.id] }), 422, 'validation_failed');
  });
});
