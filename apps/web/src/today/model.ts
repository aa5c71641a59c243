/**
 * Pure helpers that turn Today's server response into what the screen draws: the queued
 * check-ins applied on top (optimistic UI, the next fetch replaces the estimates), the grid's
 * days with their states, and the view moved to a new day before the server has been asked.
 */
import {
  addDays,
  type DayStatus,
  dayStatus,
  daysBetween,
  isDue,
  isMet,
  isPeriodSchedule,
  weekdayOf,
} from '@habit-tracker/core';
import type { CheckinDto, RecentDay, Today, TodayHabit } from '../api/client';
import type { QueuedAction } from '../offline/db';

/** How a day of the grid looks: its state, its amount, and whether the schedule asks for it. */
export interface GridDay {
  date: string;
  checkin: RecentDay | null;
  status: DayStatus;
  /** False on days a day-based schedule does not ask for (shown quieter; they never count). */
  due: boolean;
  isToday: boolean;
}

/** The last `count` dates up to `today`, oldest first. */
export function gridDates(today: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(today, i - count + 1));
}

export function gridDays(item: TodayHabit, dates: readonly string[], today: string): GridDay[] {
  const byDate = new Map(item.recent.map((d) => [d.date, d]));
  const { schedule, measure, startDate } = item.habit;
  return dates.map((date) => {
    const checkin = byDate.get(date) ?? null;
    return {
      date,
      checkin,
      status: dayStatus(measure, checkin, date, { today, startDate }),
      // Period and window schedules are due by their history: every day may be one to check.
      due: isPeriodSchedule(schedule) || schedule.kind === 'times_in_days' || isDue(schedule, date),
      isToday: date === today,
    };
  });
}

/** Today's entry with today's check-in replaced: streak and period numbers estimated. */
export function withCheckin(item: TodayHabit, checkin: CheckinDto | null): TodayHabit {
  const measure = item.habit.measure;
  const wasMet = isMet(measure, item.checkin);
  const nowMet = isMet(measure, checkin);
  if (wasMet === nowMet) return { ...item, checkin };
  const delta = nowMet ? 1 : -1;
  const done = Math.max(0, item.period.done + delta);
  const period = { ...item.period, done, met: done >= item.period.target };
  let current = item.streak.current;
  if (item.streak.unit === 'days') {
    if (item.due) current = Math.max(0, current + delta);
  } else if (period.met !== item.period.met) {
    current = Math.max(0, current + (period.met ? 1 : -1));
  }
  const best = Math.max(item.streak.best, current);
  return { ...item, checkin, period, streak: { ...item.streak, current, best } };
}

export function optimisticCheckin(
  action: Pick<QueuedAction, 'op' | 'date' | 'body' | 'keep'>,
  previous: CheckinDto | null,
): CheckinDto | null {
  const now = new Date().toISOString();
  if (action.op === 'delete' || !action.body) {
    // keep=notes leaves a note-only day when there is a note; photos Today cannot see (the
    // server's answer brings those days back). Not done either way, at once.
    if (action.keep === 'notes' && previous?.note) {
      return { ...previous, state: 'note', value: null, updatedAt: now };
    }
    return null;
  }
  return {
    date: action.date,
    state: action.body.state,
    value: action.body.value ?? null,
    // A body without a note keeps the stored one (docs/api.md).
    note: action.body.note === undefined ? (previous?.note ?? null) : action.body.note,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
  };
}

/** `recent` with one day replaced (null: the day was cleared). */
function withRecentDay(
  recent: readonly RecentDay[],
  date: string,
  checkin: { state: RecentDay['state']; value: number | null } | null,
): RecentDay[] {
  const others = recent.filter((d) => d.date !== date);
  if (!checkin) return others;
  return [...others, { date, state: checkin.state, value: checkin.value }].sort((a, b) =>
    a.date < b.date ? -1 : 1,
  );
}

/** Applies one day's check-in (confirmed or queued) to a Today response. */
export function applyCheckin(
  today: Today,
  habitId: string,
  date: string,
  checkin: CheckinDto | null,
): Today {
  if (date > today.date || date < today.recentFrom) return today;
  let changed = false;
  const habits = today.habits.map((item) => {
    if (item.habit.id !== habitId) return item;
    changed = true;
    const recent = withRecentDay(item.recent, date, checkin);
    return date === today.date ? { ...withCheckin(item, checkin), recent } : { ...item, recent };
  });
  return changed ? { ...today, habits } : today;
}

/** The check-in of one day as Today knows it (today's in full, earlier ones without a note). */
export function knownCheckin(item: TodayHabit, date: string, today: string): CheckinDto | null {
  if (date === today) return item.checkin;
  const day = item.recent.find((d) => d.date === date);
  if (!day) return null;
  return { date, state: day.state, value: day.value, note: null, createdAt: '', updatedAt: '' };
}

/** Today as it will be once every queued write has reached the server. */
export function applyPending(today: Today, pending: readonly QueuedAction[]): Today {
  let result = today;
  for (const action of pending) {
    const item = result.habits.find((h) => h.habit.id === action.habitId);
    if (!item) continue;
    const previous = knownCheckin(item, action.date, result.date);
    result = applyCheckin(result, action.habitId, action.date, optimisticCheckin(action, previous));
  }
  return result;
}

/**
 * Today moved on to `date` (a later day) before the server has answered: the open page follows
 * the user's day start even offline. The new day starts empty; streaks and scores keep their
 * last values until the next fetch brings the server's.
 */
export function rollTo(today: Today, date: string): Today {
  if (date <= today.date) return today;
  const recentFrom = addDays(date, -13);
  // The next boundary is estimated (a day is 23–25 hours); the clock checks the date exactly.
  const days = daysBetween(today.date, date);
  const nextDayAt = new Date(Date.parse(today.nextDayAt) + days * 86_400_000).toISOString();
  return {
    ...today,
    date,
    recentFrom,
    nextDayAt,
    habits: today.habits.map((item) => {
      const { schedule } = item.habit;
      // A window's due and progress need its history: kept until the next fetch, like a period's.
      const periodic = isPeriodSchedule(schedule) || schedule.kind === 'times_in_days';
      return {
        ...item,
        checkin: null,
        recent: item.recent.filter((d) => d.date >= recentFrom),
        due: periodic ? item.due : isDue(schedule, date),
        period: periodic
          ? item.period
          : { kind: 'day' as const, start: date, end: date, done: 0, target: 1, met: false },
      };
    }),
  };
}

/** 1 = Monday … 7 = Sunday, for the grid's weekday initials. */
export const weekdayOfDate = weekdayOf;
