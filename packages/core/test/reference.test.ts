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

type PlainDate = Temporal.PlainDate;
const P = (s: string) => Temporal.PlainDate.from(s);
const cmp = Temporal.PlainDate.compare;

function refMet(measure: Measure, c: Checkin | undefined): boolean {
  if (c?.state !== 'done') return false;
  if (measure.kind === 'boolean') return true;
  const v = c.value ?? 0;
  return measure.direction === 'at_least' ? v >= measure.target : v <= measure.target;
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

function refMetBetween(
  measure: Measure,
  checkins: Checkin[],
  from: PlainDate,
  to: PlainDate,
  inclusive: boolean,
): number {
  return checkins.filter((c) => {
    const d = P(c.date);
    return (
      cmp(d, from) >= 0 && (inclusive ? cmp(d, to) <= 0 : cmp(d, to) < 0) && refMet(measure, c)
    );
  }).length;
}

function refIsDue(
  schedule: Schedule,
  measure: Measure,
  checkins: Checkin[],
  d: PlainDate,
  weekStart: Weekday,
): boolean {
  if (!isPeriodic(schedule)) return refDayDue(schedule, d);
  const start = refPeriodStart(schedule, d, weekStart);
  return refMetBetween(measure, checkins, start, d, false) < refTarget(schedule, start);
}

function refStreaks(
  schedule: Schedule,
  measure: Measure,
  checkins: Checkin[],
  todayString: string,
  weekStart: Weekday,
): Streaks {
  const unit =
    schedule.kind === 'times_per_week'
      ? 'weeks'
      : schedule.kind === 'times_per_month'
        ? 'months'
        : 'days';
  const today = P(todayString);
  const byDate = new Map(checkins.map((c) => [c.date, c]));
  const dates = checkins
    .map((c) => P(c.date))
    .filter((d) => cmp(d, today) <= 0)
    .sort(cmp);
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
    if (!isPeriodic(schedule)) {
      if (!refDayDue(schedule, d)) continue;
      if (refMet(measure, c)) add();
      else if (c?.state === 'skipped' || isToday) {
        // excused, or not over yet
      } else run = 0;
      continue;
    }
    if (refMet(measure, c)) met++;
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

// Random habits and histories around a random "today".
const weekday = fc.integer({ min: 1, max: 7 }) as fc.Arbitrary<Weekday>;
const todayArb = fc
  .integer({ min: 0, max: 365 * 40 })
  .map((n) => P('1995-01-01').add({ days: n }).toString());

const scheduleArb = (today: string): fc.Arbitrary<Schedule> =>
  fc.oneof(
    fc.constant({ kind: 'daily' as const }),
    fc
      .uniqueArray(weekday, { minLength: 1, maxLength: 7 })
      .map((days) => ({ kind: 'weekdays' as const, days })),
    fc.integer({ min: 1, max: 7 }).map((times) => ({ kind: 'times_per_week' as const, times })),
    fc.integer({ min: 1, max: 31 }).map((times) => ({ kind: 'times_per_month' as const, times })),
    fc.record({
      kind: fc.constant('every_n_days' as const),
      interval: fc.integer({ min: 1, max: 10 }),
      startDate: fc
        .integer({ min: -10, max: 130 })
        .map((back) => P(today).subtract({ days: back }).toString()),
    }),
  );

const measureArb: fc.Arbitrary<Measure> = fc.oneof(
  fc.constant({ kind: 'boolean' as const }),
  fc.record({
    kind: fc.constant('numeric' as const),
    unit: fc.constant('u'),
    target: fc.integer({ min: 1, max: 6 }),
    direction: fc.constantFrom('at_least' as const, 'at_most' as const),
  }),
);

const entryArb = (back: fc.Arbitrary<number>) =>
  fc.record({
    back,
    state: fc.constantFrom('done', 'done', 'done', 'skipped') as fc.Arbitrary<Checkin['state']>,
    value: fc.option(fc.integer({ min: 0, max: 8 }), { freq: 8 }),
  });

/** Sparse histories scatter check-ins; dense ones fill recent days, for long runs. */
const historyArb = (today: string, measure: Measure): fc.Arbitrary<Checkin[]> =>
  fc
    .oneof(
      // A few check-ins after today, which both sides must ignore.
      fc.uniqueArray(entryArb(fc.integer({ min: -3, max: 120 })), {
        selector: (e) => e.back,
        maxLength: 120,
      }),
      fc
        .array(fc.constantFrom('done', 'done', 'done', 'done', 'done', 'done', 'skipped', 'none'), {
          maxLength: 120,
        })
        .map((states) =>
          states.flatMap((state, back) =>
            state === 'none'
              ? []
              : [{ back, state: state as Checkin['state'], value: 8 - (back % 9) }],
          ),
        ),
    )
    .map((entries) =>
      entries.map((e) => ({
        date: P(today).subtract({ days: e.back }).toString(),
        state: e.state,
        value: e.state === 'done' && measure.kind === 'numeric' ? e.value : null,
      })),
    );

const caseArb = todayArb.chain((today) =>
  fc.record({
    today: fc.constant(today),
    schedule: scheduleArb(today),
    weekStart: weekday,
    back: fc.integer({ min: 0, max: 125 }),
    measureAndHistory: measureArb.chain((measure) =>
      fc.record({ measure: fc.constant(measure), checkins: historyArb(today, measure) }),
    ),
  }),
);

describe('against the brute-force reference', () => {
  it('computeStreaks', () => {
    fc.assert(
      fc.property(caseArb, ({ today, schedule, weekStart, measureAndHistory }) => {
        const { measure, checkins } = measureAndHistory;
        const fast = computeStreaks({ schedule, measure, checkins, today, weekStart });
        expect(fast).toEqual(refStreaks(schedule, measure, checkins, today, weekStart));
        expect(fast.best).toBeGreaterThanOrEqual(fast.current);
      }),
      { numRuns: 400 },
    );
  });

  it('isDue and periodProgress', () => {
    fc.assert(
      fc.property(caseArb, ({ today, schedule, weekStart, back, measureAndHistory }) => {
        const { measure, checkins } = measureAndHistory;
        const d = P(today).subtract({ days: back });
        const history = { checkins, measure, weekStart };
        expect(isDue(schedule, d.toString(), history)).toBe(
          refIsDue(schedule, measure, checkins, d, weekStart),
        );
        const start = isPeriodic(schedule) ? refPeriodStart(schedule, d, weekStart) : d;
        const progress = periodProgress(schedule, d.toString(), history);
        expect(progress.start).toBe(start.toString());
        expect(progress.done).toBe(refMetBetween(measure, checkins, start, d, true));
        expect(progress.target).toBe(refTarget(schedule, start));
      }),
      { numRuns: 400 },
    );
  });
});
