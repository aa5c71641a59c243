/**
 * Completion across weeks, months or years, per habit and overall: "how much of what my habits
 * asked for did I do?". A period's expected count comes from the schedule — the due days of a
 * day-based schedule, a weekly or monthly target spread over its days — counted from the habit's
 * start to today; skipped days are excused (neither expected nor done), and today counts only
 * once it is met (the day is not over). Met days follow dayStatus, so an at-most habit's empty
 * past days count as met (day-status.ts).
 */
import {
  addDays,
  daysInMonth,
  endOfMonth,
  endOfWeek,
  monthOf,
  startOfMonth,
  startOfWeek,
  yearOf,
} from './calendar';
import { dayStatus } from './day-status';
import { isDue, isPeriodSchedule, periodTarget } from './schedule';
import type { Checkin, LocalDate, Measure, Schedule, Weekday } from './types';

export type CompletionUnit = 'week' | 'month' | 'year';

export interface CompletionPeriod {
  start: LocalDate;
  end: LocalDate;
}

export interface Completion {
  /** Met days (capped at `expected`: extra days do not make up for another period). */
  done: number;
  /** What the schedule asked for in the period (fractional for weekly and monthly targets). */
  expected: number;
}

/** The last `count` weeks, months or years up to the one holding `today`, oldest first. */
export function completionPeriods(
  today: LocalDate,
  unit: CompletionUnit,
  count: number,
  weekStart: Weekday,
): CompletionPeriod[] {
  const periods: CompletionPeriod[] = [];
  let cursor = today;
  for (let i = 0; i < count; i++) {
    let start: LocalDate;
    let end: LocalDate;
    if (unit === 'week') {
      start = startOfWeek(cursor, weekStart);
      end = endOfWeek(cursor, weekStart);
    } else if (unit === 'month') {
      start = startOfMonth(cursor);
      end = endOfMonth(cursor);
    } else {
      start = `${cursor.slice(0, 4)}-01-01`;
      end = `${cursor.slice(0, 4)}-12-31`;
    }
    periods.unshift({ start, end });
    cursor = addDays(start, -1);
  }
  return periods;
}

export interface CompletionHabit {
  schedule: Schedule;
  measure: Measure;
  startDate: LocalDate;
  /** Its check-ins from the first period's start on (any order). */
  checkins: readonly Checkin[];
}

/** One habit's completion in each period. */
export function habitCompletion(
  habit: CompletionHabit,
  periods: readonly CompletionPeriod[],
  today: LocalDate,
  weekStart: Weekday,
): Completion[] {
  const byDate = new Map(habit.checkins.map((c) => [c.date, c]));
  const first = habit.checkins.reduce((min, c) => (c.date < min ? c.date : min), habit.startDate);
  const periodic = isPeriodSchedule(habit.schedule);
  return periods.map(({ start, end }) => {
    let done = 0;
    let expected = 0;
    const from = start > first ? start : first;
    const to = end < today ? end : today;
    for (let date = from; date <= to; date = addDays(date, 1)) {
      const checkin = byDate.get(date);
      const status = dayStatus(habit.measure, checkin, date, { today, startDate: habit.startDate });
      const met = status === 'met';
      if (status === 'skipped' || (date === today && !met)) continue;
      if (habit.schedule.kind === 'times_in_days') {
        // A rolling window's target, spread evenly over its days.
        expected += habit.schedule.times / habit.schedule.days;
        if (met) done++;
      } else if (periodic) {
        // A weekly or monthly target, spread evenly over its days.
        const monthly = habit.schedule.kind === 'times_per_month';
        const length = monthly ? daysInMonth(yearOf(date), monthOf(date)) : 7;
        const period = monthly
          ? { kind: 'month' as const, start: startOfMonth(date), end: endOfMonth(date) }
          : { kind: 'week' as const, start: startOfWeek(date, weekStart), end: date };
        expected += periodTarget(habit.schedule, period) / length;
        if (met) done++;
      } else if (
        isDue(
          habit.schedule as Exclude<
            Schedule,
            { kind: 'times_per_week' | 'times_per_month' | 'times_in_days' }
          >,
          date,
        )
      ) {
        expected++;
        if (met) done++;
      }
    }
    return { done: Math.min(done, expected), expected };
  });
}

/** Several habits' completions added up, period by period. */
export function totalCompletion(habits: readonly Completion[][]): Completion[] {
  const length = habits[0]?.length ?? 0;
  return Array.from({ length }, (_, i) => ({
    done: habits.reduce((sum, h) => sum + (h[i]?.done ?? 0), 0),
    expected: habits.reduce((sum, h) => sum + (h[i]?.expected ?? 0), 0),
  }));
}

/** 0–1, or null for a period that asked for nothing. */
export function completionRate(c: Completion): number | null {
  return c.expected > 0 ? Math.min(1, c.done / c.expected) : null;
}
