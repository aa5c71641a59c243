/**
 * Stored habit summaries through the API: random check-in writes and deletes on random past days,
 * a clock that moves on, a week start that changes — and after every step, each habit's Today
 * streak and score equal the pure core's walk over the habit's whole history (no summary). The
 * core's own property test (packages/core/test/summary.test.ts) covers the arithmetic; this one
 * covers when the server rebuilds, stores and uses summaries.
 */
import {
  addDays,
  computeScores,
  computeStreaks,
  type Measure,
  type Schedule,
  type Weekday,
} from '@habit-tracker/core';
import { listActiveHabitsWithMarks, listCheckinMarks } from '@habit-tracker/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { roundScore } from '../src/dto/today-entry';
import { createTestApp, type TestApp, type TestClient, TODAY } from './support/app';
import { DATABASE_KINDS, type TestDatabase, useTestDatabases } from './support/databases';

const databases = useTestDatabases('server-habit-summary');

const HABITS: { schedule: Schedule; measure: Measure }[] = [
  { schedule: { kind: 'daily' }, measure: { kind: 'boolean' } },
  { schedule: { kind: 'weekdays', days: [1, 3, 5] }, measure: { kind: 'boolean' } },
  { schedule: { kind: 'times_per_week', times: 3 }, measure: { kind: 'boolean' } },
  { schedule: { kind: 'times_per_month', times: 6 }, measure: { kind: 'boolean' } },
  {
    schedule: { kind: 'daily' },
    measure: { kind: 'numeric', unit: 'km', target: 3, direction: 'at_least' },
  },
];

/** A small seeded PRNG (mulberry32): a failure replays exactly. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.each(DATABASE_KINDS)('habit summaries on %s', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let c: TestClient;
  let userId: string;
  const habitIds: string[] = [];

  beforeAll(async () => {
    db = databases.get(kind);
    // The habits start 120 days before the suite's today, so every step stays in the past.
    t = createTestApp(db.database, {}, { now: new Date(`${addDays(TODAY, -120)}T12:00:00Z`) });
    c = t.client();
    userId = (await c.signUp()).me.user.id;
    for (const habit of HABITS) habitIds.push((await c.createHabit({ name: 'H', ...habit })).id);
  });

  it('Today equals the walk over the whole history after every step', async () => {
    const next = random(kind === 'postgres' ? 20261122 : 11222026);
    let weekStart: Weekday = 1;
    let resumedReads = 0;
    for (let step = 0; step < 40; step++) {
      const today = t.clock.now.toISOString().slice(0, 10);
      // A few writes per step: mostly recent days (like real use), some far back, some deletes.
      for (let w = 0; w < 4; w++) {
        const i = Math.floor(next() * HABITS.length);
        const back = next() < 0.7 ? Math.floor(next() * 3) : Math.floor(next() * 90);
        const date = addDays(today, -back);
        const url = `/api/v1/habits/${habitIds[i]}/checkins/${date}`;
        const roll = next();
        const numeric = HABITS[i]!.measure.kind === 'numeric';
        const res =
          roll < 0.2
            ? await c.delete(url)
            : await c.put(
                url,
                roll < 0.3
                  ? { state: 'skipped' }
                  : { state: 'done', ...(numeric && { value: Math.floor(next() * 6) }) },
              );
        expect([200, 204, 422], res.text).toContain(res.status); // 422: a date before the start
      }
      if (next() < 0.1) {
        weekStart = (1 + Math.floor(next() * 7)) as Weekday;
        expect((await c.patch('/api/v1/settings', { weekStart })).status).toBe(200);
      }

      const view = await c.get('/api/v1/today');
      expect(view.status).toBe(200);
      const stored = await listActiveHabitsWithMarks(
        db.database.primary.read,
        userId,
        today,
        weekStart,
      );
      resumedReads += stored.filter((h) => h.summary !== null).length;
      for (const [index, id] of habitIds.entries()) {
        const entry = view.body.habits.find((h: { habit: { id: string } }) => h.habit.id === id);
        const [history] = await listCheckinMarks(db.database.primary.read, userId, [id]);
        const input = {
          ...HABITS[index]!,
          checkins: history?.marks ?? [],
          today,
          weekStart,
          startDate: entry.habit.startDate,
        };
        const context = `step ${step}, habit ${index}, today ${today}`;
        expect(entry.streak, context).toEqual(computeStreaks(input));
        expect(entry.score, context).toBe(roundScore(computeScores(input).current));
      }
      t.clock.now = new Date(t.clock.now.getTime() + (1 + Math.floor(next() * 4)) * 86_400_000);
    }
    // Most reads resumed from a stored summary: the test exercised them, not only the fallback.
    expect(resumedReads).toBeGreaterThan((40 * HABITS.length) / 2);
  });

  it('concurrent writes to one habit leave its summary true', async () => {
    // Writes race on one habit: some after its summary, some inside it (a rebuild). Each takes
    // the habit's lock in its first statement, so whichever rebuilds last sees every other.
    const next = random(kind === 'postgres' ? 7 : 8);
    const today = t.clock.now.toISOString().slice(0, 10);
    const id = habitIds[0]!;
    const weekStart = (await c.get('/api/v1/settings')).body.weekStart as Weekday;
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all(
        Array.from({ length: 8 }, () => {
          const back = next() < 0.5 ? Math.floor(next() * 2) : Math.floor(next() * 60);
          const url = `/api/v1/habits/${id}/checkins/${addDays(today, -back)}`;
          return next() < 0.3 ? c.delete(url) : c.put(url, { state: 'done' });
        }),
      );
      // 422: a date before the habit's start.
      for (const res of results) expect([200, 204, 422], res.text).toContain(res.status);
      const view = await c.get('/api/v1/today');
      const entry = view.body.habits.find((h: { habit: { id: string } }) => h.habit.id === id);
      const [history] = await listCheckinMarks(db.database.primary.read, userId, [id]);
      const input = {
        ...HABITS[0]!,
        checkins: history?.marks ?? [],
        today,
        weekStart,
        startDate: entry.habit.startDate,
      };
      expect(entry.streak, `round ${round}`).toEqual(computeStreaks(input));
      expect(entry.score, `round ${round}`).toBe(roundScore(computeScores(input).current));
    }
  });
});
