/** Display formatting. Local dates are formatted in UTC so the device's zone never shifts them. */
import { type Schedule, scheduleDescription, type Weekday } from '@habit-tracker/core';
import type { Habit, TodayHabit } from '../../api/client';
import { formatLocale, type MessageId, t } from '../../i18n/i18n';

const utcDate = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * Intl formatters for the active language (its browser variant: en-GB, ar-MA…), built once per
 * language: the tree remounts on a language change (i18n.tsx), so callers always ask anew.
 */
function formatter<F>(make: (locale: string) => F): () => F {
  let made: { locale: string; value: F } | null = null;
  return () => {
    const locale = formatLocale();
    if (made?.locale !== locale) made = { locale, value: make(locale) };
    return made.value;
  };
}

const dateFormat = (options: Intl.DateTimeFormatOptions) =>
  formatter((locale) => new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }));

const longDate = dateFormat({ weekday: 'long', day: 'numeric', month: 'long' });
const weekdayLong = dateFormat({ weekday: 'long' });
const dayMonth = dateFormat({ day: 'numeric', month: 'long' });
const fullDate = dateFormat({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
const monthYear = dateFormat({ month: 'long', year: 'numeric' });
const monthShort = dateFormat({ month: 'short' });
const dayNumber = dateFormat({ day: 'numeric' });
const yearOnly = dateFormat({ year: 'numeric' });
const monthShortYear = dateFormat({ month: 'short', year: 'numeric' });
const weekdayShort = dateFormat({ weekday: 'short' });
const weekdayNarrow = dateFormat({ weekday: 'narrow' });
const clock = formatter(
  (locale) =>
    new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
    }),
);
const number = formatter((locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }));
const compact = formatter(
  (locale) => new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: 3 }),
);
const percent = formatter(
  (locale) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
);

export const formatLongDate = (date: string) => longDate().format(utcDate(date));
export const formatWeekday = (date: string) => weekdayLong().format(utcDate(date));
export const formatDayMonth = (date: string) => dayMonth().format(utcDate(date));
export const formatFullDate = (date: string) => fullDate().format(utcDate(date));
export const formatMonthYear = (date: string) => monthYear().format(utcDate(date));
export const formatMonthShort = (date: string) => monthShort().format(utcDate(date));
/** The day of the month alone, as the language writes it: 3, 3日, ٣. */
export const formatDayNumber = (date: string) => dayNumber().format(utcDate(date));
export const formatMonthShortYear = (date: string) => monthShortYear().format(utcDate(date));
export const formatYear = (date: string) => yearOnly().format(utcDate(date));
/** A wall-clock time "HH:MM" in the language's digits, on the 24-hour clock it is stored in. */
export function formatClock(time: string): string {
  const [h, m] = time.split(':').map(Number);
  return clock().format(new Date(Date.UTC(2024, 0, 1, h ?? 0, m ?? 0)));
}
export const formatNumber = (n: number) => number().format(n);

const hourOnly = formatter(
  (locale) => new Intl.DateTimeFormat(locale, { hour: 'numeric', timeZone: 'UTC' }),
);
/** An hour of the day as the language says it: 7 AM, 7 Uhr, 7時. */
export const formatHour = (h: number) => hourOnly().format(new Date(Date.UTC(2024, 0, 1, h)));

const shortDate = formatter((locale) => new Intl.DateTimeFormat(locale));
/** The calendar day of an instant (ISO timestamp) in this device's zone: 12/7/2026, 7.12.2026. */
export const formatInstantDate = (iso: string) => shortDate().format(new Date(iso));

/** A number that fits a day's cell: 7, 6.5, 120, 1.2K. */
export const formatCompact = (n: number) =>
  Math.abs(n) < 1000 ? number().format(n) : compact().format(n);
/** A score in [0, 1] as a whole percentage: 42 %, 42%, ٪٤٢ as the language writes it. */
export const formatPercent = (score: number) => percent().format(Math.round(score * 100) / 100);

/** ISO weekday (1 = Monday) → localized short/narrow name. 2024-01-01 was a Monday. */
export function weekdayName(iso: number, style: 'short' | 'narrow' | 'long' = 'short'): string {
  const d = new Date(Date.UTC(2024, 0, iso));
  const format = style === 'long' ? weekdayLong : style === 'narrow' ? weekdayNarrow : weekdayShort;
  return format().format(d);
}

const STREAK: Record<'days' | 'weeks' | 'months', MessageId> = {
  days: 'streak.days',
  weeks: 'streak.weeks',
  months: 'streak.months',
};

/** "1 day", "3 weeks" — with each language's plural forms. */
export function streakText(streak: { current: number; unit: 'days' | 'weeks' | 'months' }): string {
  return t(STREAK[streak.unit], { count: streak.current });
}

const list = formatter(
  (locale) => new Intl.ListFormat(locale, { type: 'conjunction', style: 'narrow' }),
);

const conjunction = formatter((locale) => new Intl.ListFormat(locale, { type: 'conjunction' }));
const plainList = formatter(
  (locale) => new Intl.ListFormat(locale, { type: 'unit', style: 'short' }),
);
/** "a, b, c": a list of names without "and", as the language separates them. */
export const formatPlainList = (items: string[]) => plainList().format(items);

/** "a, b and c" as the language joins a list. */
export const formatList = (items: string[]) => conjunction().format(items);

/** "Every day", "Mon, Wed, Fri", "3 times a week" in the active language (core says what, we say how). */
export function describeScheduleText(schedule: Schedule, weekStart = 1): string {
  const d = scheduleDescription(schedule, weekStart as Weekday);
  switch (d.kind) {
    case 'every_day':
      return t('repeat.everyDay');
    case 'workdays':
      return t('repeat.workdays');
    case 'weekends':
      return t('repeat.weekends');
    case 'one_weekday':
      return t('repeat.oneWeekday', { day: weekdayName(d.day, 'long') });
    case 'weekdays':
      return list().format(d.days.map((day) => weekdayName(day, 'short')));
    case 'per_week':
      return t('repeat.perWeek', { times: d.times });
    case 'per_month':
      return t('repeat.perMonth', { times: d.times });
    case 'in_days':
      return t('repeat.inDays', { times: d.times, days: d.days });
    case 'every_n_days':
      return t('repeat.everyNDays', { interval: d.interval });
  }
}

export function scheduleText(habit: Pick<Habit, 'schedule'>, weekStart = 1): string {
  return describeScheduleText(habit.schedule, weekStart);
}

export function targetText(habit: Pick<Habit, 'measure'>): string {
  const m = habit.measure;
  if (m.kind !== 'numeric') return '';
  const values = { target: formatNumber(m.target), unit: m.unit };
  return m.direction === 'at_least' ? t('target.atLeast', values) : t('target.atMost', values);
}

/** The line under a habit's name on Today: its progress in the current period. */
export function progressText(item: TodayHabit, weekStart = 1): string {
  const { habit, checkin, period } = item;
  if (checkin?.state === 'skipped') return t('progress.skipped');
  const m = habit.measure;
  if (period.kind === 'day') {
    if (m.kind === 'numeric') {
      const value = checkin?.state === 'done' ? (checkin.value ?? 0) : 0;
      const sign = m.direction === 'at_most' ? '≤ ' : '';
      return `${formatNumber(value)} / ${sign}${formatNumber(m.target)} ${m.unit}`;
    }
    return describeScheduleText(habit.schedule, weekStart);
  }
  const counts = { done: period.done, target: period.target };
  if (period.kind === 'window' && habit.schedule.kind === 'times_in_days') {
    return t('progress.window', { ...counts, days: habit.schedule.days });
  }
  return t(period.kind === 'week' ? 'progress.week' : 'progress.month', counts);
}

const relative = formatter((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));

/** How long ago a moment was, in the active language: "just now", "5 minutes ago", "vor 2 Tagen". */
export function timeAgo(ms: number): string {
  const s = Math.round((Date.now() - ms) / 1000);
  if (s < 60) return t('time.justNow');
  if (s < 3600) return relative().format(-Math.round(s / 60), 'minute');
  if (s < 86400) return relative().format(-Math.round(s / 3600), 'hour');
  return relative().format(-Math.round(s / 86400), 'day');
}

/** Two local dates as one range, the language's way ("1–3 Jan 2025", "1.–3. Jan. 2025"). */
export const formatDateRange = (first: string, last: string) =>
  fullDate().formatRange(utcDate(first), utcDate(last));

const dateTime = formatter(
  (locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
);

/** An instant (ISO string) in this device's zone, e.g. "4 Jun 2025, 14:32". */
export const formatDateTime = (iso: string) => dateTime().format(new Date(iso));
