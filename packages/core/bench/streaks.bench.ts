/**
 * The Today view computes streaks and the score for every habit on every read, so these must
 * stay far below a millisecond. Target: computeStreaks < 0.2 ms for five years of daily history.
 *
 *   cd packages/core && npx vitest bench --run
 */
import { bench, describe } from 'vitest';
import {
  addDays,
  type Checkin,
  computeScores,
  computeStreaks,
  isDue,
  type Measure,
  periodProgress,
  type Schedule,
} from '../src';

const today = '2024-12-31';
const boolean: Measure = { kind: 'boolean' };
const km: Measure = { kind: 'numeric', unit: 'km', target: 5, direction: 'at_least' };

/** Five years of days, newest first (as a database might return them), ~10% skipped or missed. */
function history(days: number, value: (i: number) => number | null): Checkin[] {
  const out: Checkin[] = [];
  for (let i = 0; i < days; i++) {
    if (i % 23 === 7) continue; // missed
    const state = i % 31 === 3 ? 'skipped' : 'done';
    out.push({ date: addDays(today, -i), state, value: state === 'done' ? value(i) : null });
  }
  return out;
}

const fiveYears = 5 * 365 + 1;
const yesNo = history(fiveYears, () => null);
const numeric = history(fiveYears, (i) => (i % 5) + 3);
const daily: Schedule = { kind: 'daily' };
const weekly: Schedule = { kind: 'times_per_week', times: 3 };

describe(`five years (${yesNo.length} check-ins)`, () => {
  bench('computeStreaks, daily yes/no', () => {
    computeStreaks({ schedule: daily, measure: boolean, checkins: yesNo, today, weekStart: 1 });
  });
  bench('computeStreaks, Mon/Wed/Fri numeric', () => {
    const schedule: Schedule = { kind: 'weekdays', days: [1, 3, 5] };
    computeStreaks({ schedule, measure: km, checkins: numeric, today, weekStart: 1 });
  });
  bench('computeStreaks, 3×/week', () => {
    computeStreaks({ schedule: weekly, measure: boolean, checkins: yesNo, today, weekStart: 1 });
  });
  bench('computeScores().current, daily', () => {
    computeScores({ schedule: daily, measure: boolean, checkins: yesNo, startDate: today, today })
      .current;
  });
  bench('computeScores().series(365 days), daily', () => {
    computeScores({
      schedule: daily,
      measure: boolean,
      checkins: yesNo,
      startDate: today,
      today,
    }).series(addDays(today, -364), today);
  });
  bench('one Today row: isDue + periodProgress + streaks + score, 3×/week', () => {
    const h = { checkins: yesNo, measure: boolean, weekStart: 1 as const };
    isDue(weekly, today, h);
    periodProgress(weekly, today, h);
    computeStreaks({ schedule: weekly, measure: boolean, checkins: yesNo, today, weekStart: 1 });
    computeScores({ schedule: weekly, measure: boolean, checkins: yesNo, startDate: today, today })
      .current;
  });
});
