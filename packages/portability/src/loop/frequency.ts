/**
 * Loop's frequency ("numerator times in denominator days") to our schedules. Loop's editor
 * offers every day (1/1), every n days (1/n), n times a week (n/7), n times a month (n/30) and
 * n times in m days (n/m); the first four keep the names the user picked, the last becomes our
 * rolling window "n times in any m days", which counts days exactly as Loop does
 * (core's rolling-window.ts). Only what no schedule here can hold is approximated, with a
 * warning, rather than refused.
 */
import type { Schedule } from '@habit-tracker/core';
import { SCHEDULE_LIMITS } from '@habit-tracker/vocabulary';

/** A schedule without the anchor every_n_days needs; the habit's start date supplies it. */
export type ScheduleDraft =
  | Exclude<Schedule, { kind: 'every_n_days' }>
  | { kind: 'every_n_days'; interval: number };

export interface FrequencyMapping {
  schedule: ScheduleDraft;
  /** Set when the schedule only approximates Loop's frequency. */
  approximation?: string;
}

const clamp = (n: number, { min, max }: { min: number; max: number }) =>
  Math.min(max, Math.max(min, n));
const WINDOW = SCHEDULE_LIMITS.timesInDays;

function approximate(
  numerator: number,
  denominator: number,
  schedule: ScheduleDraft,
): FrequencyMapping {
  return {
    schedule,
    approximation: `Loop's frequency ${numerator} time${numerator === 1 ? '' : 's'} in ${denominator} day${denominator === 1 ? '' : 's'} has no exact equivalent`,
  };
}

/** Numerator and denominator must be positive integers (the caller checks). */
export function scheduleFromLoopFrequency(
  numerator: number,
  denominator: number,
): FrequencyMapping {
  if (numerator >= denominator) {
    // Loop itself saves anything with numerator ≥ denominator as every day.
    const daily: ScheduleDraft = { kind: 'daily' };
    return numerator === denominator
      ? { schedule: daily }
      : approximate(numerator, denominator, daily);
  }
  if (denominator === 7) return { schedule: { kind: 'times_per_week', times: numerator } };
  // Loop treats 31 like 30: both are "a month".
  if (denominator === 30 || denominator === 31) {
    return { schedule: { kind: 'times_per_month', times: numerator } };
  }
  if (numerator === 1) {
    // 1/1 is daily (above): an interval here is at least 2.
    const interval = clamp(denominator, { min: 2, max: SCHEDULE_LIMITS.everyNDays.max });
    const schedule: ScheduleDraft = { kind: 'every_n_days', interval };
    return interval === denominator ? { schedule } : approximate(numerator, denominator, schedule);
  }
  if (denominator <= WINDOW.days.max) {
    return { schedule: { kind: 'times_in_days', times: numerator, days: denominator } };
  }
  // A window longer than a year: the same rate over the longest window.
  const longest = WINDOW.days.max;
  const times = clamp(Math.round((numerator * longest) / denominator), { min: 1, max: longest });
  return approximate(
    numerator,
    denominator,
    times === longest ? { kind: 'daily' } : { kind: 'times_in_days', times, days: longest },
  );
}
