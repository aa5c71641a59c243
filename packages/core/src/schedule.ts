/**
 * When a habit asks for a check-in, which period its target applies to, and how to say it in
 * plain English.
 *
 * Day-based schedules (daily, weekdays, every_n_days) are due by the calendar alone. Period
 * schedules (times_per_week, times_per_month) are due while the period's target is still open,
 * so they need the check-in history: after three runs on a 3×/week habit the rest of the week
 * asks for nothing, but the day of the third run stays due (and done) so it does not vanish
 * from the Today view the moment it is ticked.
 *
 * A rolling window (times_in_days, "3 times in any 10 days") needs the history too: a day is due
 * unless the days before it, within the window, already hold the target — then a window of
 * Loop's already keeps it (rolling-window.ts). Its "period" is the window ending on the day.
 */
import {
  addDays,
  daysBetween,
  daysInMonth,
  endOfMonth,
  monthOf,
  startOfMonth,
  startOfWeek,
  weekdayOf,
  yearOf,
} from './calendar';
import { implicitZeroDays } from './day-status';
import { isMet } from './measure';
import type {
  Checkin,
  Frequency,
  LocalDate,
  Measure,
  Period,
  PeriodProgress,
  Schedule,
  Weekday,
} from './types';

export type DaySchedule = Extract<Schedule, { kind: 'daily' | 'weekdays' | 'every_n_days' }>;
export type PeriodSchedule = Extract<Schedule, { kind: 'times_per_week' | 'times_per_month' }>;
export type WindowSchedule = Extract<Schedule, { kind: 'times_in_days' }>;

/** Weekly and monthly targets: calendar periods. */
export function isPeriodSchedule(schedule: Schedule): schedule is PeriodSchedule {
  return schedule.kind === 'times_per_week' || schedule.kind === 'times_per_month';
}

/** Whether due days depend on the check-ins, not on the calendar alone. */
export function needsHistory(schedule: Schedule): schedule is PeriodSchedule | WindowSchedule {
  return isPeriodSchedule(schedule) || schedule.kind === 'times_in_days';
}

/** What period schedules need to know besides the date: the same object serves every call. */
export interface CheckinHistory {
  /** Any order. Only those inside the date's period are looked at. */
  checkins: readonly Checkin[];
  measure: Measure;
  weekStart: Weekday;
  /** The habit's start date: an at-most habit's empty days count as 0 from it (day-status.ts). */
  startDate: LocalDate;
}

/** Day-based schedules only need the date… */
export function isDue(schedule: DaySchedule, date: LocalDate): boolean;
/** …any schedule can be asked with the history, which period and window schedules require. */
export function isDue(schedule: Schedule, date: LocalDate, history: CheckinHistory): boolean;
export function isDue(schedule: Schedule, date: LocalDate, history?: CheckinHistory): boolean {
  switch (schedule.kind) {
    case 'daily':
      return true;
    case 'weekdays':
      return schedule.days.includes(weekdayOf(date));
    case 'every_n_days': {
      // Dates before the start are not due: the rhythm has not begun.
      const offset = daysBetween(schedule.startDate, date);
      return offset >= 0 && offset % schedule.interval === 0;
    }
    case 'times_per_week':
    case 'times_per_month': {
      if (!history) throw new TypeError(`isDue: a ${schedule.kind} schedule needs the history`);
      const period = periodOf(schedule, date, history.weekStart);
      const doneBefore = countMet(history, period.start, date, false);
      return doneBefore < periodTarget(schedule, period);
    }
    case 'times_in_days': {
      // The days before `date` in its window hold `times` met check-ins exactly when a window
      // of Loop's, opened by them, already reaches `date` (rolling-window.ts).
      if (!history) throw new TypeError('isDue: a times_in_days schedule needs the history');
      const start = addDays(date, 1 - schedule.days);
      return countMet(history, start, date, false) < schedule.times;
    }
  }
}

/** The period that contains `date`: the day itself, its week (from weekStart) or its month. */
export function periodOf(schedule: Schedule, date: LocalDate, weekStart: Weekday): Period {
  switch (schedule.kind) {
    case 'times_per_week': {
      const start = startOfWeek(date, weekStart);
      return { kind: 'week', start, end: addDays(start, 6) };
    }
    case 'times_per_month':
      return { kind: 'month', start: startOfMonth(date), end: endOfMonth(date) };
    case 'times_in_days':
      return { kind: 'window', start: addDays(date, 1 - schedule.days), end: date };
    default:
      return { kind: 'day', start: date, end: date };
  }
}

/**
 * Completions a period asks for. A monthly target larger than the month (31 times in February)
 * is capped at the month's length, so "31 times a month" means "every day" and stays reachable.
 */
export function periodTarget(schedule: Schedule, period: Period): number {
  switch (schedule.kind) {
    case 'times_per_week':
      return Math.min(schedule.times, 7);
    case 'times_per_month':
      return Math.min(schedule.times, daysInMonth(yearOf(period.start), monthOf(period.start)));
    case 'times_in_days':
      return schedule.times;
    default:
      return 1;
  }
}

/**
 * Met check-ins from `start` up to `date` (inclusive or not), `date` being the day not over yet;
 * an at-most habit's empty days before it count as met. ISO dates compare as strings.
 */
function countMet(
  history: CheckinHistory,
  start: LocalDate,
  date: LocalDate,
  inclusive: boolean,
): number {
  let count = 0;
  for (const checkin of history.checkins) {
    const d = checkin.date;
    if (d >= start && (inclusive ? d <= date : d < date) && isMet(history.measure, checkin)) {
      count++;
    }
  }
  const implicit = implicitZeroDays(history.measure, history.checkins, {
    from: start,
    to: date,
    startDate: history.startDate,
    today: date,
  });
  return count + implicit.length;
}

/**
 * Completions in the period containing `date`, counted up to and including `date`. For a rolling
 * window: in the `days` days ending on `date`, so `met` says whether a window keeps the day.
 */
export function periodProgress(
  schedule: Schedule,
  date: LocalDate,
  history: CheckinHistory,
): PeriodProgress {
  const period = periodOf(schedule, date, history.weekStart);
  const done = countMet(history, period.start, date, true);
  const target = periodTarget(schedule, period);
  return { ...period, done, target, met: done >= target };
}

/**
 * How often the schedule asks, as Loop Habit Tracker's numerator/denominator. A month is taken
 * as 30 days: the score needs a steady rhythm, not the calendar's.
 */
export function frequency(schedule: Schedule): Frequency {
  switch (schedule.kind) {
    case 'daily':
      return { numerator: 1, denominator: 1 };
    case 'weekdays':
      return { numerator: new Set(schedule.days).size, denominator: 7 };
    case 'times_per_week':
      return { numerator: schedule.times, denominator: 7 };
    case 'times_per_month':
      return { numerator: schedule.times, denominator: 30 };
    case 'every_n_days':
      return { numerator: 1, denominator: schedule.interval };
    case 'times_in_days':
      return { numerator: schedule.times, denominator: schedule.days };
  }
}

export function checksPerDay(schedule: Schedule): number {
  const { numerator, denominator } = frequency(schedule);
  return numerator / denominator;
}

/**
 * What a schedule asks, as data for a user interface to phrase in its language (the web's
 * catalogs): named patterns first ("every day", Monday–Friday, the weekend), weekdays listed from
 * the user's week start, counts as numbers.
 */
export type ScheduleDescription =
  | { kind: 'every_day' }
  | { kind: 'workdays' }
  | { kind: 'weekends' }
  | { kind: 'one_weekday'; day: Weekday }
  | { kind: 'weekdays'; days: Weekday[] }
  | { kind: 'per_week'; times: number }
  | { kind: 'per_month'; times: number }
  | { kind: 'in_days'; times: number; days: number }
  | { kind: 'every_n_days'; interval: number };

export function scheduleDescription(
  schedule: Schedule,
  weekStart: Weekday = 1,
): ScheduleDescription {
  switch (schedule.kind) {
    case 'daily':
      return { kind: 'every_day' };
    case 'weekdays': {
      const days = [...new Set(schedule.days)].sort(
        (a, b) => ((a - weekStart + 7) % 7) - ((b - weekStart + 7) % 7),
      );
      const key = [...days].sort().join('');
      if (key === '1234567') return { kind: 'every_day' };
      if (key === '12345') return { kind: 'workdays' };
      if (key === '67') return { kind: 'weekends' };
      if (days.length === 1) return { kind: 'one_weekday', day: days[0]! };
      return { kind: 'weekdays', days };
    }
    case 'times_per_week':
      return { kind: 'per_week', times: schedule.times };
    case 'times_per_month':
      return { kind: 'per_month', times: schedule.times };
    case 'times_in_days':
      return { kind: 'in_days', times: schedule.times, days: schedule.days };
    case 'every_n_days':
      return schedule.interval === 1
        ? { kind: 'every_day' }
        : { kind: 'every_n_days', interval: schedule.interval };
  }
}

const SHORT_DAY = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const LONG_DAY = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

function timesA(times: number, period: string): string {
  if (times === 1) return `Once ${period}`;
  if (times === 2) return `Twice ${period}`;
  return `${times} times ${period}`;
}

/**
 * A plain-English summary (exports, imports' comparisons; the web app phrases
 * `scheduleDescription` in the user's language): "Every day", "Mon, Wed, Fri", "3 times a
 * week", "Once a month", "Every 3 days", "3 times in any 10 days".
 */
export function describeSchedule(schedule: Schedule, weekStart: Weekday = 1): string {
  const d = scheduleDescription(schedule, weekStart);
  switch (d.kind) {
    case 'every_day':
      return 'Every day';
    case 'workdays':
      return 'Weekdays';
    case 'weekends':
      return 'Weekends';
    case 'one_weekday':
      return `Every ${LONG_DAY[d.day - 1]}`;
    case 'weekdays':
      return d.days.map((day) => SHORT_DAY[day - 1]).join(', ');
    case 'per_week':
      return timesA(d.times, 'a week');
    case 'per_month':
      return timesA(d.times, 'a month');
    case 'in_days':
      return timesA(d.times, `in any ${d.days} days`);
    case 'every_n_days':
      return d.interval === 2 ? 'Every other day' : `Every ${d.interval} days`;
  }
}
