/**
 * The Today view computes streaks and the score for every habit on every read, so these must
 * stay far below a millisecond. Target: computeStreaks < 0.2 ms for five years of daily history.
 *
 *   npx tsx packages/core/bench/streaks.bench.ts    plain Node: prints µs per call (min, median)
 *   cd packages/core && npx vitest bench --run      the same cases through vitest's bench table
 *
 * Prefer the tsx figures: vitest's module runner reaches every cross-module import through a
 * getter, which roughly doubles the cost of the hot loops; the server runs plain ESM bindings.
 */
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

/** Five years of days, newest first (as a database might return them), some skipped or missed. */
function history(days: number, value: (i: number) => number | null): Checkin[] {
  const out: Checkin[] = [];
  for (let i = 0; i < days; i++) {
    if (i % 23 === 7) continue; // missed
    const state = i % 31 === 3 ? 'skipped' : 'done';
    out.push({ date: addDays(today, -i), state, value: state === 'done' ? value(i) : null });
  }
  return out;
}

const yesNo = history(5 * 365 + 1, () => null);
const numeric = history(5 * 365 + 1, (i) => (i % 5) + 3);
const daily: Schedule = { kind: 'daily' };
const weekly: Schedule = { kind: 'times_per_week', times: 3 };
const monWedFri: Schedule = { kind: 'weekdays', days: [1, 3, 5] };
const yearAgo = addDays(today, -364);

const cases: [name: string, run: () => unknown][] = [
  [
    'computeStreaks, daily yes/no',
    () =>
      computeStreaks({ schedule: daily, measure: boolean, checkins: yesNo, today, weekStart: 1 }),
  ],
  [
    'computeStreaks, Mon/Wed/Fri numeric',
    () =>
      computeStreaks({ schedule: monWedFri, measure: km, checkins: numeric, today, weekStart: 1 }),
  ],
  [
    'computeStreaks, 3×/week',
    () =>
      computeStreaks({ schedule: weekly, measure: boolean, checkins: yesNo, today, weekStart: 1 }),
  ],
  [
    'computeScores().current, daily',
    () =>
      computeScores({ schedule: daily, measure: boolean, checkins: yesNo, startDate: today, today })
        .current,
  ],
  [
    'computeScores().series(365 days)',
    () =>
      computeScores({
        schedule: daily,
        measure: boolean,
        checkins: yesNo,
        startDate: today,
        today,
      }).series(yearAgo, today),
  ],
  [
    'Today row: due+period+streak+score',
    () => {
      const h = { checkins: yesNo, measure: boolean, weekStart: 1 as const };
      isDue(weekly, today, h);
      periodProgress(weekly, today, h);
      computeStreaks({ schedule: weekly, measure: boolean, checkins: yesNo, today, weekStart: 1 });
      return computeScores({
        schedule: weekly,
        measure: boolean,
        checkins: yesNo,
        startDate: today,
        today,
      }).current;
    },
  ],
];

if (process.env.VITEST) {
  const { bench, describe } = await import('vitest');
  describe(`five years (${yesNo.length} check-ins)`, () => {
    for (const [name, run] of cases) bench(name, run);
  });
} else {
  console.log(`five years of history: ${yesNo.length} check-ins; µs per call`);
  console.log(`${'case'.padEnd(36)}${'min'.padStart(8)}${'median'.padStart(8)}`);
  for (const [name, run] of cases) {
    for (let i = 0; i < 2000; i++) run(); // let the JIT settle
    // Batches of 100 calls; the minimum shows the code, the median shows this machine's noise.
    const batches: number[] = [];
    for (let b = 0; b < 50; b++) {
      const start = performance.now();
      for (let i = 0; i < 100; i++) run();
      batches.push((performance.now() - start) * 10);
    }
    batches.sort((a, b) => a - b);
    const [min, median] = [batches[0]!, batches[25]!];
    console.log(`${name.padEnd(36)}${min.toFixed(1).padStart(8)}${median.toFixed(1).padStart(8)}`);
  }
}
