/**
 * "N times in any M days" (schedule kind `times_in_days`): which days a rolling window keeps,
 * after Loop Habit Tracker's "X times in Y days" (github.com/iSoron/uhabits, uhabits-core
 * EntryList.kt: buildIntervals, snapIntervalsTogether, buildEntriesFromInterval; unchanged from
 * 2.0 to 2.3.1). In Loop's words a kept day is YES_AUTO or YES_MANUAL.
 *
 * 1. Windows. Take the met days newest first. Every run of N consecutive met days (in that order)
 *    that fits in M days — newest minus oldest < M — opens a window of M days starting on its
 *    oldest day; the run's newest day is the window's centre.
 * 2. Sliding. Walking from the newest window to the oldest, a window that overlaps the (already
 *    moved) newer one slides back by min(end − centre, overlap + 1) days: it still holds its own
 *    run, and the two join up. This can keep days before a run's first check-in.
 * 3. Kept days: every day inside a window, and every met day.
 *
 * One difference from Loop, on purpose: the days are clipped to the habit's first check-in — a
 * window that slides back past it does not keep days the habit had not begun (Loop would mark
 * them done automatically). Loop's month tweak (a window of 30 or 31 days is as long as the month
 * it starts in) is not copied either: Loop's "X times a month" becomes `times_per_month`.
 *
 * The rest of the kind (due days, progress, streaks) is in schedule.ts and streaks.ts; the score
 * needs nothing special (frequency N/M, as for every kind).
 * docs/decisions/0015-rolling-windows-and-more-importers.md has the reasons.
 */
import type { DayNumber } from './calendar';

/**
 * Marks the kept days from `from` to `to` (inclusive) in a new array, `kept[d − from]` = 1.
 * `met` holds the met day numbers in ascending order, without repeats.
 */
export function keptDays(
  met: ArrayLike<DayNumber>,
  times: number,
  days: number,
  from: DayNumber,
  to: DayNumber,
): Uint8Array {
  const span = Math.max(0, to - from + 1);
  const kept = new Uint8Array(span);
  if (span === 0) return kept;
  // +1 where a window begins, −1 after it ends: one pass marks every window, however many
  // overlap.
  const edges = new Int32Array(span + 1);
  const mark = (begin: DayNumber, end: DayNumber) => {
    const a = Math.max(begin, from);
    const b = Math.min(end, to);
    if (a > b) return;
    edges[a - from]!++;
    edges[b - from + 1]!--;
  };

  // Runs from the newest (the run's oldest day at index j, its centre at j + times − 1), so each
  // window is compared with the newer one already slid.
  let nextBegin = Number.POSITIVE_INFINITY;
  for (let j = met.length - times; j >= 0; j--) {
    const begin0 = met[j]!;
    const centre = met[j + times - 1]!;
    if (centre - begin0 >= days) continue;
    let begin = begin0;
    let end = begin0 + days - 1;
    const overlap = end - nextBegin;
    if (overlap >= 0) {
      const shift = Math.min(end - centre, overlap + 1);
      begin -= shift;
      end -= shift;
    }
    mark(begin, end);
    nextBegin = begin;
  }
  for (let i = 0; i < met.length; i++) mark(met[i]!, met[i]!);

  let open = 0;
  for (let i = 0; i < span; i++) {
    open += edges[i]!;
    if (open > 0) kept[i] = 1;
  }
  return kept;
}
