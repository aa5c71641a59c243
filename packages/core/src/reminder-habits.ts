/**
 * Which habits a reminder names when it fires: those due that habit day and not yet done. Nothing
 * is said about a habit that is archived, not started yet, not due, done (met), skipped, or on
 * vacation that day.
 */
import { isMet } from './measure';
import { isDue } from './schedule';
import type { Checkin, LocalDate, Measure, Schedule, Weekday } from './types';

export interface RemindableHabit {
  id: string;
  schedule: Schedule;
  measure: Measure;
  startDate: LocalDate;
  archived: boolean;
  /** Check-ins of the period containing the day (a month back is enough for any schedule). */
  checkins: readonly Checkin[];
}

export interface VacationRange {
  from: LocalDate;
  to: LocalDate;
  /** Null: every habit. */
  habitIds: readonly string[] | null;
}

export function onVacation(habitId: string, date: LocalDate, vacations: readonly VacationRange[]) {
  return vacations.some(
    (v) => v.from <= date && date <= v.to && (v.habitIds === null || v.habitIds.includes(habitId)),
  );
}

/** The ids of `habits` to name on habit day `date`, in the order given. */
export function habitsToRemind(
  habits: readonly RemindableHabit[],
  date: LocalDate,
  weekStart: Weekday,
  vacations: readonly VacationRange[],
): string[] {
  const named: string[] = [];
  for (const habit of habits) {
    if (habit.archived || date < habit.startDate) continue;
    if (onVacation(habit.id, date, vacations)) continue;
    const today = habit.checkins.find((c) => c.date === date);
    if (today && (today.state === 'skipped' || isMet(habit.measure, today))) continue;
    const { checkins, measure, startDate } = habit;
    const history = { checkins, measure, weekStart, startDate };
    if (!isDue(habit.schedule, date, history)) continue;
    named.push(habit.id);
  }
  return named;
}
