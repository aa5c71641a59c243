/**
 * Whether one check-in meets a habit's measure, and how much of it was done.
 *
 * A missing check-in ("none") and a skip are never met and complete 0: skips are excused by the
 * callers (streaks and scores), which is where the meaning of "excused" differs.
 */
import type { Checkin, Measure } from './types';

/**
 * A numeric 'done' without a value counts as 0: it never meets an at-least target and always
 * meets an at-most limit ("done" on "at most 2 coffees" reads as "I stayed within it").
 */
function amount(checkin: Checkin): number {
  const value = checkin.value;
  return value !== null && value > 0 ? value : 0;
}

export function isMet(measure: Measure, checkin: Checkin | null | undefined): boolean {
  if (checkin?.state !== 'done') return false;
  if (measure.kind === 'boolean') return true;
  const value = amount(checkin);
  return measure.direction === 'at_least' ? value >= measure.target : value <= measure.target;
}

/**
 * 0–1, what the score counts for one day. At-least habits earn partial credit (3 of 5 km is
 * 0.6); at-most habits are all or nothing, because "a little over the limit" is still over it
 * and a proportional penalty would need an arbitrary ceiling.
 */
export function completionFraction(measure: Measure, checkin: Checkin | null | undefined): number {
  if (checkin?.state !== 'done') return 0;
  if (measure.kind === 'boolean') return 1;
  const value = amount(checkin);
  if (measure.direction === 'at_most') return value <= measure.target ? 1 : 0;
  return value >= measure.target ? 1 : value / measure.target;
}
