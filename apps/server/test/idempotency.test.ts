/**
 * Idempotency-Key on check-in writes (docs/api.md, "Idempotency"), on PostgreSQL and PGlite.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp, type TestClient, TODAY } from './support/app';
import { DATABASE_KINDS, type TestDatabase, useTestDatabases } from './support/databases';

const databases = useTestDatabases('server-idempotency');

describe.concurrent.each(DATABASE_KINDS)('idempotency on %s', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let c: TestClient;
  let habitId: string;
  const url = (date = TODAY) => `/api/v1/habits/${habitId}/checkins/${date}`;
  const key = (k: string) => ({ headers: { 'idempotency-key': k } });
  const stored = async (date = TODAY) => {
    const res = await c.get(`/api/v1/habits/${habitId}/history?from=${date}&to=${date}`);
    return res.body.checkins[0] ?? null;
  };

  beforeAll(async () => {
    db = databases.get(kind);
    t = createTestApp(db.database);
    c = t.client();
    await c.signUp();
    habitId = (await c.createHabit()).id;
  });

  it('a resend with the same key gets the stored response and writes nothing', async () => {
    const first = await c.put(url('2026-03-01'), { state: 'done', note: 'first' }, key('k-resend'));
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotency-replayed')).toBeNull();

    // A later write without a key changes the row…
    await c.put(url('2026-03-01'), { state: 'done', note: 'later' });
    // …and the resend answers as the first time did, without writing over it.
    const resend = await c.put(
      url('2026-03-01'),
      { note: 'first', state: 'done' },
      key('k-resend'),
    );
    expect(resend.status).toBe(200);
    expect(resend.headers.get('idempotency-replayed')).toBe('true');
    expect(resend.body).toEqual(first.body);
    expect((await stored('2026-03-01')).note).toBe('later');
  });

  it('the same key with a different request is 409', async () => {
    await c.put(url('2026-03-02'), { state: 'done' }, key('k-conflict'));
    expectError(
      await c.put(url('2026-03-02'), { state: 'skipped' }, key('k-conflict')),
      409,
      'idempotency_key_reused',
    );
    expectError(
      await c.put(url('2026-03-03'), { state: 'done' }, key('k-conflict')),
      409,
      'idempotency_key_reused',
    );
    expectError(
      await c.delete(url('2026-03-02'), undefined, key('k-conflict')),
      409,
      'idempotency_key_reused',
    );
    expect((await stored('2026-03-02')).state).toBe('done');
    expect(await stored('2026-03-03')).toBeNull();
  });

  it('set → clear → resend of the set does not resurrect the check-in', async () => {
    const set = await c.put(url('2026-03-04'), { state: 'done' }, key('k-set'));
    expect(set.status).toBe(200);
    expect((await c.delete(url('2026-03-04'), undefined, key('k-clear'))).status).toBe(204);
    const resend = await c.put(url('2026-03-04'), { state: 'done' }, key('k-set'));
    expect(resend.status).toBe(200);
    expect(resend.headers.get('idempotency-replayed')).toBe('true');
    expect(await stored('2026-03-04')).toBeNull();

    // And a resent clear does not remove a newer check-in.
    await c.put(url('2026-03-04'), { state: 'skipped' });
    const clearAgain = await c.delete(url('2026-03-04'), undefined, key('k-clear'));
    expect(clearAgain.status).toBe(204);
    expect(clearAgain.headers.get('idempotency-replayed')).toBe('true');
    expect((await stored('2026-03-04')).state).toBe('skipped');
  });

  it('a refused request stores nothing, so its key stays usable', async () => {
    expectError(
      await c.put(url('2026-03-20'), { state: 'done' }, key('k-refused')),
      422,
      'date_in_future',
    );
    const retry = await c.put(url('2026-03-05'), { state: 'done' }, key('k-refused'));
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotency-replayed')).toBeNull();
  });

  it("a check-in its habit's measure refuses changes nothing and stores nothing", async () => {
    // Written in the statement that locks the habit, checked after: the refusal rolls it back.
    const kept = await c.put(url('2026-03-08'), { state: 'skipped', note: 'kept' });
    expect(kept.status).toBe(200);
    expectError(
      await c.put(url('2026-03-08'), { state: 'done', value: 2, note: 'new' }, key('k-measure')),
      422,
      'validation_failed',
    );
    expect(await stored('2026-03-08')).toEqual(kept.body);
    const retry = await c.put(url('2026-03-08'), { state: 'done' }, key('k-measure'));
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotency-replayed')).toBeNull();
    expect((await stored('2026-03-08')).note).toBe('kept');
  });

  it('a resend after its habit was deleted still gets the stored response', async () => {
    const gone = (await c.createHabit()).id;
    const path = `/api/v1/habits/${gone}/checkins/2026-03-09`;
    const first = await c.put(path, { state: 'done' }, key('k-gone'));
    expect(first.status).toBe(200);
    const clear = await c.delete(path.replace('03-09', '03-10'), undefined, key('k-gone-clear'));
    expect(clear.status).toBe(204);
    expect((await c.delete(`/api/v1/habits/${gone}`)).status).toBe(204);
    const resend = await c.put(path, { state: 'done' }, key('k-gone'));
    expect(resend.status).toBe(200);
    expect(resend.headers.get('idempotency-replayed')).toBe('true');
    expect(resend.body).toEqual(first.body);
    const resentClear = await c.delete(
      path.replace('03-09', '03-10'),
      undefined,
      key('k-gone-clear'),
    );
    expect(resentClear.status).toBe(204);
    expect(resentClear.headers.get('idempotency-replayed')).toBe('true');
    // Without a record, the same habit is simply not found.
    expectError(await c.put(path, { state: 'done' }, key('k-gone-new')), 404, 'not_found');
  });

  it('keys belong to one user', async () => {
    await c.put(url('2026-03-06'), { state: 'done' }, key('k-shared'));
    const other = t.client();
    await other.signUp();
    const theirs = await other.createHabit();
    const res = await other.put(
      `/api/v1/habits/${theirs.id}/checkins/2026-03-06`,
      { state: 'done' },
      key('k-shared'),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('idempotency-replayed')).toBeNull();
  });

  it('concurrent resends write once', async () => {
    const body = { state: 'done', note: 'race' };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => c.put(url('2026-03-07'), body, key('k-race'))),
    );
    for (const r of results) expect(r.status, r.text).toBe(200);
    expect(results.filter((r) => r.headers.get('idempotency-replayed') === 'true')).toHaveLength(4);
    for (const r of results) expect(r.body).toEqual(results[0]!.body);
    expect((await stored('2026-03-07')).note).toBe('race');
  });

  it('concurrent resends of a clear delete once', async () => {
    await c.put(url('2026-03-11'), { state: 'done' });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => c.delete(url('2026-03-11'), undefined, key('k-clear-race'))),
    );
    for (const r of results) expect(r.status, r.text).toBe(204);
    expect(results.filter((r) => r.headers.get('idempotency-replayed') === 'true')).toHaveLength(4);
    expect(await stored('2026-03-11')).toBeNull();
    // The key is the clear's: a later resend does not remove a newer check-in.
    await c.put(url('2026-03-11'), { state: 'skipped' });
    const resend = await c.delete(url('2026-03-11'), undefined, key('k-clear-race'));
    expect(resend.headers.get('idempotency-replayed')).toBe('true');
    expect((await stored('2026-03-11')).state).toBe('skipped');
  });

  it('rejects keys that are not 1–100 printable ASCII characters', async () => {
    expectError(await c.put(url(), { state: 'done' }, key('')), 422, 'validation_failed');
    expectError(
      await c.put(url(), { state: 'done' }, key('x'.repeat(101))),
      422,
      'validation_failed',
    );
  });
});
