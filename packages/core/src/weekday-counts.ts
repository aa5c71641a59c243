/**
 * The habit detail screen's "which days do I actually do it" chart.
 */
import { weekdayOf } from './calendar';
import { implicitZeroDays } from './day-status';
import { isMet } from './measure';
import type { Checkin, LocalDate, Measure } from './types';

/**
 * Met days from `from` to `to` (inclusive) per ISO weekday: index 0 is Monday. An at-most
 * habit's empty days before `today`, from its start, count as met (day-status.ts).
 */
export function weekdayCounts(
  measure: Measure,
  checkins: readonly Checkin[],
  from: LocalDate,
  to: LocalDate,
  habit: { startDate: LocalDate; today: LocalDate },
): number[] {
  const counts = [0, 0, 0, 0, 0, 0, 0];
  for (const checkin of checkins) {
    if (checkin.date < from || checkin.date > to || !isMet(measure, checkin)) continue;
    counts[weekdayOf(checkin.date) - 1]!++;
  }
  for (const date of implicitZeroDays(measure, checkins, { from, to, ...habit })) {
    counts[weekdayOf(date) - 1]!++;
  }
  return counts;
}
