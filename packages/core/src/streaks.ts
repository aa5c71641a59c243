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

  // One slot per day, counted back from today (slot 0): O(1) lookups, no hashing, one pass.
  // The buffer grows when a check-in lies further back than it reaches.
  let states = new Uint8Array(Math.max(64, checkins.length * 2));
  let back = -1; // the furthest slot used
  for (let i = 0; i < checkins.length; i++) {
    const checkin = checkins[i]!;
    const slot = today - toDayNumber(checkin.date);
    if (slot < 0) continue;
    if (slot >= states.length) {
      const grown = new Uint8Array(Math.max(slot + 1, states.length * 2));
      grown.set(states);
      states = grown;
    }
    if (slot > back) back = slot;
    states[slot] = checkin.state === 'skipped' ? SKIPPED : isMet(measure, checkin) ? MET : NONE;
  }
  if (back < 0) return { current: 0, best: 0, unit: 'days' };
  const first = today - back;

  // Which days are due: every day, some weekdays (bit w of the mask), or every n-th day from
  // the first due one (`from` days after the first check-in).
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
  for (let day = first + from; day <= today; day += step) {
    if (!everyDay && (weekdayMask & (1 << weekdayOfDayNumber(day))) === 0) continue;
    const state = states[today - day];
    if (state === MET) {
      run++;
      if (run > best) best = run;
    } else if (state !== SKIPPED && day !== today) {
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
  // Consecutive periods have consecutive indexes; slots count back from the current one (0).
  const current = monthly ? monthIndexOf(input.today) : weekIndexOfDayNumber(today, weekStart);

  let met = new Uint16Array(64);
  let skipped = new Uint16Array(64);
  let back = -1; // the furthest slot used
  for (let i = 0; i < checkins.length; i++) {
    const checkin = checkins[i]!;
    const day = toDayNumber(checkin.date);
    if (day > today) continue;
    const slot =
      current - (monthly ? monthIndexOf(checkin.date) : weekIndexOfDayNumber(day, weekStart));
    if (slot >= met.length) {
      met = grown(met, slot);
      skipped = grown(skipped, slot);
    }
    if (slot > back) back = slot;
    if (checkin.state === 'skipped') skipped[slot]!++;
    else if (isMet(measure, checkin)) met[slot]!++;
  }

  let run = 0;
  let best = 0;
  for (let slot = back; slot >= 0; slot--) {
    const index = current - slot;
    const target = monthly
      ? Math.min(schedule.times, daysInMonth(Math.floor(index / 12), (index % 12) + 1))
      : Math.min(schedule.times, 7);
    const done = met[slot]!;
    if (done >= target) {
      run++;
      if (run > best) best = run;
    } else if (slot !== 0 && done + skipped[slot]! < target) {
      run = 0;
    }
  }
  return { current: run, best, unit };
}

/** A copy of `array` long enough to hold index `slot`. */
function grown(array: Uint16Array<ArrayBuffer>, slot: number): Uint16Array<ArrayBuffer> {
  const copy = new Uint16Array(Math.max(slot + 1, array.length * 2));
  copy.set(array);
  return copy;
}
