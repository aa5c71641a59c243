/**
 * Loop's frequency ("numerator times in denominator days") to our schedules. Loop's own editor
 * offers every day (1/1), n times a week (n/7), n times a month (n/30) and every n days (1/n);
 * older versions and imports from other apps can hold anything, which we approximate by rate and
 * say so in a warning rather than refusing the file.
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
    const daily: ScheduleDraft = { kind: 'daily' };
    return numerator === denominator
      ? { schedule: daily }
      : approximate(numerator, denominator, daily);
  }
  if (denominator === 7) return { schedule: { kind: 'times_per_week', times: numerator } };
  if (denominator === 30 || denominator === 31) {
    return { schedule: { kind: 'times_per_month', times: numerator } };
  }
  if (numerator === 1) {
    // 1/1 is daily (above): an interval here is at least 2.
    const interval = clamp(denominator, { min: 2, max: SCHEDULE_LIMITS.everyNDays.max });
    const schedule: ScheduleDraft = { kind: 'every_n_days', interval };
    return interval === denominator ? { schedule } : approximate(numerator, denominator, schedule);
  }
  // The same rate over the nearest period we have: weeks for short windows, months for long.
  const perDay = numerator / denominator;
  if (denominator < 28) {
    const times = clamp(Math.round(perDay * 7), SCHEDULE_LIMITS.timesPerWeek);
    return approximate(
      numerator,
      denominator,
      times === 7 ? { kind: 'daily' } : { kind: 'times_per_week', times },
    );
  }
  const times = clamp(Math.round(perDay * 30), SCHEDULE_LIMITS.timesPerMonth);
  return approximate(numerator, denominator, { kind: 'times_per_month', times });
}
