/**
 * Random habits and histories around a random "today", shared by the property tests: the
 * brute-force reference (reference.test.ts) and the stored summaries (summary.test.ts).
 */
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import type { Checkin, Measure, Schedule, Weekday } from '../src';

const P = (s: string) => Temporal.PlainDate.from(s);

export const weekday = fc.integer({ min: 1, max: 7 }) as fc.Arbitrary<Weekday>;
export const todayArb = fc
  .integer({ min: 0, max: 365 * 40 })
  .map((n) => P('1995-01-01').add({ days: n }).toString());

/** Mostly small windows, where runs overlap and slide; sometimes long ones. */
export const windowScheduleArb = fc
  .oneof(
    fc.record({ times: fc.integer({ min: 1, max: 5 }), extra: fc.integer({ min: 1, max: 9 }) }),
    fc.record({ times: fc.integer({ min: 1, max: 20 }), extra: fc.integer({ min: 1, max: 60 }) }),
  )
  .map(({ times, extra }) => ({ kind: 'times_in_days' as const, times, days: times + extra }));

export const scheduleArb = (today: string): fc.Arbitrary<Schedule> =>
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
    windowScheduleArb,
  );

export const measureArb: fc.Arbitrary<Measure> = fc.oneof(
  fc.constant({ kind: 'boolean' as const }),
  fc.record({
    kind: fc.constant('numeric' as const),
    unit: fc.constant('u'),
    target: fc.integer({ min: 1, max: 6 }),
    direction: fc.constantFrom('at_least' as const, 'at_most' as const),
  }),
);

export const entryArb = (back: fc.Arbitrary<number>) =>
  fc.record({
    back,
    state: fc.constantFrom('done', 'done', 'done', 'skipped', 'note') as fc.Arbitrary<
      Checkin['state']
    >,
    value: fc.option(fc.integer({ min: 0, max: 8 }), { freq: 8 }),
  });

/** Sparse histories scatter check-ins; dense ones fill recent days, for long runs. */
export const historyArb = (today: string, measure: Measure): fc.Arbitrary<Checkin[]> =>
  fc
    .oneof(
      // A few check-ins after today, which both sides must ignore.
      fc.uniqueArray(entryArb(fc.integer({ min: -3, max: 120 })), {
        selector: (e) => e.back,
        maxLength: 120,
      }),
      fc
        .array(
          fc.constantFrom(
            'done',
            'done',
            'done',
            'done',
            'done',
            'done',
            'skipped',
            'none',
            'note',
          ),
          { maxLength: 120 },
        )
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

export const caseArb = todayArb.chain((today) =>
  fc.record({
    today: fc.constant(today),
    schedule: scheduleArb(today),
    weekStart: weekday,
    back: fc.integer({ min: 0, max: 125 }),
    /** The habit's start: where an at-most habit's empty days begin to count. */
    startDate: fc
      .integer({ min: 0, max: 130 })
      .map((age) => P(today).subtract({ days: age }).toString()),
    measureAndHistory: measureArb.chain((measure) =>
      fc.record({ measure: fc.constant(measure), checkins: historyArb(today, measure) }),
    ),
  }),
);
