/**
 * Pure helpers that apply check-ins to a Today response locally, so a tap shows its effect
 * immediately; the next fetch of /today replaces these estimates with the server's numbers.
 */
import { isMet } from '@habit-tracker/core';
import type { CheckinDto, Today, TodayHabit } from '../api/client';
import type { QueuedAction } from '../offline/db';

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
  action: Pick<QueuedAction, 'op' | 'date' | 'body'>,
  previous: CheckinDto | null,
): CheckinDto | null {
  if (action.op === 'delete' || !action.body) return null;
  const now = new Date().toISOString();
  return {
    date: action.date,
    state: action.body.state,
    value: action.body.value ?? null,
    note: action.body.note ?? null,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
  };
}

export function applyCheckin(
  today: Today,
  habitId: string,
  date: string,
  checkin: CheckinDto | null,
): Today {
  if (date !== today.date) return today;
  let changed = false;
  const habits = today.habits.map((item) => {
    if (item.habit.id !== habitId) return item;
    changed = true;
    return withCheckin(item, checkin);
  });
  return changed ? { ...today, habits } : today;
}

/** Today as it will be once every queued write has reached the server. */
export function applyPending(today: Today, pending: readonly QueuedAction[]): Today {
  let result = today;
  for (const action of pending) {
    if (action.date !== today.date) continue;
    const item = result.habits.find((h) => h.habit.id === action.habitId);
    if (!item) continue;
    result = applyCheckin(
      result,
      action.habitId,
      action.date,
      optimisticCheckin(action, item.checkin),
    );
  }
  return result;
}
