/**
 * DELETE /habits/{id}/checkins/{date}?keep=notes (docs/api.md, "Check-ins"): Today's grid clears
 * a mark without losing the day's note or photos. On PostgreSQL and PGlite.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestClient, TODAY } from './support/app';
import { DATABASE_KINDS, type TestDatabase, useTestDatabases } from './support/databases';

const databases = useTestDatabases('server-keep-notes');

describe.concurrent.each(DATABASE_KINDS)('clearing a mark with keep=notes on %s', (kind) => {
  let db: TestDatabase;
  let c: TestClient;

  beforeAll(async () => {
    db = databases.get(kind);
    c = createTestApp(db.database).client();
    await c.signUp();
  });

  /** A habit done on the three days up to today: a streak of 3. */
  async function doneHabit() {
    const { id } = await c.createHabit();
    const url = (date: string) => `/api/v1/habits/${id}/checkins/${date}`;
    for (const date of ['2026-03-13', '2026-03-14', TODAY]) {
      expect((await c.put(url(date), { state: 'done' })).status).toBe(200);
    }
    const history = async () => {
      const res = await c.get(`/api/v1/habits/${id}/history?from=2026-03-10&to=${TODAY}`);
      expect(res.status, res.text).toBe(200);
      return res.body;
    };
    const day = async (date: string) =>
      (await history()).checkins.find((x: { date: string }) => x.date === date) ?? null;
    const streak = async () => {
      const today = await c.get('/api/v1/today');
      return today.body.habits.find((h: { habit: { id: string } }) => h.habit.id === id).streak;
    };
    expect(await streak()).toMatchObject({ current: 3, best: 3 });
    return { id, url, history, day, streak };
  }

  /** A ready photo on a check-in, written directly (an upload needs real image bytes). */
  async function addPhoto(habitId: string, date: string) {
    await db.database.primary.write.execute(sql`
      insert into photos (user_id, habit_id, date, content_type, size, width, height, status)
      select user_id, habit_id, date, 'image/jpeg', 10, 1, 1, 'ready'
      from checkins where habit_id = ${habitId} and date = ${date}::date`);
  }

  const photosOf = async (url: string) => {
    const res = await c.get(`${url}/photos`);
    expect(res.status, res.text).toBe(200);
    return res.body.photos as { id: string }[];
  };

  it('a done day with a note becomes a note-only day; the streak no longer counts it', async () => {
    const h = await doneHabit();
    expect((await c.put(h.url('2026-03-14'), { state: 'done', note: 'knee hurt' })).status).toBe(
      200,
    );
    const res = await c.delete(`${h.url('2026-03-14')}?keep=notes`);
    expect(res.status, res.text).toBe(204);
    expect(await h.day('2026-03-14')).toMatchObject({
      state: 'note',
      value: null,
      note: 'knee hurt',
    });
    // The summary was refreshed in the write: a note-only day is no check-in.
    expect(await h.streak()).toMatchObject({ current: 1, best: 1 });
    expect((await h.history()).streak).toMatchObject({ current: 1, best: 1 });
  });

  it('a done day with photos but no note keeps its photos (note "")', async () => {
    const h = await doneHabit();
    await addPhoto(h.id, '2026-03-14');
    const before = await photosOf(h.url('2026-03-14'));
    expect(before).toHaveLength(1);
    expect((await c.delete(`${h.url('2026-03-14')}?keep=notes`)).status).toBe(204);
    expect(await h.day('2026-03-14')).toMatchObject({ state: 'note', value: null, note: '' });
    expect((await photosOf(h.url('2026-03-14'))).map((p) => p.id)).toEqual(before.map((p) => p.id));
    expect(await h.streak()).toMatchObject({ current: 1 });
  });

  it('a done day with neither is deleted', async () => {
    const h = await doneHabit();
    expect((await c.delete(`${h.url('2026-03-14')}?keep=notes`)).status).toBe(204);
    expect(await h.day('2026-03-14')).toBeNull();
    expect(await h.streak()).toMatchObject({ current: 1, best: 1 });
    // Also when there was none.
    expect((await c.delete(`${h.url('2026-03-14')}?keep=notes`)).status).toBe(204);
  });

  it('a note-only day stays as it is', async () => {
    const h = await doneHabit();
    expect((await c.put(h.url('2026-03-12'), { state: 'note', note: 'rest day' })).status).toBe(
      200,
    );
    const before = await h.day('2026-03-12');
    expect((await c.delete(`${h.url('2026-03-12')}?keep=notes`)).status).toBe(204);
    expect(await h.day('2026-03-12')).toEqual(before);
  });

  it('without keep, the check-in goes with its note and photos as before', async () => {
    const h = await doneHabit();
    expect((await c.put(h.url('2026-03-14'), { state: 'done', note: 'gone' })).status).toBe(200);
    await addPhoto(h.id, '2026-03-14');
    expect((await c.delete(h.url('2026-03-14'))).status).toBe(204);
    expect(await h.day('2026-03-14')).toBeNull();
    expect(await photosOf(h.url('2026-03-14'))).toEqual([]);
    expect(await h.streak()).toMatchObject({ current: 1 });
  });

  it('a resend with the same Idempotency-Key answers the same and writes nothing', async () => {
    const h = await doneHabit();
    const key = { headers: { 'idempotency-key': `keep-${kind}` } };
    expect((await c.put(h.url('2026-03-14'), { state: 'done', note: 'first' })).status).toBe(200);
    const first = await c.delete(`${h.url('2026-03-14')}?keep=notes`, undefined, key);
    expect(first.status).toBe(204);
    expect(first.headers.get('idempotency-replayed')).toBeNull();

    // Marked again later: the resend must not clear the new mark.
    expect((await c.put(h.url('2026-03-14'), { state: 'done' })).status).toBe(200);
    const resend = await c.delete(`${h.url('2026-03-14')}?keep=notes`, undefined, key);
    expect(resend.status).toBe(204);
    expect(resend.headers.get('idempotency-replayed')).toBe('true');
    expect(await h.day('2026-03-14')).toMatchObject({ state: 'done', note: 'first' });

    // The query is part of the request: the same key without it is another request.
    expectError(await c.delete(h.url('2026-03-14'), undefined, key), 409, 'idempotency_key_reused');
    expect(await h.day('2026-03-14')).toMatchObject({ state: 'done', note: 'first' });
  });

  it('refuses an unknown keep', async () => {
    const h = await doneHabit();
    const res = await c.delete(`${h.url('2026-03-14')}?keep=everything`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((await h.day('2026-03-14'))?.state).toBe('done');
  });
});
