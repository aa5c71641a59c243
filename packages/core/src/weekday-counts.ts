/**
 * The habit detail screen's "which days do I actually do it" chart.
 */
import { weekdayOf } from './calendar';
import { isMet } from './measure';
import type { Checkin, LocalDate, Measure } from './types';

/** Met check-ins from `from` to `to` (inclusive) per ISO weekday: index 0 is Monday. */
export function weekdayCounts(
  measure: Measure,
  checkins: readonly Checkin[],
  from: LocalDate,
  to: LocalDate,
): number[] {
  const counts = [0, 0, 0, 0, 0, 0, 0];
  for (const checkin of checkins) {
    if (checkin.date < from || checkin.date > to || !isMet(measure, checkin)) continue;
    counts[weekdayOf(checkin.date) - 1]!++;
  }
  return counts;
}
