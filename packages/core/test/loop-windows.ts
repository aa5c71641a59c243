/**
 * Loop Habit Tracker's "X times in Y days", written out plainly with Temporal dates and lists in
 * the order Loop keeps them (newest first), step by step as uhabits-core's EntryList.kt does it
 * (buildIntervals, snapIntervalsTogether, buildEntriesFromInterval — read, not copied). The
 * fast code in src/rolling-window.ts and src/streaks.ts is checked against this.
 */
import { Temporal } from 'temporal-polyfill';

type PlainDate = Temporal.PlainDate;
const P = (s: string) => Temporal.PlainDate.from(s);
const daysUntil = (a: PlainDate, b: PlainDate) => a.until(b, { largestUnit: 'days' }).days;

export interface LoopInterval {
  begin: PlainDate;
  center: PlainDate;
  end: PlainDate;
}

/** Step 1: a window for every run of `times` consecutive met days that fits in `days` days. */
export function loopIntervals(met: readonly string[], times: number, days: number): LoopInterval[] {
  const newestFirst = [...new Set(met)].sort().reverse().map(P);
  const intervals: LoopInterval[] = [];
  for (let i = times - 1; i < newestFirst.length; i++) {
    const begin = newestFirst[i]!;
    const center = newestFirst[i - times + 1]!;
    if (daysUntil(begin, center) < days) {
      intervals.push({ begin, center, end: begin.add({ days: days - 1 }) });
    }
  }
  return intervals;
}

/** Step 2: from the second newest on, slide each window back against the newer one. */
export function snapTogether(intervals: LoopInterval[]): LoopInterval[] {
  const out = intervals.map((i) => ({ ...i }));
  for (let i = 1; i < out.length; i++) {
    const curr = out[i]!;
    const next = out[i - 1]!;
    const gap = daysUntil(next.begin, curr.end);
    if (gap >= 0) {
      const shift = Math.min(daysUntil(curr.center, curr.end), gap + 1);
      out[i] = {
        begin: curr.begin.subtract({ days: shift }),
        center: curr.center,
        end: curr.end.subtract({ days: shift }),
      };
    }
  }
  return out;
}

function union(intervals: LoopInterval[], met: readonly string[]): Set<string> {
  const kept = new Set(met);
  for (const { begin, end } of intervals) {
    for (let d = begin; Temporal.PlainDate.compare(d, end) <= 0; d = d.add({ days: 1 })) {
      kept.add(d.toString());
    }
  }
  return kept;
}

/** Step 3, reduced to what it decides: the days Loop shows as done (YES_MANUAL or YES_AUTO). */
export function loopKept(met: readonly string[], times: number, days: number): Set<string> {
  return union(snapTogether(loopIntervals(met, times, days)), met);
}

/** Only the days inside (slid) windows, without the met days outside every window. */
export function loopWindowDays(met: readonly string[], times: number, days: number): Set<string> {
  return union(snapTogether(loopIntervals(met, times, days)), []);
}

/** The same without step 2: the plain union of the windows. */
export function unslidKept(met: readonly string[], times: number, days: number): Set<string> {
  return union(loopIntervals(met, times, days), met);
}
