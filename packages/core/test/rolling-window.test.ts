/**
 * "N times in any M days": the examples in Loop Habit Tracker's own tests and in our reading of
 * its EntryList.kt, as numbers (day offsets from a fixed date), plus what our streaks make of them.
 */
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  type Checkin,
  computeScores,
  computeStreaks,
  describeSchedule,
  frequency,
  isDue,
  keptDays,
  localDateOf,
  type Measure,
  periodProgress,
  type Schedule,
  toDayNumber,
} from '../src';
import { done, skip } from './helpers';
import { loopIntervals, snapTogether } from './loop-windows';

const boolean: Measure = { kind: 'boolean' };
const D0 = '2024-03-01';
const day = (offset: number) => addDays(D0, offset);
const dayNumbers = (offsets: number[]) =>
  Int32Array.from(offsets.sort((a, b) => a - b).map((o) => toDayNumber(day(o))));

/** The kept offsets between `from` and `to`, by the fast code. */
function kept(met: number[], times: number, days: number, from: number, to: number): number[] {
  const marks = keptDays(
    dayNumbers(met),
    times,
    days,
    toDayNumber(day(from)),
    toDayNumber(day(to)),
  );
  return [...marks].flatMap((m, i) => (m ? [from + i] : []));
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe('kept days, as Loop computes them', () => {
  it('1 in 3 with checks 10 and 9 days apart: windows slide back and keep days before them', () => {
    // Loop's testComputeBoolean: checks on −10, −9 and −4 keep −12…−7 and −4…−2.
    expect(kept([-10, -9, -4], 1, 3, -20, 0)).toEqual([...range(-12, -7), ...range(-4, -2)]);
  });

  it('3 in 10: the worked example of the format note (checks 0, 2, 5, 12, 14)', () => {
    // Windows (5…14) and (0…9); the older slides back by 4 to −4…5. Kept: −4…14.
    expect(kept([0, 2, 5, 12, 14], 3, 10, -10, 20)).toEqual(range(-4, 14));
    // A check on day 20 opens 12…21.
    expect(kept([0, 2, 5, 12, 14, 20], 3, 10, -10, 30)).toEqual(range(-4, 21));
  });

  it('a run that does not fit in the window keeps only its own days', () => {
    expect(kept([0, 5, 10], 2, 5, -5, 15)).toEqual([0, 5, 10]);
  });

  it('2 in 7 with checks 8, 15, 18, 22, 23 days ago (Loop testBuildIntervals3)', () => {
    // Offsets are days before a day 0; Loop lists the windows newest first.
    const met = [-8, -15, -18, -22, -23].map((o) => day(o));
    const intervals = loopIntervals(met, 2, 7).map((i) => [i.begin, i.center, i.end].map(String));
    // Checks 15 and 8 days ago are 7 days apart: no window.
    expect(intervals).toEqual([
      [day(-18), day(-15), day(-12)],
      [day(-22), day(-18), day(-16)],
      [day(-23), day(-22), day(-17)],
    ]);
  });

  it('slides as Loop testSnapIntervalsTogether2 does', () => {
    // Windows (begin, centre, end) = (−6, −4, 0) and (−11, −8, −5): the older slides back by 2.
    const slid = snapTogether([
      { begin: plain(-6), center: plain(-4), end: plain(0) },
      { begin: plain(-11), center: plain(-8), end: plain(-5) },
    ]);
    expect(slid.map((i) => [i.begin, i.center, i.end].map(String))).toEqual([
      [day(-6), day(-4), day(0)],
      [day(-13), day(-8), day(-7)],
    ]);
  });
});

function plain(offset: number) {
  return Temporal.PlainDate.from(day(offset));
}

describe('a times_in_days habit', () => {
  const threeInTen: Schedule = { kind: 'times_in_days', times: 3, days: 10 };
  const streaks = (checkins: Checkin[], today: number, schedule = threeInTen) =>
    computeStreaks({
      schedule,
      measure: boolean,
      checkins,
      today: day(today),
      weekStart: 1,
      startDate: day(-30),
    });

  it('is described, and scored at its frequency', () => {
    expect(describeSchedule(threeInTen)).toBe('3 times in any 10 days');
    expect(describeSchedule({ kind: 'times_in_days', times: 1, days: 4 })).toBe(
      'Once in any 4 days',
    );
    expect(describeSchedule({ kind: 'times_in_days', times: 2, days: 5 })).toBe(
      'Twice in any 5 days',
    );
    expect(frequency(threeInTen)).toEqual({ numerator: 3, denominator: 10 });
  });

  it('is due until the window before a day holds the target, and stays due on the day it is met', () => {
    const history = {
      checkins: [done(day(0)), done(day(2)), done(day(5))],
      measure: boolean,
      weekStart: 1 as const,
      startDate: day(0),
    };
    expect(isDue(threeInTen, day(5), history)).toBe(true); // the third check: met, still due
    expect(isDue(threeInTen, day(6), history)).toBe(false);
    expect(isDue(threeInTen, day(9), history)).toBe(false); // 0…9 is one window
    expect(isDue(threeInTen, day(10), history)).toBe(true); // day 0 has left it
    expect(periodProgress(threeInTen, day(9), history)).toEqual({
      kind: 'window',
      start: day(0),
      end: day(9),
      done: 3,
      target: 3,
      met: true,
    });
    expect(periodProgress(threeInTen, day(10), history)).toMatchObject({ done: 2, met: false });
  });

  it('keeps the days of a filled window in the streak, and breaks once a day can no longer be kept', () => {
    const checkins = [done(day(0)), done(day(2)), done(day(5))];
    // Day 5 fills 0…9: every day from the first check on is kept.
    expect(streaks(checkins, 5)).toEqual({ current: 6, best: 6, unit: 'days' });
    expect(streaks(checkins, 9)).toEqual({ current: 10, best: 10, unit: 'days' });
    // Day 10 is not kept, but a check today keeps it (2, 5, 10 fit in ten days): it waits.
    expect(streaks(checkins, 10)).toEqual({ current: 10, best: 10, unit: 'days' });
    // On day 13, day 10 could still be kept by a window from day 5 (5…14) with checks on 13, 14.
    expect(streaks(checkins, 13).current).toBe(10);
    // On day 14 one day is left for that window, which needs two more checks: day 10 breaks.
    expect(streaks(checkins, 14)).toEqual({ current: 0, best: 10, unit: 'days' });
  });

  it('does not count days before the first check-in, which Loop would keep', () => {
    // Loop keeps −4…14 (see above); here the walk begins on day 0.
    const checkins = [0, 2, 5, 12, 14].map((o) => done(day(o)));
    expect(streaks(checkins, 14)).toEqual({ current: 15, best: 15, unit: 'days' });
  });

  it('days before a run of checks wait while the run can still fill the window', () => {
    // Checks on 0 and 5: 1…4 are not kept yet, but a check on 6…9 would fill 0…9.
    const checkins = [done(day(0)), done(day(5))];
    expect(streaks(checkins, 7)).toEqual({ current: 2, best: 2, unit: 'days' });
    expect(streaks([...checkins, done(day(8))], 8)).toEqual({ current: 9, best: 9, unit: 'days' });
    // On day 10 the window from day 0 has closed with two checks: 1…4 break.
    expect(streaks(checkins, 10)).toEqual({ current: 1, best: 1, unit: 'days' });
  });

  it('a skipped day outside every window neither adds nor breaks', () => {
    const oneInTwo: Schedule = { kind: 'times_in_days', times: 1, days: 2 };
    const checkins = [done(day(0)), skip(day(2)), done(day(3))];
    // Kept: 0, 1 (window of day 0), 3; day 2 is skipped.
    expect(streaks(checkins, 4, oneInTwo)).toEqual({ current: 4, best: 4, unit: 'days' });
  });

  it('is scored like Loop: the user’s own checks over a doubled window', () => {
    const checkins = [done(day(0))];
    const m = 0.5 ** (Math.sqrt(3 / 10) / 13);
    const score = computeScores({
      schedule: threeInTen,
      measure: boolean,
      checkins,
      startDate: day(0),
      today: day(0),
    });
    expect(score.current).toBeCloseTo((1 / 6) * (1 - m), 12);
  });
});

describe('a times_in_days window across calendar edges', () => {
  const twoInFive: Schedule = { kind: 'times_in_days', times: 2, days: 5 };
  const status = (checkins: Checkin[], today: string) => {
    // The habit started a month before the first check-in (yes/no: nothing implicit).
    const startDate = addDays(checkins[0]?.date ?? today, -30);
    const history = { checkins, measure: boolean, weekStart: 1 as const, startDate };
    return {
      due: isDue(twoInFive, today, history),
      progress: periodProgress(twoInFive, today, history),
      streak: computeStreaks({ schedule: twoInFive, ...history, today }).current,
    };
  };

  it('counts February 29 as one day of the window in a leap year, and its absence in another', () => {
    // 2024: Feb 27 … Mar 2 is five days; checks on 27th and 2nd fill it.
    const leap = status([done('2024-02-27'), done('2024-03-02')], '2024-03-02');
    expect(leap.progress).toMatchObject({
      start: '2024-02-27',
      end: '2024-03-02',
      done: 2,
      met: true,
    });
    expect(leap.streak).toBe(5);
    // 2023 has no 29th: Feb 26 … Mar 2 are five days; checks on the 26th and 2nd fill it.
    const plain = status([done('2023-02-26'), done('2023-03-02')], '2023-03-02');
    expect(plain.progress).toMatchObject({
      start: '2023-02-26',
      end: '2023-03-02',
      done: 2,
      met: true,
    });
    expect(plain.streak).toBe(5);
    // The same checks a year later do not fit: 2024-02-26 … 2024-03-02 is six days.
    const wide = status([done('2024-02-26'), done('2024-03-02')], '2024-03-02');
    expect(wide.progress).toMatchObject({ start: '2024-02-27', done: 1, met: false });
    expect(wide.due).toBe(true);
  });

  it('counts days, not hours, across DST changes and a year boundary', () => {
    // Europe/Berlin springs forward on 2024-03-31 (a 23-hour day) and falls back on 2024-10-27
    // (25 hours); the window is five dates either way.
    for (const [first, last] of [
      ['2024-03-28', '2024-04-01'],
      ['2024-10-24', '2024-10-28'],
      ['2024-12-29', '2025-01-02'],
    ] as const) {
      const result = status([done(first), done(last)], last);
      expect(result.progress).toMatchObject({ start: first, end: last, done: 2, met: true });
      expect(result.streak).toBe(5);
      // The next day the first check has left the window, whatever the clocks did.
      const next = status([done(first), done(last)], addDays(last, 1));
      expect(next.progress).toMatchObject({ start: addDays(first, 1), done: 1, met: false });
      expect(next.due).toBe(true);
    }
  });

  it('takes today from the user’s zone and day start: the window moves with the local date', () => {
    const settings = { timeZone: 'America/New_York', dayStartHour: 4 };
    // 2024-03-10 is New York's spring-forward day; 07:30 UTC is 03:30 EDT, before the day starts.
    const today = localDateOf(Date.UTC(2024, 2, 10, 7, 30), settings);
    expect(today).toBe('2024-03-09');
    const checkins = [done('2024-03-05'), done('2024-03-09')];
    expect(status(checkins, today).progress).toMatchObject({ done: 2, met: true });
    // An hour later the 10th has begun: the 5th has left the window.
    const later = localDateOf(Date.UTC(2024, 2, 10, 8, 30), settings);
    expect(later).toBe('2024-03-10');
    expect(status(checkins, later).progress).toMatchObject({ done: 1, met: false });
    // A traveller's check-ins stay on their dates: the same dates seen from Tokyo count the same.
    const tokyoToday = localDateOf(Date.UTC(2024, 2, 9, 12, 0), {
      timeZone: 'Asia/Tokyo',
      dayStartHour: 0,
    });
    expect(tokyoToday).toBe('2024-03-09');
    expect(status(checkins, tokyoToday).progress).toMatchObject({ done: 2, met: true });
  });
});
