/**
 * Per-habit numbers for the Today and detail views, computed by the pure core from one habit's
 * check-ins. Kept apart from the handlers so both views agree on every definition.
 */
import type { TodayHabit } from '@habit-tracker/contract';
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
  summary: HabitSummary | null = null,
): TodayHabit {
  const { schedule, measure } = habit;
  const input = { schedule, measure, checkins: history, today, weekStart };
  const { through, run, best, score } = summary ?? {};
  return {
    habit: toHabit(habit),
    due: isDue(schedule, today, input),
    checkin: todays ? toCheckin(todays) : null,
    streak: computeStreaks(
      through === undefined ? input : { ...input, resume: { through, run: run!, best: best! } },
    ),
    score: roundScore(
      computeScores({
        ...input,
        startDate: habit.startDate,
        ...(through !== undefined && { resume: { through, score: score! } }),
      }).current,
    ),
    period: periodProgress(schedule, today, input),
  };
}
