/**
 * From instants to the user's calendar dates, and validation of the strings that name them.
 *
 * A user's day begins at `dayStartHour` on their wall clock ("my day starts at 3 am"), so a
 * check-in at 01:30 belongs to yesterday. Time-zone rules come from Temporal (the polyfill
 * bundles no tz data; it reads the platform's ICU), never from hand-written offsets.
 */
import { Temporal } from 'temporal-polyfill';
import { daysInMonth } from './calendar';
import type { CalendarSettings, LocalDate } from './types';

export type DayBoundary = Pick<CalendarSettings, 'timeZone' | 'dayStartHour'>;

/**
 * The calendar date that `instant` belongs to for a user in `timeZone` whose day begins at
 * `dayStartHour` local wall-clock time.
 *
 * Rule: take the wall-clock date-time in the zone; if its hour is before `dayStartHour`, the
 * moment belongs to the previous date. Comparing wall-clock hours (rather than computing "the
 * instant the day starts") makes both DST cases fall out naturally:
 * - the start hour is skipped (spring forward 02:00→03:00, dayStartHour 2): the day begins at
 *   the first moment whose hour is ≥ 2, i.e. 03:00 — no date is skipped;
 * - the start hour repeats (fall back 02:00→01:00, dayStartHour 1): the day began at the first
 *   01:00 and the repeated 01:00 stays on the same date — no date happens twice.
 *
 * One exception keeps dates from going backwards: a fall-back that crosses the start hour at a
 * fractional offset (Pacific/Chatham sets 03:45 back to 02:45). With dayStartHour 3 the wall
 * clock reads 02:xx again after the day has begun; those moments stay on the day that began.
 */
export function localDateOf(instant: Date | number, settings: DayBoundary): LocalDate {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const zoned = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(settings.timeZone);
  const wallDate = zoned.toPlainDate();
  if (zoned.hour >= settings.dayStartHour) return wallDate.toString();
  // Usually "before the start hour" means yesterday. Only a clock set back across the start
  // hour can make the wall date's first start-hour moment lie in the past; 'compatible'
  // disambiguation picks the earlier of a repeated time, which is the moment the day began.
  const dayBegan = wallDate.toZonedDateTime({
    timeZone: settings.timeZone,
    plainTime: new Temporal.PlainTime(settings.dayStartHour),
  });
  if (dayBegan.epochMilliseconds <= ms) return wallDate.toString();
  return wallDate.subtract({ days: 1 }).toString();
}

/**
 * The first instant (epoch milliseconds) that `localDateOf` puts on `date`: when the user's day
 * `date` begins. The open web app moves to the next day at `startOfLocalDay(today + 1)`.
 *
 * The same rule as localDateOf, backwards: `dayStartHour`:00 on the date's wall clock; when that
 * time repeats (fall back) at its first occurrence, and when it is skipped (spring forward) at
 * the first moment after the gap — the transition itself. Temporal's 'compatible' answer for a
 * skipped time is the time pushed forward by the gap's length, which is the gap's end only when
 * the gap begins on the hour: Pacific/Chatham jumps 02:45 → 03:45, so 03:00 would become 04:00,
 * and 03:45–04:00 would belong to a day that had not begun (found by the property test).
 */
export function startOfLocalDay(date: LocalDate, settings: DayBoundary): number {
  const plainDate = Temporal.PlainDate.from(date);
  const plainTime = new Temporal.PlainTime(settings.dayStartHour);
  const wall = plainDate.toPlainDateTime(plainTime);
  const begins = wall.toZonedDateTime(settings.timeZone); // 'compatible'
  if (Temporal.PlainDateTime.compare(begins.toPlainDateTime(), wall) === 0) {
    return begins.epochMilliseconds;
  }
  // Skipped: the last moment before the gap is followed by the transition that opens it.
  const beforeGap = wall.toZonedDateTime(settings.timeZone, { disambiguation: 'earlier' });
  const transition = beforeGap.getTimeZoneTransition('next');
  return (transition ?? begins).epochMilliseconds;
}

/**
 * The canonical spelling of an IANA time zone name ('asia/kolkata' → 'Asia/Kolkata'), or null
 * when it is not one. UTC offsets ('+05:00') are refused: they have no DST rules, so a user who
 * picked one would silently drift by an hour twice a year.
 */
export function normalizeTimeZone(tz: string): string | null {
  if (!/^[A-Za-z]/.test(tz)) return null;
  try {
    return Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(tz).timeZoneId;
  } catch {
    return null;
  }
}

export function isValidTimeZone(tz: string): boolean {
  return normalizeTimeZone(tz) !== null;
}

/** The years the product accepts: the API stores dates from 1900 and nobody plans past 2999. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

/** Strict `YYYY-MM-DD` naming a real date (leap years included) in 1900–2999. */
export function isValidLocalDate(s: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return false;
  return day >= 1 && day <= daysInMonth(year, month);
}
