/**
 * computeStreaks, isDue and periodProgress against a deliberately plain reference: Temporal
 * dates, one day at a time, no cleverness. If the fast code and this disagree, one of them has
 * misread the definition in src/streaks.ts.
 */
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  type Checkin,
  computeStreaks,
  isDue,
  type Measure,
  periodProgress,
  type Schedule,
  type Streaks,
  type Weekday,
} from '../src';
import { caseArb } from './arbitraries';

type PlainDate = Temporal.PlainDate;
const P = (s: string) => Temporal.PlainDate.from(s);
const cmp = Temporal.PlainDate.compare;

function refMet(measure: Measure, c: Checkin | undefined): boolean {
  if (c?.state !== 'done') return false;
  if (measure.kind === 'boolean') return true;
  const v = c.value ?? 0;
  return measure.direction === 'at_least' ? v >= measure.target : v <= measure.target;
}

const atMost = (m: Measure) => m.kind === 'numeric' && m.direction === 'at_most';

/** Loop's rule: an at-most habit's empty day from its start, before today, is a 0 — met. */
function refMetOn(
  measure: Measure,
  c: Checkin | undefined,
  d: PlainDate,
  start: PlainDate,
  today: PlainDate,
): boolean {
  if (!c && atMost(measure)) return cmp(d, start) >= 0 && cmp(d, today) < 0;
  return refMet(measure, c);
}

const isPeriodic = (s: Schedule) => s.kind === 'times_per_week' || s.kind === 'times_per_month';

function refDayDue(schedule: Schedule, d: PlainDate): boolean {
  if (schedule.kind === 'weekdays') return (schedule.days as number[]).includes(d.dayOfWeek);
  if (schedule.kind === 'every_n_days') {
    const n = P(schedule.startDate).until(d, { largestUnit: 'days' }).days;
    return n >= 0 && n % schedule.interval === 0;
  }
  return true;
}

function refPeriodStart(schedule: Schedule, d: PlainDate, weekStart: Weekday): PlainDate {
  if (schedule.kind === 'times_per_month') return d.with({ day: 1 });
  return d.subtract({ days: (d.dayOfWeek - weekStart + 7) % 7 });
}

function refTarget(schedule: Schedule, periodStart: PlainDate): number {
  if (schedule.kind === 'times_per_month') return Math.min(schedule.times, periodStart.daysInMonth);
  return schedule.kind === 'times_per_week' ? schedule.times : 1;
}

/** Met days in from..to (to excluded unless inclusive), `to` being the day not over yet. */
function refMetBetween(
  measure: Measure,
  checkins: Checkin[],
  from: PlainDate,
  to: PlainDate,
  inclusive: boolean,
  habitStart: PlainDate,
): number {
  const byDate = new Map(checkins.map((c) => [c.date, c]));
  let met = 0;
  for (let d = from; inclusive ? cmp(d, to) <= 0 : cmp(d, to) < 0; d = d.add({ days: 1 })) {
    if (refMetOn(measure, byDate.get(d.toString()), d, habitStart, to)) met++;
  }
  return met;
}

function refIsDue(
  schedule: Schedule,
  measure: Measure,
  checkins: Checkin[],
  d: PlainDate,
  weekStart: Weekday,
  habitStart: PlainDate,
): boolean {
  if (!isPeriodic(schedule)) return refDayDue(schedule, d);
  const start = refPeriodStart(schedule, d, weekStart);
  return refMetBetween(measure, checkins, start, d, false, habitStart) < refTarget(schedule, start);
}

function refStreaks(
  schedule: Schedule,
  measure: Measure,
  checkins: Checkin[],
  todayString: string,
  weekStart: Weekday,
  startDate: string,
): Streaks {
  const unit =
    schedule.kind === 'times_per_week'
      ? 'weeks'
      : schedule.kind === 'times_per_month'
        ? 'months'
        : 'days';
  const today = P(todayString);
  const habitStart = P(startDate);
  const byDate = new Map(checkins.map((c) => [c.date, c]));
  const dates = checkins
    .map((c) => P(c.date))
    .filter((d) => cmp(d, today) <= 0)
    .sort(cmp);
  // An at-most habit's empty days count from its start: the walk begins there at the latest.
  if (atMost(measure) && cmp(habitStart, today) < 0) dates.push(habitStart);
  dates.sort(cmp);
  let run = 0;
  let best = 0;
  const add = () => {
    run++;
    best = Math.max(best, run);
  };
  if (dates.length === 0) return { current: 0, best: 0, unit };

  let met = 0;
  let skipped = 0;
  for (let d = dates[0]!; cmp(d, today) <= 0; d = d.add({ days: 1 })) {
    const c = byDate.get(d.toString());
    const isToday = d.equals(today);
    const metOn = refMetOn(measure, c, d, habitStart, today);
    if (!isPeriodic(schedule)) {
      if (!refDayDue(schedule, d)) continue;
      if (metOn) add();
      else if (c?.state === 'skipped' || isToday) {
        // excused, or not over yet
      } else run = 0;
      continue;
    }
    if (metOn) met++;
    else if (c?.state === 'skipped') skipped++;
    const start = refPeriodStart(schedule, d, weekStart);
    const periodEnds = !refPeriodStart(schedule, d.add({ days: 1 }), weekStart).equals(start);
    if (periodEnds || isToday) {
      const target = refTarget(schedule, start);
      if (met >= target) add();
      else if (!isToday && met + skipped < target) run = 0;
      met = 0;
      skipped = 0;
    }
  }
  return { current: run, best, unit };
}

describe('against the brute-force reference', () => {
  it('computeStreaks', () => {
    fc.assert(
      fc.property(caseArb, ({ today, schedule, weekStart, startDate, measureAndHistory }) => {
        const { measure, checkins } = measureAndHistory;
        const fast = computeStreaks({ schedule, measure, checkins, startDate, today, weekStart });
        expect(fast).toEqual(refStreaks(schedule, measure, checkins, today, weekStart, startDate));
        expect(fast.best).toBeGreaterThanOrEqual(fast.current);
      }),
      { numRuns: 400 },
    );
  });

  it('isDue and periodProgress', () => {
    fc.assert(
      fc.property(caseArb, ({ today, schedule, weekStart, back, startDate, measureAndHistory }) => {
        const { measure, checkins } = measureAndHistory;
        const d = P(today).subtract({ days: back });
        const history = { checkins, measure, weekStart, startDate };
        const habitStart = P(startDate);
        expect(isDue(schedule, d.toString(), history)).toBe(
          refIsDue(schedule, measure, checkins, d, weekStart, habitStart),
        );
        const start = isPeriodic(schedule) ? refPeriodStart(schedule, d, weekStart) : d;
        const progress = periodProgress(schedule, d.toString(), history);
        expect(progress.start).toBe(start.toString());
        expect(progress.done).toBe(refMetBetween(measure, checkins, start, d, true, habitStart));
        expect(progress.target).toBe(refTarget(schedule, start));
      }),
      { numRuns: 400 },
    );
  });
});
