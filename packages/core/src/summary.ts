/**
 * A habit's history folded into a few numbers, so reads need only its recent check-ins.
 *
 * Streaks and scores walk a habit's whole history; the Today view would otherwise read and walk
 * years of check-ins on every request. A summary is the state of those walks at the end of one
 * day (`through`, a past day): the score and the streak runs. The server stores it on write, in
 * the same transaction as the check-in, and the Today view resumes the walks from it over the
 * check-ins of the last `summaryWindowDays` days only. Resuming gives exactly what the walk
 * from the first day gives (test/summary.test.ts checks this on random histories).
 *
 * A summary depends on the check-ins up to `through`, the schedule, the measure, the start date
 * and — for weekly targets — the week start. Whoever changes one of those must recompute or drop
 * it; a summary whose week start differs from the user's now is not used.
 */
import { addDays, toDayNumber } from './calendar';
import { scoreThrough, scoreWindowDays } from './score';
import { streaksThrough } from './streaks';
import type { Checkin, LocalDate, Measure, Schedule, Weekday } from './types';

export interface HabitSummary {
  /** The last day folded in (a past day for every read that uses the summary). */
  through: LocalDate;
  weekStart: Weekday;
  /** The score at the end of `through`. */
  score: number;
  /** Streak runs at the end of `through` (periods: at the end of its last whole period). */
  run: number;
  best: number;
}

export interface SummaryInput {
  schedule: Schedule;
  measure: Measure;
  /** Every check-in up to `through` at least (later ones are ignored). */
  checkins: readonly Checkin[];
  startDate: LocalDate;
  weekStart: Weekday;
}

export function summarizeHabit(input: SummaryInput, through: LocalDate): HabitSummary {
  const streaks = streaksThrough(input, through);
  return {
    through,
    weekStart: input.weekStart,
    score: scoreThrough(input, through),
    run: streaks.run,
    best: streaks.best,
  };
}

/**
 * How many days before the day after `through` a resumed read needs check-ins for: the score's
 * rolling window, and at least a month so the period holding `through` + 1 (whose streak is not
 * folded in) is complete.
 */
export function summaryWindowDays(schedule: Schedule, measure: Measure): number {
  return Math.max(scoreWindowDays(schedule, measure), 31);
}

/** The first date a read resuming from `summary` needs check-ins from. */
export function summaryReadsFrom(
  summary: Pick<HabitSummary, 'through'>,
  schedule: Schedule,
  measure: Measure,
): LocalDate {
  return addDays(summary.through, 1 - summaryWindowDays(schedule, measure));
}

/** Whether a read for `today` with `weekStart` may resume from the summary. */
export function canResume(summary: HabitSummary, today: LocalDate, weekStart: Weekday): boolean {
  return summary.weekStart === weekStart && toDayNumber(summary.through) < toDayNumber(today);
}
