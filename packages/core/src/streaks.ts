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
 * A rolling window (times_in_days, "3 times in any 10 days") counts days, unit 'days', over the
 * days Loop Habit Tracker's windows keep (rolling-window.ts):
 * - a kept day (inside a window, or met) adds 1;
 * - a skipped day that is not kept neither adds nor breaks;
 * - any other day breaks, once no window can keep it any more: a day that a check-in on every day
 *   from today on would still put in a window (today itself, and days of a window still open)
 *   neither adds nor breaks yet. Loop marks such days "not done" until the window fills up.
 * A check-in can keep days before it, so this streak needs the whole history: it is never
 * resumed from a summary (see summary.ts).
 *
 * `best` is the longest run ever and `current` the run that reaches today, so best ≥ current.
 * Walking starts at the earliest check-in: days before it could only break a run of zero. Days
 * with only a note (state 'note') are not check-ins here.
 * At-most habits count an empty day that is over as 0, within the limit (Loop's rule), from the
 * habit's start date on: see day-status.ts and docs/decisions/0016-numeric-day-states.md.
 * See docs/decisions/0004-streak-and-score-definitions.md.
 *
 * The server computes this on every Today read for every habit, with up to thousands of
 * check-ins each, so the walk runs over day numbers and typed arrays, not Temporal objects.
 */
import {
  addDays,
  daysInMonth,
  fromDayNumber,
  monthIndexOf,
  toDayNumber,
  weekdayOfDayNumber,
  weekIndexOfDayNumber,
} from './calendar';
import { withImplicitZeros } from './day-status';
import { isMet } from './measure';
import { keptDays } from './rolling-window';
import type { DaySchedule, PeriodSchedule, WindowSchedule } from './schedule';
import type { Checkin, LocalDate, Measure, Schedule, Streaks, Weekday } from './types';

export interface StreakInput {
  schedule: Schedule;
  measure: Measure;
  /** Any order, at most one per date. Check-ins after `today` are ignored. */
  checkins: readonly Checkin[];
  /** The habit's start date: where an at-most habit's empty days begin to count as 0. */
  startDate: LocalDate;
  today: LocalDate;
  weekStart: Weekday;
  /**
   * Start from stored runs instead of the first check-in (see summary.ts): `through` is before
   * `today`; `checkins` need only reach back over the window before the day after it.
   */
  resume?: StreakResume;
}

/**
 * The runs at the end of `through`, as a past day. Period schedules count whole periods only:
 * the runs stop at the last period that ends on or before `through`.
 */
export interface StreakResume {
  through: LocalDate;
  run: number;
  best: number;
}

export function computeStreaks(input: StreakInput): Streaks {
  const { schedule, resume } = input;
  if (resume && toDayNumber(resume.through) >= toDayNumber(input.today)) {
    throw new RangeError(`streaks resumed from ${resume.through} need a later today`);
  }
  // Resumed, only the month before the day after `through` is read (the period holding it).
  // A rolling window is never resumed (a check-in can keep days before it): its whole history.
  const from =
    resume && schedule.kind !== 'times_in_days'
      ? later(input.startDate, addDays(resume.through, -30))
      : input.startDate;
  const full = {
    ...input,
    checkins: withImplicitZeros(input.measure, input.checkins, from, input.today),
  };
  if (schedule.kind === 'times_per_week' || schedule.kind === 'times_per_month') {
    return periodStreaks(full, schedule, false);
  }
  if (schedule.kind === 'times_in_days') return windowStreaks(full, schedule, false);
  return dayStreaks(full, schedule, false);
}

const later = (a: LocalDate, b: LocalDate) => (a > b ? a : b);

/** What a later `computeStreaks` resumes from: the runs at the end of `through`. */
export function streaksThrough(
  input: Omit<StreakInput, 'today' | 'resume'>,
  through: LocalDate,
): StreakResume {
  // Computed as of the next day with that day (or its period) left out: `through` is then a
  // past day, judged in full.
  const today = fromDayNumber(toDayNumber(through) + 1);
  const checkins = withImplicitZeros(input.measure, input.checkins, input.startDate, today);
  const next = { ...input, checkins, today };
  const { schedule } = input;
  const streaks =
    schedule.kind === 'times_per_week' || schedule.kind === 'times_per_month'
      ? periodStreaks(next, schedule, true)
      : schedule.kind === 'times_in_days'
        ? windowStreaks(next, schedule, true)
        : dayStreaks(next, schedule, true);
  return { through, run: streaks.current, best: streaks.best };
}

const NONE = 0;
const MET = 1;
const SKIPPED = 2;

/** `withoutToday`: stop before today (the summary of the day before). */
function dayStreaks(input: StreakInput, schedule: DaySchedule, withoutToday: boolean): Streaks {
  const { checkins, measure, resume } = input;
  const today = toDayNumber(input.today);
  const last = withoutToday ? today - 1 : today;

  // One slot per day, counted back from today (slot 0): O(1) lookups, no hashing, one pass.
  // The buffer grows when a check-in lies further back than it reaches.
  let states = new Uint8Array(Math.max(64, checkins.length * 2));
  let back = -1; // the furthest slot used
  for (let i = 0; i < checkins.length; i++) {
    const checkin = checkins[i]!;
    if (checkin.state === 'note') continue;
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
  // Resumed, the walk starts the day after `through` whatever lies before it.
  if (resume) {
    back = today - toDayNumber(resume.through) - 1;
    if (back >= states.length) {
      const grown = new Uint8Array(back + 1);
      grown.set(states);
      states = grown;
    }
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

  let run = resume?.run ?? 0;
  let best = resume?.best ?? 0;
  for (let day = first + from; day <= last; day += step) {
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

/** `withoutToday`: stop before the current period (the summary of the day before). */
function periodStreaks(
  input: StreakInput,
  schedule: PeriodSchedule,
  withoutToday: boolean,
): Streaks {
  const { checkins, measure, weekStart, resume } = input;
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
    if (checkin.state === 'note') continue;
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

  // Resumed, the walk starts with the first period that ends after `through`; earlier
  // check-ins were counted into the stored runs.
  let run = 0;
  let best = 0;
  if (resume) {
    // The first period not folded in is the one holding the day after `through`: `through`'s
    // own when it did not end it.
    const next = toDayNumber(resume.through) + 1;
    back =
      current -
      (monthly ? monthIndexOf(fromDayNumber(next)) : weekIndexOfDayNumber(next, weekStart));
    if (back >= met.length) {
      met = grown(met, back);
      skipped = grown(skipped, back);
    }
    run = resume.run;
    best = resume.best;
  }
  const lastSlot = withoutToday ? 1 : 0;
  for (let slot = back; slot >= lastSlot; slot--) {
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

/**
 * `withoutToday`: stop before today (the summary of the day before). Walks the whole history
 * whatever `resume` says: a check-in can keep days long before it (Loop's sliding windows).
 */
function windowStreaks(
  input: StreakInput,
  schedule: WindowSchedule,
  withoutToday: boolean,
): Streaks {
  const { checkins, measure } = input;
  const { times, days } = schedule;
  const today = toDayNumber(input.today);
  const last = withoutToday ? today - 1 : today;

  let first = Number.POSITIVE_INFINITY;
  for (let i = 0; i < checkins.length; i++) {
    const checkin = checkins[i]!;
    if (checkin.state === 'note') continue;
    const day = toDayNumber(checkin.date);
    if (day <= today && day < first) first = day;
  }
  if (first > last) return { current: 0, best: 0, unit: 'days' };

  // One slot per day from the first check-in to today.
  const states = new Uint8Array(today - first + 1);
  let metCount = 0;
  for (let i = 0; i < checkins.length; i++) {
    const checkin = checkins[i]!;
    if (checkin.state === 'note') continue;
    const day = toDayNumber(checkin.date);
    if (day > today) continue;
    if (checkin.state === 'skipped') states[day - first] = SKIPPED;
    else if (isMet(measure, checkin)) {
      states[day - first] = MET;
      metCount++;
    }
  }
  const met = new Int32Array(metCount);
  for (let slot = 0, k = 0; slot < states.length; slot++) {
    if (states[slot] === MET) met[k++] = first + slot;
  }
  const kept = keptDays(met, times, days, first, today);

  // Met days from a day to yesterday, for the days that may still be kept: only the last
  // `days` days can be (a window still open today began within them).
  const open = Math.max(first, today - days + 1);
  const metSince = new Int32Array(today - open + 1);
  for (let day = today - 1; day >= open; day--) {
    metSince[day - open] = metSince[day - open + 1]! + (states[day - first] === MET ? 1 : 0);
  }

  let run = 0;
  let best = 0;
  let lastMet = Number.NEGATIVE_INFINITY;
  for (let day = first; day <= last; day++) {
    const state = states[day - first];
    if (state === MET) lastMet = day;
    if (kept[day - first] === 1) {
      run++;
      if (run > best) best = run;
      continue;
    }
    if (state === SKIPPED || day === today) continue;
    // Still open: checking in on every day from today on would complete a window that begins on
    // the latest met day up to this one (a later beginning can only help, so that one decides).
    const stillOpen =
      lastMet >= open && metSince[lastMet - open]! + (lastMet + days - today) >= times;
    if (!stillOpen) run = 0;
  }
  return { current: run, best, unit: 'days' };
}

/** A copy of `array` long enough to hold index `slot`. */
function grown(array: Uint16Array<ArrayBuffer>, slot: number): Uint16Array<ArrayBuffer> {
  const copy = new Uint16Array(Math.max(slot + 1, array.length * 2));
  copy.set(array);
  return copy;
}
