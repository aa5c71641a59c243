import { describe, expect, it } from 'vitest';
import { habitsToRemind, type RemindableHabit } from '../src';

const base = (over: Partial<RemindableHabit>): RemindableHabit => ({
  id: 'h',
  schedule: { kind: 'daily' },
  measure: { kind: 'boolean' },
  startDate: '2026-01-01',
  archived: false,
  checkins: [],
  ...over,
});

describe('habitsToRemind', () => {
  const day = '2026-06-10'; // a Wednesday
  it.each([
    ['due, nothing recorded', base({}), true],
    ['archived', base({ archived: true }), false],
    ['not started yet', base({ startDate: '2026-06-11' }), false],
    ['done', base({ checkins: [{ date: day, state: 'done', value: null }] }), false],
    ['skipped', base({ checkins: [{ date: day, state: 'skipped', value: null }] }), false],
    [
      'done yesterday only',
      base({ checkins: [{ date: '2026-06-09', state: 'done', value: null }] }),
      true,
    ],
    ['not a chosen weekday', base({ schedule: { kind: 'weekdays', days: [1, 5] } }), false],
    ['a chosen weekday', base({ schedule: { kind: 'weekdays', days: [3] } }), true],
    [
      'numeric, short of its target',
      base({
        measure: { kind: 'numeric', unit: 'km', target: 5, direction: 'at_least' },
        checkins: [{ date: day, state: 'done', value: 2 }],
      }),
      true,
    ],
    [
      'numeric, met',
      base({
        measure: { kind: 'numeric', unit: 'km', target: 5, direction: 'at_least' },
        checkins: [{ date: day, state: 'done', value: 5 }],
      }),
      false,
    ],
    [
      'twice a week, met on Mon and Tue',
      base({
        schedule: { kind: 'times_per_week', times: 2 },
        checkins: [
          { date: '2026-06-08', state: 'done', value: null },
          { date: '2026-06-09', state: 'done', value: null },
        ],
      }),
      false,
    ],
    [
      'every 3 days, off day',
      base({ schedule: { kind: 'every_n_days', interval: 3, startDate: '2026-06-09' } }),
      false,
    ],
  ])('%s', (_why, habit, named) => {
    expect(habitsToRemind([habit], day, 1, [])).toEqual(named ? ['h'] : []);
  });

  it('vacations pause all habits, or the chosen ones, inclusive of both ends', () => {
    const a = base({ id: 'a' });
    const b = base({ id: 'b' });
    expect(habitsToRemind([a, b], day, 1, [{ from: day, to: day, habitIds: null }])).toEqual([]);
    expect(
      habitsToRemind([a, b], day, 1, [{ from: '2026-06-01', to: day, habitIds: ['a'] }]),
    ).toEqual(['b']);
    expect(
      habitsToRemind([a, b], day, 1, [{ from: '2026-06-11', to: '2026-06-20', habitIds: null }]),
    ).toEqual(['a', 'b']);
  });
});
