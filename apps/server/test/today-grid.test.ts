/**
 * The Today grid (issue 15): each habit's recent days in the same single request, the instant
 * the next day begins, groups, notes kept by taps, and Loop's rule for at-most habits — through
 * the real app, on PostgreSQL and on PGlite.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, NOW, type TestApp, TODAY } from './support/app';
import { DATABASE_KINDS, type TestDatabase, useTestDatabases } from './support/databases';

const databases = useTestDatabases('server-today-grid');

/** Calendar arithmetic on YYYY-MM-DD (no clock involved). */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe.concurrent.each(DATABASE_KINDS)('Today grid on %s', (kind) => {
  let db: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    db = databases.get(kind);
    t = createTestApp(db.database);
  });

  it('returns the last 14 days of states and values, and when the next day begins', async () => {
    const c = t.client();
    // Singapore (UTC+8), day starts at 4: the test clock (12:00Z) is 20:00 there.
    await c.signUp({ timeZone: 'Asia/Singapore', dayStartHour: 4 });
    const water = await c.createHabit({
      name: 'Water',
      measure: { kind: 'numeric', unit: 'glasses', target: 8, direction: 'at_least' },
    });
    const put = (date: string, body: object) =>
      c.put(`/api/v1/habits/${water.id}/checkins/${date}`, body);
    expect((await put(addDays(TODAY, -14), { state: 'done', value: 9 })).status).toBe(200);
    expect((await put(addDays(TODAY, -13), { state: 'done', value: 7 })).status).toBe(200);
    expect((await put(addDays(TODAY, -1), { state: 'skipped' })).status).toBe(200);
    expect((await put(TODAY, { state: 'done', value: 8 })).status).toBe(200);

    const res = await c.get('/api/v1/today');
    expect(res.status).toBe(200);
    expect(res.body.date).toBe(TODAY);
    expect(res.body.recentFrom).toBe(addDays(TODAY, -13));
    // The 16th begins at 04:00 in Singapore: 20:00Z on the 15th.
    expect(res.body.nextDayAt).toBe('2026-03-15T20:00:00.000Z');
    expect(res.body.groups).toEqual([]);
    expect(res.body.habits[0].recent).toEqual([
      { date: addDays(TODAY, -13), state: 'done', value: 7 },
      { date: addDays(TODAY, -1), state: 'skipped', value: null },
      { date: TODAY, state: 'done', value: 8 },
    ]);
  });

  it('reads Today with the session check once it knows the calendar, and rereads when the calendar changed', async () => {
    const c = t.client();
    await c.signUp({ timeZone: 'UTC' });
    const habit = await c.createHabit({ name: 'Stretch' });
    expect(
      (await c.put(`/api/v1/habits/${habit.id}/checkins/${TODAY}`, { state: 'done' })).status,
    ).toBe(200);
    const stateToday = (body: {
      date: string;
      habits: { recent: { date: string; state: string }[] }[];
    }) => body.habits[0]!.recent.find((d) => d.date === body.date)?.state ?? null;
    // The first request of the session learns its calendar; the next ones use it.
    for (let i = 0; i < 2; i++) {
      const res = await c.get('/api/v1/today');
      expect(res.body.date).toBe(TODAY);
      expect(stateToday(res.body)).toBe('done');
      expect(res.body.habits[0].checkin).toMatchObject({ date: TODAY, state: 'done' });
    }
    // Kiritimati (UTC+14): the test clock's 12:00Z is already tomorrow there. The guess (UTC's
    // today) no longer holds: the answer must be tomorrow's, not today's rows under a new date.
    expect(
      (await c.patch('/api/v1/settings', { timeZone: 'Pacific/Kiritimati', weekStart: 7 })).status,
    ).toBe(200);
    const moved = await c.get('/api/v1/today');
    expect(moved.body.date).toBe(addDays(TODAY, 1));
    expect(moved.body.settings).toMatchObject({ timeZone: 'Pacific/Kiritimati', weekStart: 7 });
    expect(stateToday(moved.body)).toBeNull();
    expect(moved.body.habits[0].checkin).toBeNull();
    expect(
      (
        await c.put(`/api/v1/habits/${habit.id}/checkins/${addDays(TODAY, 1)}`, {
          state: 'skipped',
        })
      ).status,
    ).toBe(200);
    expect(stateToday((await c.get('/api/v1/today')).body)).toBe('skipped');
    // A signed-out session is refused, though this process knows its calendar.
    expect((await c.post('/api/v1/auth/sign-out', {})).status).toBeLessThan(300);
    expect((await c.get('/api/v1/today')).status).toBe(401);
  });

  it('a tap that sends no note keeps the note; null clears it', async () => {
    const c = t.client();
    await c.signUp();
    const habit = await c.createHabit({ name: 'Read' });
    const url = `/api/v1/habits/${habit.id}/checkins/${addDays(TODAY, -2)}`;
    await c.put(url, { state: 'done', note: 'Chapter 3' });
    expect((await c.put(url, { state: 'skipped' })).body.note).toBe('Chapter 3');
    expect((await c.put(url, { state: 'done', note: null })).body.note).toBeNull();
  });

  it('at most: an empty day that is over counts as 0, within the limit (Loop)', async () => {
    // Its own clock, moved on after the habit is created.
    const own = createTestApp(db.database, {}, { now: new Date(NOW) });
    const c = own.client();
    await c.signUp({ timeZone: 'UTC' });
    const coffee = await c.createHabit({
      name: 'Coffee',
      measure: { kind: 'numeric', unit: 'cups', target: 2, direction: 'at_most' },
    });
    own.clock.now = new Date(NOW.getTime() + 3 * 86_400_000);
    const today = async () => (await c.get('/api/v1/today')).body.habits[0];
    // No entries at all: the 15th, 16th and 17th are over and count as 0; the 18th is open.
    expect((await today()).streak).toMatchObject({ current: 3, best: 3 });
    // Three cups on the 17th: over the limit, so the run breaks there.
    const put = await c.put(`/api/v1/habits/${coffee.id}/checkins/${addDays(TODAY, 2)}`, {
      state: 'done',
      value: 3,
    });
    expect(put.status, put.text).toBe(200);
    expect((await today()).streak).toMatchObject({ current: 0, best: 2 });
    const history = await c.get(`/api/v1/habits/${coffee.id}/history`);
    expect(history.body.streak).toMatchObject({ current: 0, best: 2 });
  });

  it('stats: completion by week, per habit and overall', async () => {
    const c = t.client();
    await c.signUp({ timeZone: 'UTC' });
    // 2026-03-15 is a Sunday: with weeks from Monday, today ends the current week.
    const read = await c.createHabit({ name: 'Read' });
    for (const back of [1, 2, 3]) {
      await c.put(`/api/v1/habits/${read.id}/checkins/${addDays(TODAY, -back)}`, {
        state: 'done',
      });
    }
    const res = await c.get('/api/v1/stats?unit=week');
    expect(res.status, res.text).toBe(200);
    expect(res.body.periods).toHaveLength(12);
    expect(res.body.periods[11]).toEqual({ start: '2026-03-09', end: '2026-03-15' });
    // The 12th–14th were entered before the habit's start (today): history counts from there.
    expect(res.body.habits[0]).toMatchObject({ name: 'Read' });
    expect(res.body.habits[0].periods[11]).toEqual({ done: 3, expected: 3 });
    expect(res.body.overall[11]).toEqual({ done: 3, expected: 3 });
    expect(res.body.overall[0]).toEqual({ done: 0, expected: 0 });
    expect((await c.get('/api/v1/stats?unit=decade')).status).toBe(422);
  });

  it('groups: create, put habits in them by layout, show them on Today, delete', async () => {
    const c = t.client();
    await c.signUp();
    const read = await c.createHabit({ name: 'Read' });
    const run = await c.createHabit({ name: 'Run' });
    const stretch = await c.createHabit({ name: 'Stretch' });
    const morning = await c.post('/api/v1/groups', { name: '  Morning ' });
    expect(morning.status).toBe(201);
    expect(morning.body).toMatchObject({ name: 'Morning', position: 0 });
    const evening = (await c.post('/api/v1/groups', { name: 'Evening' })).body;
    expect(evening.position).toBe(1);

    // Not every habit named: refused, nothing changed.
    const partial = await c.put('/api/v1/layout', {
      ungrouped: [read.id],
      groups: [
        { id: morning.body.id, habitIds: [run.id] },
        { id: evening.id, habitIds: [] },
      ],
    });
    expect(partial.status).toBe(422);

    const layout = await c.put('/api/v1/layout', {
      ungrouped: [stretch.id],
      groups: [
        { id: evening.id, habitIds: [read.id] },
        { id: morning.body.id, habitIds: [run.id] },
      ],
    });
    expect(layout.status, layout.text).toBe(200);
    expect(layout.body.groups.map((g: { name: string }) => g.name)).toEqual(['Evening', 'Morning']);
    expect(
      layout.body.habits.map((h: { name: string; groupId: string | null }) => [h.name, h.groupId]),
    ).toEqual([
      ['Stretch', null],
      ['Read', evening.id],
      ['Run', morning.body.id],
    ]);

    const today = (await c.get('/api/v1/today')).body;
    expect(today.groups.map((g: { name: string }) => g.name)).toEqual(['Evening', 'Morning']);
    expect(today.habits.map((h: { habit: { name: string } }) => h.habit.name)).toEqual([
      'Stretch',
      'Read',
      'Run',
    ]);

    // A habit can be moved by PATCH too, but only into the user's own group.
    const other = t.client();
    await other.signUp();
    const theirs = (await other.post('/api/v1/groups', { name: 'Theirs' })).body;
    expect((await c.patch(`/api/v1/habits/${run.id}`, { groupId: theirs.id })).status).toBe(422);
    expect((await other.delete(`/api/v1/groups/${morning.body.id}`)).status).toBe(404);
    expect((await c.patch(`/api/v1/habits/${run.id}`, { groupId: null })).body.groupId).toBeNull();

    // Deleting a group leaves its habits, ungrouped.
    expect((await c.delete(`/api/v1/groups/${evening.id}`)).status).toBe(204);
    const habits = (await c.get('/api/v1/habits')).body.habits;
    expect(habits.map((h: { groupId: string | null }) => h.groupId)).toEqual([null, null, null]);
    expect(
      (await c.get('/api/v1/groups')).body.groups.map((g: { name: string }) => g.name),
    ).toEqual(['Morning']);
  });
});
