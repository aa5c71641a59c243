/**
 * computeStreaks, isDue and periodProgress against a deliberately plain reference: Temporal
 * dates, one day at a time, no cleverness. If the fast code and this disagree, one of them has
 * misread the definition in src/streaks.ts. Rolling windows are judged by Loop's own steps
 * (loop-windows.ts).
 */
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  type Checkin,
  computeScores,
  computeStreaks,
  isDue,
  type Measure,
  periodProgress,
  type Schedule,
  type Streaks,
  type Weekday,
} from '../src';
import { caseArb } from './arbitraries';
import { loopKept, loopWindowDays, unslidKept } from './loop-windows';

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
  // A day with only a note is an empty day.
  if ((!c || c.state === 'note') && atMost(measure)) {
    return cmp(d, start) >= 0 && cmp(d, today) < 0;
  }
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

/** Met days before `before`, an at-most habit's empty days over by `notOver` included. */
function metDates(
  measure: Measure,
  checkins: Checkin[],
  before: PlainDate,
  habitStart: PlainDate,
  notOver: PlainDate = before,
): string[] {
  const byDate = new Map(checkins.map((c) => [c.date, c]));
  const first = [habitStart, ...checkins.map((c) => P(c.date))].sort(cmp)[0]!;
  const met: string[] = [];
  for (let d = first; cmp(d, before) < 0; d = d.add({ days: 1 })) {
    if (refMetOn(measure, byDate.get(d.toString()), d, habitStart, notOver)) met.push(d.toString());
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
  if (schedule.kind === 'times_in_days') {
    // Due unless Loop's windows, from the check-ins before the day, already keep it.
    return !loopKept(metDates(measure, checkins, d, habitStart), schedule.times, schedule.days).has(
      d.toString(),
    );
  }
  if (!isPeriodic(schedule)) return refDayDue(schedule, d);
  const start = refPeriodStart(schedule, d, weekStart);
  return refMetBetween(measure, checkins, start, d, false, habitStart) < refTarget(schedule, start);
}

/**
 * Rolling windows: Loop's kept days (from the first check-in on) add; a day Loop does not keep
 * breaks, unless it is skipped, or today, or would still be kept (without sliding) if every day
 * from today on were checked.
 */
function refWindowStreaks(
  schedule: Extract<Schedule, { kind: 'times_in_days' }>,
  measure: Measure,
  checkins: Checkin[],
  today: PlainDate,
  habitStart: PlainDate,
): Streaks {
  const { times, days } = schedule;
  const upToToday = checkins.filter((c) => cmp(P(c.date), today) <= 0 && c.state !== 'note');
  const met = metDates(measure, upToToday, today.add({ days: 1 }), habitStart, today);
  const kept = loopKept(met, times, days);
  const future = Array.from({ length: days }, (_, i) => today.add({ days: i }).toString());
  const keepable = unslidKept(
    [...metDates(measure, upToToday, today, habitStart), ...future],
    times,
    days,
  );
  const skipped = new Set(upToToday.filter((c) => c.state === 'skipped').map((c) => c.date));
  // An at-most habit's implicit zeros start at the habit's start, like check-ins.
  const dates = [...upToToday.map((c) => P(c.date)), ...(atMost(measure) ? [habitStart] : [])]
    .filter((d) => cmp(d, today) <= 0)
    .sort(cmp);
  let run = 0;
  let best = 0;
  if (dates.length === 0) return { current: 0, best: 0, unit: 'days' };
  for (let d = dates[0]!; cmp(d, today) <= 0; d = d.add({ days: 1 })) {
    const day = d.toString();
    if (kept.has(day)) {
      run++;
      best = Math.max(best, run);
    } else if (!skipped.has(day) && !d.equals(today) && !keepable.has(day)) {
      run = 0;
    }
  }
  return { current: run, best, unit: 'days' };
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
  if (schedule.kind === 'times_in_days')
    return refWindowStreaks(schedule, measure, checkins, today, habitStart);
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
        const progress = periodProgress(schedule, d.toString(), history);
        if (schedule.kind === 'times_in_days') {
          // The window ending on the day; met exactly when a window of Loop's covers the day.
          const start = d.subtract({ days: schedule.days - 1 });
          expect(progress).toMatchObject({
            kind: 'window',
            start: start.toString(),
            end: d.toString(),
          });
          expect(progress.done).toBe(refMetBetween(measure, checkins, start, d, true, habitStart));
          expect(progress.target).toBe(schedule.times);
          const met = metDates(measure, checkins, d.add({ days: 1 }), habitStart, d);
          expect(progress.met).toBe(
            loopWindowDays(met, schedule.times, schedule.days).has(d.toString()),
          );
          return;
        }
        const start = isPeriodic(schedule) ? refPeriodStart(schedule, d, weekStart) : d;
        expect(progress.start).toBe(start.toString());
        expect(progress.done).toBe(refMetBetween(measure, checkins, start, d, true, habitStart));
        expect(progress.target).toBe(refTarget(schedule, start));
      }),
      { numRuns: 400 },
    );
  });

  it('days with only a note change nothing', () => {
    fc.assert(
      fc.property(caseArb, ({ today, schedule, weekStart, back, startDate, measureAndHistory }) => {
        const { measure, checkins } = measureAndHistory;
        const without = checkins.filter((c) => c.state !== 'note');
        const d = P(today).subtract({ days: back }).toString();
        const all = (list: Checkin[]) => {
          const history = { checkins: list, measure, weekStart, startDate };
          return {
            streaks: computeStreaks({
              schedule,
              measure,
              checkins: list,
              today,
              weekStart,
              startDate,
            }),
            score: computeScores({ schedule, measure, checkins: list, startDate, today }).series(
              startDate,
              today,
            ),
            due: isDue(schedule, d, history),
            progress: periodProgress(schedule, d, history),
          };
        };
        expect(all(checkins)).toEqual(all(without));
      }),
      { numRuns: 300 },
    );
  });
});
