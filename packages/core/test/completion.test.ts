import { describe, expect, it } from 'vitest';
import {
  completionPeriods,
  completionRate,
  habitCompletion,
  type Measure,
  totalCompletion,
} from '../src';
import { done, skip } from './helpers';

const boolean: Measure = { kind: 'boolean' };
// Wednesday 10 January 2024; weeks start on Monday.
const today = '2024-01-10';

describe('completion across periods', () => {
  it('cuts weeks, months and years back from today, oldest first', () => {
    expect(completionPeriods(today, 'week', 2, 1)).toEqual([
      { start: '2024-01-01', end: '2024-01-07' },
      { start: '2024-01-08', end: '2024-01-14' },
    ]);
    expect(completionPeriods(today, 'month', 2, 1).map((p) => p.start)).toEqual([
      '2023-12-01',
      '2024-01-01',
    ]);
    expect(completionPeriods(today, 'year', 1, 1)).toEqual([
      { start: '2024-01-01', end: '2024-12-31' },
    ]);
  });

  it('daily: met due days of the days asked for; skips excused; today only once done', () => {
    const habit = {
      schedule: { kind: 'daily' as const },
      measure: boolean,
      startDate: '2024-01-03',
      checkins: [done('2024-01-03'), skip('2024-01-04'), done('2024-01-05'), done('2024-01-09')],
    };
    const [last, current] = habitCompletion(
      habit,
      completionPeriods(today, 'week', 2, 1),
      today,
      1,
    );
    // 3rd–7th: five days, one skipped → 4 asked for, 2 done.
    expect(last).toEqual({ done: 2, expected: 4 });
    // 8th–9th asked for (today not done yet), 1 done.
    expect(current).toEqual({ done: 1, expected: 2 });
    expect(completionRate(last!)).toBe(0.5);
  });

  it('weekly targets are spread over the week; at-most empty days count as met', () => {
    const twice = {
      schedule: { kind: 'times_per_week' as const, times: 2 },
      measure: boolean,
      startDate: '2024-01-01',
      checkins: [done('2024-01-02'), done('2024-01-04')],
    };
    const [week1] = habitCompletion(
      twice,
      completionPeriods('2024-01-08', 'week', 2, 1),
      '2024-01-08',
      1,
    );
    expect(week1!.expected).toBeCloseTo(2);
    expect(week1!.done).toBeCloseTo(2);
    const coffee = {
      schedule: { kind: 'daily' as const },
      measure: { kind: 'numeric' as const, unit: 'cups', target: 2, direction: 'at_most' as const },
      startDate: '2024-01-08',
      checkins: [done('2024-01-09', 3)],
    };
    const [week] = habitCompletion(coffee, completionPeriods(today, 'week', 1, 1), today, 1);
    expect(week).toEqual({ done: 1, expected: 2 }); // the 8th (empty, 0) met; the 9th over
    expect(totalCompletion([[{ done: 1, expected: 2 }], [{ done: 3, expected: 4 }]])).toEqual([
      { done: 4, expected: 6 },
    ]);
    expect(completionRate({ done: 0, expected: 0 })).toBeNull();
  });
});
