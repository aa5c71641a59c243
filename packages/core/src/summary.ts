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
 * it; a summary whose week start differs from the user's now is not used. When a write must
 * rebuild it, and how far the new one folds, is `summaryNeedsRebuild` and `rebuildSummary`.
 */
import { addDays, toDayNumber } from './calendar';
import { MIN_YEAR } from './local-date';
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

/** Before every date the product stores (local-date.ts: years 1900–2999). */
const FIRST_DATE = `${MIN_YEAR}-01-01`;

/**
 * The first date a read resuming from `summary` needs check-ins from. A rolling window's streak
 * is never resumed (a check-in can keep days long before it, rolling-window.ts), so its reads
 * need the whole history; only its score resumes.
 */
export function summaryReadsFrom(
  summary: Pick<HabitSummary, 'through'>,
  schedule: Schedule,
  measure: Measure,
): LocalDate {
  if (schedule.kind === 'times_in_days') return FIRST_DATE;
  return addDays(summary.through, 1 - summaryWindowDays(schedule, measure));
}

/** Whether a read for `today` with `weekStart` may resume from the summary. */
export function canResume(summary: HabitSummary, today: LocalDate, weekStart: Weekday): boolean {
  return summary.weekStart === weekStart && toDayNumber(summary.through) < toDayNumber(today);
}

/**
 * How many days before today a rebuilt summary folds through: a margin for a time zone moved
 * west, since a read resumes only from a summary of a day before its today.
 */
export const SUMMARY_LAG_DAYS = 2;
/** A summary older than this (days from its `through` to today) is rebuilt on the next write. */
export const SUMMARY_MAX_AGE_DAYS = 32;

/** A check-in write (or delete) to one habit, seen from its stored summary. */
export interface SummaryWrite {
  /** The summary stored before the write, if any. */
  stored: HabitSummary | null;
  /** The date the write changed. */
  written: LocalDate;
  /** The user's today. */
  today: LocalDate;
  weekStart: Weekday;
}

/**
 * Whether the write leaves the stored summary wrong or too old: it is missing, for another week
 * start, covers the written date, or is more than a month old (so reads never walk back far). A
 * write after `through` — almost every write, today's check-in — leaves it alone and costs
 * nothing.
 */
export function summaryNeedsRebuild(write: SummaryWrite): boolean {
  const { stored, written, today, weekStart } = write;
  if (!stored || stored.weekStart !== weekStart) return true;
  if (written <= stored.through) return true;
  return stored.through < addDays(today, -SUMMARY_MAX_AGE_DAYS);
}

/**
 * A new summary of the whole history in `input`, folded through SUMMARY_LAG_DAYS before today,
 * and the first date a read resuming from it needs check-ins from.
 */
export function rebuildSummary(
  input: SummaryInput,
  today: LocalDate,
): { summary: HabitSummary; readsFrom: LocalDate } {
  const summary = summarizeHabit(input, addDays(today, -SUMMARY_LAG_DAYS));
  return { summary, readsFrom: summaryReadsFrom(summary, input.schedule, input.measure) };
}
