/**
 * Stored summaries against the walk from the first day: for random habits, histories and
 * summary days, resuming from `summarizeHabit(…, through)` over only the check-ins a read fetches
 * (`summaryReadsFrom` on) gives the streaks, score, due flag and period progress that the whole
 * history gives. This is the guarantee the Today view's speed rests on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  canResume,
  computeScores,
  computeStreaks,
  type HabitSummary,
  isDue,
  type Measure,
  periodProgress,
  rebuildSummary,
  type Schedule,
  SUMMARY_LAG_DAYS,
  SUMMARY_MAX_AGE_DAYS,
  summarizeHabit,
  summaryNeedsRebuild,
  summaryReadsFrom,
  summaryWindowDays,
  type Weekday,
} from '../src';
import { caseArb } from './arbitraries';
import { done } from './helpers';

describe('resuming from a summary', () => {
  it('gives what the whole history gives', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.integer({ min: 1, max: 140 }),
        fc.integer({ min: 0, max: 130 }),
        ({ today, schedule, weekStart, measureAndHistory: { measure, checkins } }, gap, age) => {
          const startDate = addDays(today, -age);
          const through = addDays(today, -gap);
          const summary = summarizeHabit(
            { schedule, measure, checkins, startDate, weekStart },
            through,
          );
          expect(canResume(summary, today, weekStart)).toBe(true);
          const from = summaryReadsFrom(summary, schedule, measure);
          const recent = checkins.filter((c) => c.date >= from);

          const full = { schedule, measure, checkins, startDate, today, weekStart };
          const resumed = { ...full, checkins: recent };
          expect(
            computeStreaks({
              ...resumed,
              resume: { through, run: summary.run, best: summary.best },
            }),
          ).toEqual(computeStreaks(full));
          expect(
            computeScores({ ...resumed, resume: { through, score: summary.score } }).current,
          ).toBeCloseTo(computeScores(full).current, 9);
          const history = { checkins, measure, weekStart, startDate };
          const recentHistory = { checkins: recent, measure, weekStart, startDate };
          expect(isDue(schedule, today, recentHistory)).toBe(isDue(schedule, today, history));
          expect(periodProgress(schedule, today, recentHistory)).toEqual(
            periodProgress(schedule, today, history),
          );
        },
      ),
      { numRuns: 3_000 },
    );
    // Thousands of whole-history walks: seconds on a busy machine, which is no verdict on speed.
  }, 60_000);

  it('folds in whole periods only: a week ended by `through` counts, one it cuts does not', () => {
    const schedule = { kind: 'times_per_week' as const, times: 2 };
    const measure = { kind: 'boolean' as const };
    // Weeks start on Monday; 2026-11-16 and 2026-11-23 are Mondays.
    const checkins = [
      done('2026-11-10'),
      done('2026-11-11'),
      done('2026-11-17'),
      done('2026-11-18'),
    ];
    const input = { schedule, measure, checkins, startDate: '2026-11-09', weekStart: 1 as const };
    // Sunday ends the week of the 16th: both weeks are folded in.
    expect(summarizeHabit(input, '2026-11-22')).toMatchObject({ run: 2, best: 2 });
    // Saturday cuts it: only the week of the 9th is.
    expect(summarizeHabit(input, '2026-11-21')).toMatchObject({ run: 1, best: 1 });
  });

  it('judges `through` as a past day: a due day without a check-in breaks the run', () => {
    const schedule = { kind: 'daily' as const };
    const measure = { kind: 'boolean' as const };
    const input = {
      schedule,
      measure,
      checkins: [done('2026-11-20'), done('2026-11-21')],
      startDate: '2026-11-20',
      weekStart: 1 as const,
    };
    expect(summarizeHabit(input, '2026-11-21')).toMatchObject({ run: 2, best: 2 });
    expect(summarizeHabit(input, '2026-11-22')).toMatchObject({ run: 0, best: 2 });
    const score = summarizeHabit(input, '2026-11-22').score;
    expect(score).toBeLessThan(summarizeHabit(input, '2026-11-21').score);
  });

  it('is not used for a today on or before its day, or with another week start', () => {
    const summary = { through: '2026-11-21', weekStart: 1 as const, score: 0.5, run: 1, best: 1 };
    expect(canResume(summary, '2026-11-22', 1)).toBe(true);
    expect(canResume(summary, '2026-11-21', 1)).toBe(false);
    expect(canResume(summary, '2026-11-22', 7)).toBe(false);
    const input = {
      schedule: { kind: 'daily' as const },
      measure: { kind: 'boolean' as const },
      checkins: [],
      startDate: '2026-11-01',
      today: '2026-11-21',
      weekStart: 1 as const,
    };
    expect(() => computeStreaks({ ...input, resume: summary })).toThrow(RangeError);
    expect(() => computeScores({ ...input, resume: summary })).toThrow(RangeError);
  });

  it('reads back over the score window of sparse habits, and at least a month', () => {
    const boolean = { kind: 'boolean' as const };
    expect(summaryWindowDays({ kind: 'daily' }, boolean)).toBe(31);
    expect(summaryWindowDays({ kind: 'times_per_month', times: 3 }, boolean)).toBe(60);
    expect(
      summaryWindowDays({ kind: 'every_n_days', interval: 365, startDate: '2026-01-01' }, boolean),
    ).toBe(730);
  });
});

describe('when a write rebuilds the stored summary', () => {
  const summary = (through: string, weekStart: Weekday = 1): HabitSummary => ({
    through,
    weekStart,
    score: 0.5,
    run: 3,
    best: 4,
  });
  const today = '2026-03-15';

  it('after a write it covers, or when missing, for another week start or over a month old', () => {
    const write = { stored: summary('2026-03-13'), written: today, today, weekStart: 1 as Weekday };
    expect(summaryNeedsRebuild(write)).toBe(false); // today's check-in: the common write
    expect(summaryNeedsRebuild({ ...write, written: '2026-03-13' })).toBe(true);
    expect(summaryNeedsRebuild({ ...write, written: '2026-03-01' })).toBe(true);
    expect(summaryNeedsRebuild({ ...write, written: '2026-03-14' })).toBe(false);
    expect(summaryNeedsRebuild({ ...write, stored: null })).toBe(true);
    expect(summaryNeedsRebuild({ ...write, weekStart: 7 })).toBe(true);
    const old = addDays(today, -SUMMARY_MAX_AGE_DAYS);
    expect(summaryNeedsRebuild({ ...write, stored: summary(old) })).toBe(false);
    expect(summaryNeedsRebuild({ ...write, stored: summary(addDays(old, -1)) })).toBe(true);
  });

  it('a rebuilt summary folds through two days before today, and says where reads start', () => {
    const schedule: Schedule = { kind: 'daily' };
    const measure: Measure = { kind: 'boolean' };
    const checkins = [done('2026-03-10'), done('2026-03-12'), done('2026-03-14')];
    const input = { schedule, measure, checkins, startDate: '2026-03-01', weekStart: 1 as Weekday };
    const rebuilt = rebuildSummary(input, today);
    expect(SUMMARY_LAG_DAYS).toBe(2);
    expect(rebuilt.summary).toEqual(summarizeHabit(input, '2026-03-13'));
    expect(rebuilt.readsFrom).toBe(summaryReadsFrom(rebuilt.summary, schedule, measure));
  });
});
