import { describe, expect, it } from 'vitest';
import {
  type Checkin,
  computeScores,
  type DayStatus,
  dayStatus,
  implicitZeroDays,
  type Measure,
  weekdayCounts,
  withImplicitZeros,
} from '../src';
import { done, skip } from './helpers';

const boolean: Measure = { kind: 'boolean' };
const atLeast8: Measure = { kind: 'numeric', unit: 'glasses', target: 8, direction: 'at_least' };
const atMost2: Measure = { kind: 'numeric', unit: 'cups', target: 2, direction: 'at_most' };
const today = '2024-01-10';
const context = { today, startDate: '2024-01-01' };

describe('dayStatus', () => {
  it.each([
    [boolean, done('2024-01-09'), 'met'],
    [boolean, skip('2024-01-09'), 'skipped'],
    [boolean, undefined, 'none'],
    [atLeast8, done('2024-01-09', 8), 'met'],
    [atLeast8, done('2024-01-09', 7), 'partly'],
    [atLeast8, done('2024-01-09', 0), 'none'],
    [atLeast8, undefined, 'none'],
    [atMost2, done('2024-01-09', 2), 'met'],
    [atMost2, done('2024-01-09', 3), 'over'],
    [atMost2, skip('2024-01-09'), 'skipped'],
    // Loop's rule: a day that is over with no entry is a 0, within the limit…
    [atMost2, undefined, 'met'],
  ] as [Measure, Checkin | undefined, DayStatus][])('%j, %j → %s', (measure, checkin, status) => {
    expect(dayStatus(measure, checkin, '2024-01-09', context)).toBe(status);
  });

  it('an at-most day is only judged once it is over, and not before the habit began', () => {
    expect(dayStatus(atMost2, undefined, today, context)).toBe('none');
    expect(dayStatus(atMost2, done(today, 3), today, context)).toBe('over');
    expect(dayStatus(atMost2, undefined, '2023-12-31', context)).toBe('none');
  });
});

describe('implicit zeros of at-most habits', () => {
  it('fills the empty days from the start to yesterday, in date order', () => {
    const checkins = [done('2024-01-08', 3), skip('2024-01-06')];
    const all = withImplicitZeros(atMost2, checkins, '2024-01-05', '2024-01-09');
    expect(all.map((c) => `${c.date.slice(8)}${c.state[0]}${c.value ?? ''}`)).toEqual([
      '05d0',
      '06s',
      '07d0',
      '08d3',
    ]);
    expect(withImplicitZeros(atLeast8, checkins, '2024-01-05', '2024-01-09')).toBe(checkins);
    expect(
      implicitZeroDays(atMost2, checkins, {
        from: '2024-01-01',
        to: '2024-01-31',
        startDate: '2024-01-05',
        today: '2024-01-09',
      }),
    ).toEqual(['2024-01-05', '2024-01-07']);
  });

  it('make a new at-most habit with no entries grow in strength and weekday counts', () => {
    const scores = computeScores({
      schedule: { kind: 'daily' },
      measure: atMost2,
      checkins: [],
      startDate: '2024-01-01',
      today,
    });
    expect(scores.current).toBeGreaterThan(0.2);
    // 1–9 January: Monday 1st … Tuesday 9th; the 10th is today.
    expect(
      weekdayCounts(atMost2, [], '2024-01-01', today, { startDate: '2024-01-01', today }),
    ).toEqual([2, 2, 1, 1, 1, 1, 1]);
  });
});
