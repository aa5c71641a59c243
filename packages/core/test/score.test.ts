import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  type Checkin,
  computeScores,
  daysBetween,
  type Measure,
  type Schedule,
} from '../src';
import { windowScheduleArb } from './arbitraries';
import { done, doneEveryDay, skip } from './helpers';

const boolean: Measure = { kind: 'boolean' };
const daily: Schedule = { kind: 'daily' };
const dailyM = 0.5 ** (1 / 13);

function score(
  checkins: Checkin[],
  today: string,
  startDate = '2024-01-01',
  schedule: Schedule = daily,
  measure: Measure = boolean,
) {
  return computeScores({ schedule, measure, checkins, startDate, today });
}

describe('daily scores', () => {
  it('31 days done reaches 1 − 0.5^(31/13) ≈ 0.808', () => {
    const s = score(doneEveryDay('2024-01-01', '2024-01-31'), '2024-01-31');
    expect(s.current).toBeCloseTo(1 - 0.5 ** (31 / 13), 12);
    expect(s.current).toBeCloseTo(0.8085, 4);
  });

  it('today without a check-in carries the score forward', () => {
    const s = score(doneEveryDay('2024-01-01', '2024-01-30'), '2024-01-31');
    expect(s.current).toBeCloseTo(1 - 0.5 ** (30 / 13), 12);
  });

  it('a skipped day carries the score forward, a missed one decays it', () => {
    const ten = doneEveryDay('2024-01-01', '2024-01-10');
    const tenDays = 1 - dailyM ** 10;
    expect(score([...ten, skip('2024-01-11')], '2024-01-11').current).toBeCloseTo(tenDays, 12);
    expect(score([...ten, skip('2024-01-11')], '2024-01-12').current).toBeCloseTo(tenDays, 12);
    expect(score(ten, '2024-01-12').current).toBeCloseTo(tenDays * dailyM, 12);
  });

  it('is 0 with no history, and 0 before the start', () => {
    expect(score([], '2024-03-01').current).toBe(0);
    const s = score([done('2024-01-01'), done('2024-01-02')], '2024-01-02');
    expect(s.series('2023-12-30', '2024-01-02')).toEqual([
      { date: '2023-12-30', score: 0 },
      { date: '2023-12-31', score: 0 },
      { date: '2024-01-01', score: 1 - dailyM },
      { date: '2024-01-02', score: s.current },
    ]);
  });

  it('an earlier check-in moves the start back', () => {
    const s = score([done('2023-12-31')], '2024-01-01', '2024-01-01');
    expect(s.series('2023-12-31', '2023-12-31')[0]!.score).toBeCloseTo(1 - dailyM, 12);
    expect(s.current).toBeCloseTo(1 - dailyM, 12); // today (01-01) not checked in: carried
  });

  it('series: one point per day, today’s score after today, empty when reversed', () => {
    const s = score(doneEveryDay('2024-01-01', '2024-03-31'), '2024-03-31');
    const points = s.series('2024-02-01', '2024-04-02');
    expect(points).toHaveLength(daysBetween('2024-02-01', '2024-04-02') + 1);
    expect(points.map((p) => p.date)).toEqual(points.map((_, i) => addDays('2024-02-01', i)));
    expect(points.at(-3)!.score).toBe(s.current);
    expect(points.at(-1)!.score).toBe(s.current);
    expect(s.series('2024-02-02', '2024-02-01')).toEqual([]);
    // A window gives the same values as the full walk.
    const all = s.series('2024-01-01', '2024-03-31');
    expect(s.series('2024-02-10', '2024-02-12')).toEqual(all.slice(40, 43));
  });

  it('a start date after today scores 0 everywhere', () => {
    const s = score([], '2024-01-01', '2024-01-05');
    expect(s.current).toBe(0);
    expect(s.series('2023-12-31', '2024-01-06').every((p) => p.score === 0)).toBe(true);
    expect(s.series('2023-12-31', '2024-01-06')).toHaveLength(7);
  });
});

describe('window and numeric scores', () => {
  it('non-daily yes/no habits double the window (3/7 → 6/14)', () => {
    const schedule: Schedule = { kind: 'times_per_week', times: 3 };
    const m = 0.5 ** (Math.sqrt(3 / 7) / 13);
    const s = score([done('2024-01-01')], '2024-01-01', '2024-01-01', schedule);
    expect(s.current).toBeCloseTo((1 / 6) * (1 - m), 12);
  });

  it('numeric non-daily habits keep the plain window', () => {
    const schedule: Schedule = { kind: 'times_per_week', times: 3 };
    const measure: Measure = { kind: 'numeric', unit: 'km', target: 5, direction: 'at_least' };
    const m = 0.5 ** (Math.sqrt(3 / 7) / 13);
    const s = score([done('2024-01-01', 5)], '2024-01-01', '2024-01-01', schedule, measure);
    expect(s.current).toBeCloseTo((1 / 3) * (1 - m), 12);
  });

  it('at least earns partial credit; at most is all or nothing', () => {
    const atLeast: Measure = { kind: 'numeric', unit: 'km', target: 5, direction: 'at_least' };
    const atMost: Measure = { kind: 'numeric', unit: 'cups', target: 2, direction: 'at_most' };
    const d = '2024-01-01';
    expect(score([done(d, 2.5)], d, d, daily, atLeast).current).toBeCloseTo(0.5 * (1 - dailyM));
    expect(score([done(d, 0)], d, d, daily, atMost).current).toBeCloseTo(1 - dailyM);
    expect(score([done(d, 3)], d, d, daily, atMost).current).toBe(0);
  });

  it('a 3×/week habit done on any three days of each week climbs like a fixed one', () => {
    const schedule: Schedule = { kind: 'times_per_week', times: 3 };
    const fixed: Checkin[] = [];
    const shifting: Checkin[] = [];
    for (let week = 0; week < 20; week++) {
      const monday = addDays('2024-01-01', week * 7);
      for (const d of [0, 2, 4]) fixed.push(done(addDays(monday, d)));
      for (const d of week % 2 ? [0, 1, 2] : [4, 5, 6]) shifting.push(done(addDays(monday, d)));
    }
    const today = '2024-05-19';
    const a = score(fixed, today, '2024-01-01', schedule).current;
    const b = score(shifting, today, '2024-01-01', schedule).current;
    expect(a).toBeGreaterThan(0.6);
    expect(Math.abs(a - b)).toBeLessThan(0.1);
  });
});

describe('score properties', () => {
  const schedule: fc.Arbitrary<Schedule> = fc.oneof(
    fc.constant({ kind: 'daily' as const }),
    fc
      .uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 })
      .map((days) => ({ kind: 'weekdays' as const, days: days as (1 | 2 | 3 | 4 | 5 | 6 | 7)[] })),
    fc.integer({ min: 1, max: 7 }).map((times) => ({ kind: 'times_per_week' as const, times })),
    fc.integer({ min: 1, max: 31 }).map((times) => ({ kind: 'times_per_month' as const, times })),
    fc
      .integer({ min: 1, max: 30 })
      .map((interval) => ({ kind: 'every_n_days' as const, interval, startDate: '2024-01-01' })),
    windowScheduleArb,
  );
  const measure: fc.Arbitrary<Measure> = fc.oneof(
    fc.constant({ kind: 'boolean' as const }),
    fc.record({
      kind: fc.constant('numeric' as const),
      unit: fc.constant('u'),
      target: fc.integer({ min: 1, max: 10 }),
      direction: fc.constantFrom('at_least' as const, 'at_most' as const),
    }),
  );

  it('an all-done history never lowers the score', () => {
    fc.assert(
      fc.property(schedule, measure, fc.integer({ min: 1, max: 400 }), (sch, mea, days) => {
        const today = addDays('2024-01-01', days - 1);
        const value =
          mea.kind === 'numeric' ? (mea.direction === 'at_least' ? mea.target : 0) : null;
        const checkins = doneEveryDay('2024-01-01', today).map((c) => ({ ...c, value }));
        const points = computeScores({
          schedule: sch,
          measure: mea,
          checkins,
          startDate: '2024-01-01',
          today,
        }).series('2024-01-01', today);
        // One expect per run: expect() per point would dominate the suite's time.
        const drop = points.findIndex((p, i) => i > 0 && p.score < points[i - 1]!.score);
        expect(drop).toBe(-1);
      }),
    );
  });

  it('stays within [0, 1] on any history', () => {
    const entry = fc.record({
      back: fc.integer({ min: 0, max: 300 }),
      state: fc.constantFrom('done' as const, 'done' as const, 'skipped' as const),
      value: fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
    });
    fc.assert(
      fc.property(
        schedule,
        measure,
        fc.uniqueArray(entry, { selector: (e) => e.back, maxLength: 300 }),
        (sch, mea, entries) => {
          const today = '2024-12-31';
          const checkins: Checkin[] = entries.map((e) => ({
            date: addDays(today, -e.back),
            state: e.state,
            value: e.state === 'done' && mea.kind === 'numeric' ? e.value : null,
          }));
          const s = computeScores({
            schedule: sch,
            measure: mea,
            checkins,
            startDate: today,
            today,
          });
          const outside = s
            .series('2024-01-01', today)
            .filter((p) => !(p.score >= 0 && p.score <= 1));
          expect(outside).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
