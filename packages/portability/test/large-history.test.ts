/**
 * Five years × 20 habits of Loop history (36,520 check marks), as a CSV zip and as a database
 * backup. Prints how long parsing takes; asserts only the result (timings vary by machine).
 */
import { describe, expect, it } from 'vitest';
import { detectAndParse } from '../src/detect';
import { loopDb } from './support/loop-db';
import { everyDay, type LoopFixtureHabit, loopCsvZip } from './support/loop-fixtures';

const DAYS = 1826; // 2019-07-01 … 2024-06-30
const HABITS = 20;
const options = { today: '2024-06-30' };

/** Half yes/no, half measurable; a mix of manual checks, skips, no and auto marks every day. */
function history(): LoopFixtureHabit[] {
  return Array.from({ length: HABITS }, (_, h) => {
    const numerical = h % 2 === 1;
    return {
      name: `Habit ${h + 1}`,
      type: numerical ? 'NUMERICAL' : 'YES_NO',
      unit: numerical ? 'min' : '',
      targetValue: numerical ? 30 : 0,
      num: 1 + (h % 7),
      den: 7,
      entries: everyDay('2019-07-01', DAYS, (i) =>
        numerical ? ((i * 7 + h) % 90) * 1000 : [2, 2, 1, 0, 3, 2][(i + h) % 6]!,
      ),
    };
  });
}

/** Check-ins expected from `history()`: yes/no → the 2s and 3s; measurable → amounts > 0 and 3s. */
function expectedCheckins(habits: LoopFixtureHabit[]): number {
  return habits.reduce(
    (n, h) =>
      n +
      h.entries.filter((e) =>
        h.type === 'NUMERICAL' ? e.value > 0 : e.value === 2 || e.value === 3,
      ).length,
    0,
  );
}

describe('a 5-year, 20-habit Loop history', () => {
  const habits = history();
  const rows = habits.reduce((n, h) => n + h.entries.length, 0);

  it('parses from the CSV zip', async () => {
    const bytes = loopCsvZip(habits, { today: options.today });
    const started = performance.now();
    const { document } = await detectAndParse({ name: 'Loop Habits CSV.zip', bytes }, options);
    const ms = performance.now() - started;
    console.log(
      `Loop CSV zip: ${rows} check marks in ${HABITS} habits (${(bytes.length / 1024).toFixed(0)} kB zipped) parsed in ${ms.toFixed(0)} ms`,
    );
    expect(rows).toBeGreaterThanOrEqual(36_500);
    expect(document.habits).toHaveLength(HABITS);
    expect(document.habits.reduce((n, h) => n + h.checkins.length, 0)).toBe(
      expectedCheckins(habits),
    );
  });

  it('parses from the database backup', async () => {
    const bytes = await loopDb(habits);
    const started = performance.now();
    const { document } = await detectAndParse({ name: 'Loop Habits Backup.db', bytes }, options);
    const ms = performance.now() - started;
    console.log(
      `Loop .db backup: ${rows} repetitions in ${HABITS} habits (${(bytes.length / 1024).toFixed(0)} kB) parsed in ${ms.toFixed(0)} ms`,
    );
    expect(document.habits).toHaveLength(HABITS);
    expect(document.habits.reduce((n, h) => n + h.checkins.length, 0)).toBe(
      expectedCheckins(habits),
    );
  });
});
