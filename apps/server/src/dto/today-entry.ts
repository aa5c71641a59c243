/**
 * Per-habit numbers for the Today and detail views, computed by the pure core from one habit's
 * check-ins. Kept apart from the handlers so both views agree on every definition.
 */
import type { RecentDay, TodayHabit } from '@habit-tracker/contract';
import {
  type Checkin,
  computeScores,
  computeStreaks,
  type HabitSummary,
  isDue,
  type LocalDate,
  periodProgress,
  type Weekday,
} from '@habit-tracker/core';
import type { CheckinRow, HabitRow } from '@habit-tracker/db';
import { toCheckin, toHabit } from './rows';

/** Scores are 0–1 for display: four decimals is more than a progress ring can show. */
export function roundScore(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}

/**
 * The check-ins of `from..today` in the grid's lean form. `history` is sorted by date and reaches
 * back at least to `from` (a summary's window is a month or more), so this reads its tail.
 */
export function recentDays(
  history: readonly Checkin[],
  from: LocalDate,
  today: LocalDate,
): RecentDay[] {
  let at = history.length;
  while (at > 0 && history[at - 1]!.date >= from) at--;
  // A zone moved west can leave a check-in after the new today: not a day of the grid.
  return history
    .slice(at)
    .filter((c) => c.date <= today)
    .map(({ date, state, value }) => ({ date, state, value }));
}

/**
 * One habit's Today entry. `history` is its whole history in the lean form (listCheckinMarks),
 * or with a `summary` to resume from, its check-ins since `summaryReadsFrom`; `todays` is today's
 * full check-in row, if any.
 */
export function todayEntry(
  habit: HabitRow,
  history: readonly Checkin[],
  todays: CheckinRow | null,
  today: LocalDate,
  weekStart: Weekday,
  recentFrom: LocalDate,
  summary: HabitSummary | null = null,
): TodayHabit {
  const { schedule, measure, startDate } = habit;
  const input = { schedule, measure, checkins: history, startDate, today, weekStart };
  const { through, run, best, score } = summary ?? {};
  return {
    habit: toHabit(habit),
    due: isDue(schedule, today, input),
    checkin: todays ? toCheckin(todays) : null,
    recent: recentDays(history, recentFrom, today),
    streak: computeStreaks(
      through === undefined ? input : { ...input, resume: { through, run: run!, best: best! } },
    ),
    score: roundScore(
      computeScores({
        ...input,
        ...(through !== undefined && { resume: { through, score: score! } }),
      }).current,
    ),
    period: periodProgress(schedule, today, input),
  };
}
