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
 * Skipped days carry the score unchanged (an excused day neither builds nor erodes strength).
 * Today without a check-in also carries: the day is not over. The score is 0 before the habit's
 * start (its startDate, or the first check-in if history was entered from earlier).
 * A daily habit done every day reaches 1 − 0.5^(31/13) ≈ 0.81 after 31 days.
 */
import { fromDayNumber, toDayNumber } from './calendar';
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

/** Everything the day loop needs, in arrays indexed by days since the start. */
interface Prepared {
  start: number;
  today: number;
  fractions: Float64Array;
  states: Uint8Array;
  multiplier: number;
  numerator: number;
  denominator: number;
}

function prepare(input: ScoreInput): Prepared {
  const { checkins, measure, schedule } = input;
  const today = toDayNumber(input.today);

  const dayNumbers = new Int32Array(checkins.length);
  let start = toDayNumber(input.startDate);
  for (let i = 0; i < checkins.length; i++) {
    const d = toDayNumber(checkins[i]!.date);
    dayNumbers[i] = d;
    if (d < start) start = d;
  }

  const length = Math.max(0, today - start + 1);
  const fractions = new Float64Array(length);
  const states = new Uint8Array(length);
  for (let i = 0; i < checkins.length; i++) {
    const offset = dayNumbers[i]! - start;
    if (offset >= length) continue;
    const checkin = checkins[i]!;
    states[offset] = checkin.state === 'skipped' ? SKIPPED : DONE;
    fractions[offset] = completionFraction(measure, checkin);
  }

  let { numerator, denominator } = frequency(schedule);
  const checksPerDay = numerator / denominator;
  if (measure.kind === 'boolean' && checksPerDay < 1) {
    numerator *= 2;
    denominator *= 2;
  }
  return {
    start,
    today,
    fractions,
    states,
    multiplier: 0.5 ** (Math.sqrt(checksPerDay) / 13),
    numerator,
    denominator,
  };
}

/**
 * Runs the average from the start through offset `until` and returns the score there.
 * `emit` receives every day's score from offset `emitFrom` on.
 */
function run(
  p: Prepared,
  until: number,
  emitFrom = Number.POSITIVE_INFINITY,
  emit?: (offset: number, score: number) => void,
): number {
  const { fractions, states, multiplier, numerator, denominator } = p;
  const last = fractions.length - 1;
  let score = 0;
  let windowSum = 0;
  for (let offset = 0; offset <= until; offset++) {
    const fraction = fractions[offset]!;
    windowSum += fraction;
    if (offset >= denominator) windowSum -= fractions[offset - denominator]!;
    const state = states[offset];
    if (state !== SKIPPED && !(offset === last && state === NONE)) {
      // A one-day window is the day itself; skipping the running sum avoids float drift.
      const sum = denominator === 1 ? fraction : windowSum;
      const value = sum <= 0 ? 0 : Math.min(1, sum / numerator);
      score = Math.min(1, score * multiplier + value * (1 - multiplier));
    }
    if (emit && offset >= emitFrom) emit(offset, score);
  }
  return score;
}

export function computeScores(input: ScoreInput): Scores {
  const p = prepare(input);
  const current = run(p, p.fractions.length - 1);
  return {
    current,
    series(from, to) {
      const fromDay = toDayNumber(from);
      const toDay = toDayNumber(to);
      const points: ScorePoint[] = [];
      for (let d = fromDay; d <= Math.min(toDay, p.start - 1); d++) {
        points.push({ date: fromDayNumber(d), score: 0 });
      }
      const firstOffset = Math.max(0, fromDay - p.start);
      const lastOffset = Math.min(toDay, p.today) - p.start;
      if (firstOffset <= lastOffset) {
        run(p, lastOffset, firstOffset, (offset, score) => {
          points.push({ date: fromDayNumber(p.start + offset), score });
        });
      }
      for (let d = Math.max(fromDay, p.today + 1, p.start); d <= toDay; d++) {
        points.push({ date: fromDayNumber(d), score: current });
      }
      return points;
    },
  };
}
