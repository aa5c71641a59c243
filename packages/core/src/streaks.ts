/**
 * Streaks, over a habit's whole history.
 *
 * Day-based schedules (daily, weekdays, every_n_days) count due days, unit 'days':
 * - a due day whose check-in is met adds 1;
 * - a due day that was skipped neither adds nor breaks (an excused absence);
 * - any other due day (no check-in, or a numeric value short of the target) breaks;
 * - days that are not due are ignored, even if they have a check-in: an extra run on a rest day
 *   does not lengthen the streak, and resting on it does not break it;
 * - today, when due and not yet met, neither adds nor breaks: the day is not over.
 *
 * Period schedules (times_per_week → 'weeks', times_per_month → 'months') count periods:
 * - met check-ins ≥ target adds 1 (target = times, capped at the month's length);
 * - met < target but met + skipped ≥ target is excused: neither adds nor breaks;
 * - otherwise the period breaks, including a period with no check-ins at all;
 * - the current period adds 1 once met and otherwise waits: it is not over.
 *
 * `best` is the longest run ever and `current` the run that reaches today, so best ≥ current.
 * Walking starts at the earliest check-in: days before it could only break a run of zero.
 * See docs/decisions/0004-streak-and-score-definitions.md.
 *
 * The server computes this on every Today read for every habit, with up to thousands of
 * check-ins each, so the walk runs over day numbers and typed arrays, not Temporal objects.
 */
import {
  daysInMonth,
  monthIndexOf,
  toDayNumber,
  weekdayOfDayNumber,
  weekIndexOfDayNumber,
} from './calendar';
import { isMet } from './measure';
import type { DaySchedule, PeriodSchedule } from './schedule';
import type { Checkin, LocalDate, Measure, Schedule, Streaks, Weekday } from './types';

export interface StreakInput {
  schedule: Schedule;
  measure: Measure;
  /** Any order, at most one per date. Check-ins after `today` are ignored. */
  checkins: readonly Checkin[];
  today: LocalDate;
  weekStart: Weekday;
}

export function computeStreaks(input: StreakInput): Streaks {
  const { schedule } = input;
  if (schedule.kind === 'times_per_week' || schedule.kind === 'times_per_month') {
    return periodStreaks(input, schedule);
  }
  return dayStreaks(input, schedule);
}

const NONE = 0;
const MET = 1;
const SKIPPED = 2;

function dayStreaks(input: StreakInput, schedule: DaySchedule): Streaks {
  const { checkins, measure } = input;
  const today = toDayNumber(input.today);

  const dayNumbers = new Int32Array(checkins.length);
  let first = today + 1;
  for (let i = 0; i < checkins.length; i++) {
    const d = toDayNumber(checkins[i]!.date);
    dayNumbers[i] = d;
    if (d < first) first = d;
  }
  if (first > today) return { current: 0, best: 0, unit: 'days' };

  // One slot per day from the first check-in to today: O(1) lookups, no hashing.
  const length = today - first + 1;
  const states = new Uint8Array(length);
  for (let i = 0; i < checkins.length; i++) {
    const d = dayNumbers[i]!;
    if (d > today) continue;
    const checkin = checkins[i]!;
    states[d - first] =
      checkin.state === 'skipped' ? SKIPPED : isMet(measure, checkin) ? MET : NONE;
  }

  // Which offsets are due: every day, some weekdays (bit w of the mask), or every n-th day.
  let from = 0;
  let step = 1;
  const everyDay = schedule.kind !== 'weekdays';
  let weekdayMask = 0;
  if (schedule.kind === 'weekdays') {
    for (const day of schedule.days) weekdayMask |= 1 << day;
  } else if (schedule.kind === 'every_n_days') {
    const start = toDayNumber(schedule.startDate);
    step = schedule.interval;
    from = first <= start ? start - first : (step - ((first - start) % step)) % step;
  }

  let run = 0;
  let best = 0;
  const last = length - 1;
  for (let offset = from; offset <= last; offset += step) {
    if (!everyDay && (weekdayMask & (1 << weekdayOfDayNumber(first + offset))) === 0) {
      continue;
    }
    const state = states[offset];
    if (state === MET) {
      run++;
      if (run > best) best = run;
    } else if (state !== SKIPPED && offset !== last) {
      run = 0;
    }
  }
  return { current: run, best, unit: 'days' };
}

function periodStreaks(input: StreakInput, schedule: PeriodSchedule): Streaks {
  const { checkins, measure, weekStart } = input;
  const monthly = schedule.kind === 'times_per_month';
  const unit = monthly ? 'months' : 'weeks';
  const today = toDayNumber(input.today);
  // Consecutive periods have consecutive indexes, so they can be array offsets.
  const current = monthly ? monthIndexOf(input.today) : weekIndexOfDayNumber(today, weekStart);

  const indexes = new Int32Array(checkins.length);
  let first = current + 1;
  for (let i = 0; i < checkins.length; i++) {
    const date = checkins[i]!.date;
    const day = toDayNumber(date);
    // Check-ins after today get an index past `current` and are skipped below.
    const index =
      day > today
        ? current + 1
        : monthly
          ? monthIndexOf(date)
          : weekIndexOfDayNumber(day, weekStart);
    indexes[i] = index;
    if (index < first) first = index;
  }
  if (first > current) return { current: 0, best: 0, unit };

  const length = current - first + 1;
  const met = new Uint16Array(length);
  const skipped = new Uint16Array(length);
  for (let i = 0; i < checkins.length; i++) {
    const slot = indexes[i]! - first;
    if (slot >= length) continue;
    const checkin = checkins[i]!;
    if (checkin.state === 'skipped') skipped[slot]!++;
    else if (isMet(measure, checkin)) met[slot]!++;
  }

  let run = 0;
  let best = 0;
  for (let slot = 0; slot < length; slot++) {
    const index = first + slot;
    const target = monthly
      ? Math.min(schedule.times, daysInMonth(Math.floor(index / 12), (index % 12) + 1))
      : Math.min(schedule.times, 7);
    const done = met[slot]!;
    if (done >= target) {
      run++;
      if (run > best) best = run;
    } else if (slot !== length - 1 && done + skipped[slot]! < target) {
      run = 0;
    }
  }
  return { current: run, best, unit };
}
