/**
 * Habit strength, after Loop Habit Tracker (github.com/iSoron/uhabits, ScoreList.recompute):
 * an exponential moving average that rises with each completion and decays with each miss.
 *
 *   m = 0.5 ^ (√f / 13)             f = checks per day (frequency numerator / denominator)
 *   score_t = score_{t−1}·m + v_t·(1 − m)
 *
 * v_t looks at a rolling window of `denominator` days ending at t: the sum of the completion
 * fractions in it divided by `numerator`, capped at 1. For a daily habit the window is one day,
 * so v_t is simply day t's completion. A habit asked for less than daily is judged over its
 * window, so a 3×/week habit done on any three days of seven scores like one done on fixed days.
 * Like Loop, non-daily yes/no habits double numerator and denominator (3/7 → 6/14): the wider
 * window smooths irregular gaps, such as a weekly habit done Monday one week and Sunday the next.
 *
 * A rolling window ("3 times in any 10 days") is scored like any other kind, as 3/10 — which is
 * also what Loop does: its score counts the user's own check-ins, not the days a window keeps.
 *
 * Skipped days carry the score unchanged (an excused day neither builds nor erodes strength).
 * An at-most habit's empty past day counts as 0, within the limit (day-status.ts).
 * Today without a check-in also carries: the day is not over. The score is 0 before the habit's
 * start (its startDate, or the first check-in if history was entered from earlier).
 * A daily habit done every day reaches 1 − 0.5^(31/13) ≈ 0.81 after 31 days.
 */
import { fromDayNumber, toDayNumber } from './calendar';
import { withImplicitZeros } from './day-status';
import { completionFraction } from './measure';
import { frequency } from './schedule';
import type { Checkin, LocalDate, Measure, Schedule, ScorePoint } from './types';

export interface ScoreInput {
  schedule: Schedule;
  measure: Measure;
  /** Any order, at most one per date. Check-ins after `today` are ignored. */
  checkins: readonly Checkin[];
  /** The habit's start date; an earlier check-in moves the start back to it. */
  startDate: LocalDate;
  today: LocalDate;
  /**
   * Start from a stored score instead of the first day (see summary.ts): `through` is before
   * `today`, `score` is the score at the end of it, and `checkins` need only reach back over the
   * window (summaryWindowDays) before the day after `through`.
   */
  resume?: ScoreResume;
}

export interface ScoreResume {
  through: LocalDate;
  score: number;
}

export interface Scores {
  /** Today's score, 0–1. */
  current: number;
  /**
   * One point per day from `from` to `to` inclusive (empty if to < from): 0 before the start,
   * today's score after today. Computed on demand, so the Today view never pays for it.
   */
  series(from: LocalDate, to: LocalDate): ScorePoint[];
}

const NONE = 0;
const DONE = 1;
const SKIPPED = 2;

/** Everything the day loop needs, in arrays indexed by days back from today (slot 0). */
interface Prepared {
  today: number;
  /** The slot of the first scored day; −1 when the habit starts after today. */
  back: number;
  /** The score before slot `back`: 0 at the start, the stored score when resumed. */
  initialScore: number;
  fractions: Float64Array;
  states: Uint8Array;
  multiplier: number;
  numerator: number;
  denominator: number;
}

function prepare(input: ScoreInput): Prepared {
  const { measure, schedule } = input;
  const today = toDayNumber(input.today);
  const resume = input.resume;
  if (resume && toDayNumber(resume.through) >= today) {
    throw new RangeError(`a score resumed from ${resume.through} needs a later today`);
  }
  // At-most habits: empty days that are over count as 0 (day-status.ts). Resumed, only the
  // window before the day after `through` is read.
  const windowStart = resume
    ? fromDayNumber(toDayNumber(resume.through) + 1 - scoreWindowDays(schedule, measure))
    : input.startDate;
  const from = windowStart > input.startDate ? windowStart : input.startDate;
  const checkins = withImplicitZeros(measure, input.checkins, from, input.today);

  // One pass: the arrays grow when a check-in lies further back than they reach. Resumed, the
  // walk starts the day after `through`; earlier check-ins only fill the first windows.
  let back = resume
    ? today - toDayNumber(resume.through) - 1
    : today - toDayNumber(input.startDate);
  let size = Math.max(64, checkins.length * 2, back + 1);
  let fractions = new Float64Array(size);
  let states = new Uint8Array(size);
  for (let i = 0; i < checkins.length; i++) {
    const checkin = checkins[i]!;
    // A day with only a note is no check-in: today with one still carries the score.
    if (checkin.state === 'note') continue;
    const slot = today - toDayNumber(checkin.date);
    if (slot < 0) continue;
    if (slot >= size) {
      size = Math.max(slot + 1, size * 2);
      const moreFractions = new Float64Array(size);
      moreFractions.set(fractions);
      fractions = moreFractions;
      const moreStates = new Uint8Array(size);
      moreStates.set(states);
      states = moreStates;
    }
    if (slot > back && !resume) back = slot;
    states[slot] = checkin.state === 'skipped' ? SKIPPED : DONE;
    fractions[slot] = completionFraction(measure, checkin);
  }

  let { numerator, denominator } = frequency(schedule);
  const checksPerDay = numerator / denominator;
  if (measure.kind === 'boolean' && checksPerDay < 1) {
    numerator *= 2;
    denominator *= 2;
  }
  return {
    today,
    back: Math.max(back, -1),
    initialScore: resume?.score ?? 0,
    fractions,
    states,
    multiplier: 0.5 ** (Math.sqrt(checksPerDay) / 13),
    numerator,
    denominator,
  };
}

/**
 * Runs the average forward in time from the first day down to slot `until` and returns the
 * score there. `emit` receives every day's score from slot `emitFrom` on.
 */
function run(
  p: Prepared,
  until: number,
  emitFrom = Number.NEGATIVE_INFINITY,
  emit?: (slot: number, score: number) => void,
): number {
  const { back, fractions, states, multiplier, numerator, denominator } = p;
  const size = fractions.length;
  let score = p.initialScore;
  // The window of the first day reaches before it: empty from the start, filled when resumed.
  let windowSum = 0;
  for (let slot = back + 1; slot < back + denominator && slot < size; slot++) {
    windowSum += fractions[slot]!;
  }
  for (let slot = back; slot >= until; slot--) {
    const fraction = fractions[slot]!;
    windowSum += fraction;
    // The day leaving the window was added, by the walk or by the prefill above.
    if (slot < back && slot + denominator < size) windowSum -= fractions[slot + denominator]!;
    const state = states[slot];
    if (state !== SKIPPED && !(slot === 0 && state === NONE)) {
      // A one-day window is the day itself; skipping the running sum avoids float drift.
      const sum = denominator === 1 ? fraction : windowSum;
      const value = sum <= 0 ? 0 : Math.min(1, sum / numerator);
      score = Math.min(1, score * multiplier + value * (1 - multiplier));
    }
    if (emit && slot <= emitFrom) emit(slot, score);
  }
  return score;
}

/**
 * The score at the end of `through`, as a past day: what a later computation resumes from.
 * `input.today` is ignored.
 */
export function scoreThrough(
  input: Omit<ScoreInput, 'today' | 'resume'>,
  through: LocalDate,
): number {
  const p = prepare({ ...input, today: fromDayNumber(toDayNumber(through) + 1) });
  return run(p, 1);
}

/** The window, in days, whose check-ins a score resumed after `through` reads before it. */
export function scoreWindowDays(schedule: Schedule, measure: Measure): number {
  const { numerator, denominator } = frequency(schedule);
  return measure.kind === 'boolean' && numerator < denominator ? denominator * 2 : denominator;
}

export function computeScores(input: ScoreInput): Scores {
  const p = prepare(input);
  const current = run(p, 0);
  return {
    current,
    series(from, to) {
      // A resumed computation does not know the days before it; the history view has them all.
      if (input.resume) throw new Error('a resumed score has no series before its start');
      const { today, back } = p;
      const start = today - back;
      const fromDay = toDayNumber(from);
      const toDay = toDayNumber(to);
      const points: ScorePoint[] = [];
      for (let d = fromDay; d <= Math.min(toDay, start - 1); d++) {
        points.push({ date: fromDayNumber(d), score: 0 });
      }
      const firstDay = Math.max(fromDay, start);
      const lastDay = Math.min(toDay, today);
      if (firstDay <= lastDay) {
        run(p, today - lastDay, today - firstDay, (slot, score) => {
          points.push({ date: fromDayNumber(today - slot), score });
        });
      }
      for (let d = Math.max(fromDay, today + 1, start); d <= toDay; d++) {
        points.push({ date: fromDayNumber(d), score: current });
      }
      return points;
    },
  };
}
