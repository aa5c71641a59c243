/** Display formatting. Local dates are formatted in UTC so the device's zone never shifts them. */
import { describeSchedule } from '@habit-tracker/core';
import type { Habit, TodayHabit } from '../../api/client';

const utcDate = (date: string) => new Date(`${date}T00:00:00Z`);

const longDate = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});
const weekdayLong = new Intl.DateTimeFormat(undefined, { weekday: 'long', timeZone: 'UTC' });
const dayMonth = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});
const fullDate = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthYear = new Intl.DateTimeFormat(undefined, {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthShort = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' });
const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat(undefined, {
  notation: 'compact',
  maximumSignificantDigits: 3,
});

export const formatLongDate = (date: string) => longDate.format(utcDate(date));
export const formatWeekday = (date: string) => weekdayLong.format(utcDate(date));
export const formatDayMonth = (date: string) => dayMonth.format(utcDate(date));
export const formatFullDate = (date: string) => fullDate.format(utcDate(date));
export const formatMonthYear = (date: string) => monthYear.format(utcDate(date));
export const formatMonthShort = (date: string) => monthShort.format(utcDate(date));
export const formatNumber = (n: number) => number.format(n);
/** A number that fits a day's cell: 7, 6.5, 120, 1.2K. */
export const formatCompact = (n: number) =>
  Math.abs(n) < 1000 ? number.format(n) : compact.format(n);
export const formatPercent = (score: number) => `${Math.round(score * 100)}%`;

/** ISO weekday (1 = Monday) → localized short/narrow name. 2024-01-01 was a Monday. */
export function weekdayName(iso: number, style: 'short' | 'narrow' | 'long' = 'short'): string {
  const d = new Date(Date.UTC(2024, 0, iso));
  return new Intl.DateTimeFormat(undefined, { weekday: style, timeZone: 'UTC' }).format(d);
}

export function streakText(streak: { current: number; unit: 'days' | 'weeks' | 'months' }): string {
  const unit = streak.current === 1 ? streak.unit.slice(0, -1) : streak.unit;
  return `${streak.current} ${unit}`;
}

export function scheduleText(habit: Pick<Habit, 'schedule'>, weekStart = 1): string {
  return describeSchedule(habit.schedule, weekStart as 1);
}

export function targetText(habit: Pick<Habit, 'measure'>): string {
  const m = habit.measure;
  if (m.kind !== 'numeric') return '';
  return `${m.direction === 'at_least' ? 'at least' : 'at most'} ${formatNumber(m.target)} ${m.unit}`;
}

/** The line under a habit's name on Today: its progress in the current period. */
export function progressText(item: TodayHabit, weekStart = 1): string {
  const { habit, checkin, period } = item;
  if (checkin?.state === 'skipped') return 'Skipped today';
  const m = habit.measure;
  if (period.kind === 'day') {
    if (m.kind === 'numeric') {
      const value = checkin?.state === 'done' ? (checkin.value ?? 0) : 0;
      const sign = m.direction === 'at_most' ? '≤ ' : '';
      return `${formatNumber(value)} / ${sign}${formatNumber(m.target)} ${m.unit}`;
    }
    return describeSchedule(habit.schedule, weekStart as 1);
  }
  if (period.kind === 'window' && habit.schedule.kind === 'times_in_days') {
    return `${period.done} of ${period.target} in the last ${habit.schedule.days} days`;
  }
  const span = period.kind === 'week' ? 'this week' : 'this month';
  return `${period.done} of ${period.target} ${span}`;
}

export function timeAgo(ms: number): string {
  const s = Math.round((Date.now() - ms) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86400)} days ago`;
}
