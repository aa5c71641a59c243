/**
 * What one day of one habit looks like to its user, and Loop Habit Tracker's rule for "at most"
 * habits: a day that is over with no entry counts as 0, which is within the limit.
 *
 * Five states, drawn the same way wherever a day is (the Today grid, the calendar, the history):
 * - met: done (yes/no), the target reached (at least), or within the limit (at most);
 * - partly: an amount above 0 but below an at-least target (3 of 5 km);
 * - over: an amount above an at-most limit (3 cups against "at most 2");
 * - skipped: excused;
 * - none: nothing recorded (or an at-least amount of 0), and for at-most habits only today
 *   or a day before the habit started: an empty past day of an at-most habit is met.
 *
 * See docs/decisions/0016-numeric-day-states.md.
 */
import { addDays, fromDayNumber, toDayNumber } from './calendar';
import { isMet } from './measure';
import type { Checkin, LocalDate, Measure } from './types';

export type DayStatus = 'met' | 'partly' | 'over' | 'skipped' | 'none';

/** At-most habits count an empty day that is over as 0: within the limit (Loop's rule). */
export function countsEmptyDaysAsZero(measure: Measure): boolean {
  return measure.kind === 'numeric' && measure.direction === 'at_most';
}

export interface DayContext {
  /** The user's today: the day that is not over yet. */
  today: LocalDate;
  /** The habit's start (its startDate, or its first check-in if earlier). */
  startDate: LocalDate;
}

export function dayStatus(
  measure: Measure,
  checkin: Checkin | null | undefined,
  date: LocalDate,
  context: DayContext,
): DayStatus {
  // A day with only a note is an empty day (its note is shown, not counted).
  if (!checkin || checkin.state === 'note') {
    const implicitZero =
      countsEmptyDaysAsZero(measure) && date < context.today && date >= context.startDate;
    return implicitZero ? 'met' : 'none';
  }
  if (checkin.state === 'skipped') return 'skipped';
  if (isMet(measure, checkin)) return 'met';
  if (measure.kind !== 'numeric') return 'none';
  if (measure.direction === 'at_most') return 'over';
  return (checkin.value ?? 0) > 0 ? 'partly' : 'none';
}

/**
 * `checkins` plus, for at-most habits, a `done` with value 0 on every day from `from` to the day
 * before `today` that has no check-in: the rest of the core (streaks, scores, periods) then
 * applies the rule without knowing it. Other measures get `checkins` back unchanged.
 * The result is in date order when `checkins` is.
 */
export function withImplicitZeros(
  measure: Measure,
  checkins: readonly Checkin[],
  from: LocalDate,
  today: LocalDate,
): readonly Checkin[] {
  if (!countsEmptyDaysAsZero(measure)) return checkins;
  const first = toDayNumber(from);
  const last = toDayNumber(today) - 1;
  if (first > last) return checkins;
  // The callers' histories come sorted from the database; the rest are small.
  const sorted = isSorted(checkins) ? checkins : [...checkins].sort(byDate);
  const all: Checkin[] = [];
  let i = 0;
  for (let day = first; day <= last; day++) {
    let recorded = false;
    while (i < sorted.length) {
      const at = toDayNumber(sorted[i]!.date);
      if (at > day) break;
      // A day with only a note is an empty day: its implicit 0 stands in for it (nothing that
      // reads this history counts a note).
      if (at === day && sorted[i]!.state === 'note') {
        i++;
        continue;
      }
      if (at === day) recorded = true;
      all.push(sorted[i++]!);
    }
    if (!recorded) all.push({ date: fromDayNumber(day), state: 'done', value: 0 });
  }
  while (i < sorted.length) all.push(sorted[i++]!);
  return all;
}

const byDate = (a: Checkin, b: Checkin) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

function isSorted(checkins: readonly Checkin[]): boolean {
  for (let i = 1; i < checkins.length; i++) {
    if (checkins[i - 1]!.date > checkins[i]!.date) return false;
  }
  return true;
}

/** Days of an at-most habit that count as 0 in `from..to` (both inclusive) before `today`. */
export function implicitZeroDays(
  measure: Measure,
  checkins: readonly Checkin[],
  range: { from: LocalDate; to: LocalDate; startDate: LocalDate; today: LocalDate },
): LocalDate[] {
  if (!countsEmptyDaysAsZero(measure)) return [];
  const from = range.from > range.startDate ? range.from : range.startDate;
  const yesterday = addDays(range.today, -1);
  const to = range.to < yesterday ? range.to : yesterday;
  if (from > to) return [];
  const recorded = new Set<string>();
  for (const c of checkins) {
    // A day with only a note is an empty day.
    if (c.date >= from && c.date <= to && c.state !== 'note') recorded.add(c.date);
  }
  const days: LocalDate[] = [];
  for (let day = toDayNumber(from), end = toDayNumber(to); day <= end; day++) {
    const date = fromDayNumber(day);
    if (!recorded.has(date)) days.push(date);
  }
  return days;
}
