/**
 * When a reminder fires: a local time on a user's day, turned into an instant in their time zone.
 *
 * A reminder belongs to a *habit day* (a LocalDate, as check-ins do), not to a wall-clock date:
 * with the day starting at 03:00, a reminder at 01:00 is the last call of the day that is ending,
 * so it fires at 01:00 on the next wall-clock date. Weekdays and due days are those of the habit
 * day — the bug class behind Loop's "reminder on the wrong weekday" reports is exactly mixing the
 * two.
 *
 * DST rules (Temporal, never hand-written offsets):
 * - a local time that does not exist that day (the clock jumps over it) fires at the first valid
 *   instant after it: the moment of the jump (02:30 on a US spring-forward day fires at 03:00 EDT;
 *   Lord Howe's 02:15 on its half-hour spring-forward fires at 02:30);
 * - a local time that happens twice (the clock is set back) fires once, at its first occurrence.
 */
import { Temporal } from 'temporal-polyfill';
import { addDays, weekdayOf } from './calendar';
import { type DayBoundary, localDateOf } from './local-date';
import type { LocalDate, Weekday } from './types';

/** `HH:MM`, 00:00–23:59, on the user's wall clock. */
export type LocalTime = string;

export interface ReminderRule {
  time: LocalTime;
  /**
   * The habit days' weekdays on which to remind; null means "the habit's due days" — the
   * weekday filter then lets every day through and the caller checks due-ness on the day.
   */
  days: readonly Weekday[] | null;
}

export interface ReminderOccurrence {
  /** The habit day the reminder is for. */
  date: LocalDate;
  /** When it fires, epoch milliseconds. */
  at: number;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isValidLocalTime(s: string): boolean {
  return TIME.test(s);
}

/** Minutes since midnight of an `HH:MM`. */
export function minutesOfTime(time: LocalTime): number {
  const match = TIME.exec(time);
  if (!match) throw new RangeError(`not a local time HH:MM: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The wall-clock date a reminder of habit day `date` falls on: the next one before the day starts. */
export function wallDateOfReminder(
  date: LocalDate,
  time: LocalTime,
  dayStartHour: number,
): LocalDate {
  return minutesOfTime(time) < dayStartHour * 60 ? addDays(date, 1) : date;
}

/**
 * The instant (epoch ms) a reminder at `time` on habit day `date` fires, by the DST rules above.
 */
export function reminderInstant(date: LocalDate, time: LocalTime, settings: DayBoundary): number {
  const minutes = minutesOfTime(time);
  const wall = Temporal.PlainDate.from(wallDateOfReminder(date, time, settings.dayStartHour));
  const local = wall.toPlainDateTime(
    new Temporal.PlainTime(Math.floor(minutes / 60), minutes % 60),
  );
  // 'earlier' is the first of a repeated time, and for a skipped one an instant before the jump.
  const earlier = local.toZonedDateTime(settings.timeZone, { disambiguation: 'earlier' });
  if (Temporal.PlainDateTime.compare(earlier.toPlainDateTime(), local) === 0) {
    return earlier.epochMilliseconds;
  }
  // Skipped: the first valid instant after it is the transition itself.
  const jump = earlier.getTimeZoneTransition('next');
  if (!jump) throw new Error(`no transition after ${earlier.toString()}`); // cannot happen
  return jump.epochMilliseconds;
}

function weekdayAllowed(rule: ReminderRule, date: LocalDate): boolean {
  return rule.days === null || rule.days.includes(weekdayOf(date));
}

/**
 * The first occurrence of `rule` that fires strictly after `afterMs` and, when given, is for a
 * habit day after `afterDate` (the last day it fired for, so a day never fires twice — not even
 * when the user moves west and the same local time comes round again).
 *
 * Null only for a rule with no weekday at all (callers refuse those). Looks at most 9 days ahead:
 * any weekday comes round within 7, and the day-start shift adds one.
 */
export function nextReminderOccurrence(
  rule: ReminderRule,
  settings: DayBoundary,
  afterMs: number,
  afterDate: LocalDate | null = null,
): ReminderOccurrence | null {
  // The habit day of `afterMs` minus one: a reminder before the day start of yesterday's habit
  // day may still be ahead (it fires on today's wall-clock date).
  let date = addDays(localDateOf(afterMs, settings), -1);
  if (afterDate !== null && date <= afterDate) date = addDays(afterDate, 1);
  for (let i = 0; i < 10; i++, date = addDays(date, 1)) {
    if (!weekdayAllowed(rule, date)) continue;
    const at = reminderInstant(date, rule.time, settings);
    if (at > afterMs) return { date, at };
  }
  return null;
}

/** Habit days of `rule`'s occurrences firing in `(fromMs, toMs]`, in order (tests, previews). */
export function reminderOccurrencesBetween(
  rule: ReminderRule,
  settings: DayBoundary,
  fromMs: number,
  toMs: number,
): ReminderOccurrence[] {
  const found: ReminderOccurrence[] = [];
  let after = fromMs;
  let afterDate: LocalDate | null = null;
  for (;;) {
    const next = nextReminderOccurrence(rule, settings, after, afterDate);
    if (!next || next.at > toMs) return found;
    found.push(next);
    after = next.at;
    afterDate = next.date;
  }
}
