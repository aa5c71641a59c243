import { describe, expect, it } from 'vitest';
import {
  type CheckinHistory,
  checksPerDay,
  describeSchedule,
  frequency,
  isDue,
  type Measure,
  periodOf,
  periodProgress,
  type Schedule,
  type ScheduleDescription,
  scheduleDescription,
  type Weekday,
} from '../src';
import { done, skip } from './helpers';

const boolean: Measure = { kind: 'boolean' };
const history = (checkins: CheckinHistory['checkins'], weekStart: Weekday = 1): CheckinHistory => ({
  checkins,
  measure: boolean,
  weekStart,
  startDate: '2000-01-01',
});

describe('isDue, day-based schedules', () => {
  it('daily is always due', () => {
    expect(isDue({ kind: 'daily' }, '2024-02-29')).toBe(true);
  });

  // 2024-01-08 is a Monday.
  it.each([
    ['2024-01-08', true],
    ['2024-01-09', false],
    ['2024-01-10', true],
    ['2024-01-12', true],
    ['2024-01-13', false],
    ['2024-01-14', false],
  ])('Mon/Wed/Fri on %s → %s', (date, due) => {
    expect(isDue({ kind: 'weekdays', days: [1, 3, 5] }, date)).toBe(due);
  });

  const everyThird: Schedule = { kind: 'every_n_days', interval: 3, startDate: '2024-02-27' };
  it.each([
    ['2024-02-24', false, 'before the start, even on the rhythm'],
    ['2024-02-26', false, 'the day before the start'],
    ['2024-02-27', true, 'the start'],
    ['2024-02-28', false, ''],
    ['2024-02-29', false, ''],
    ['2024-03-01', true, 'three days on, across a leap day'],
    ['2024-03-04', true, ''],
    ['2025-02-26', false, '365 days on'],
    ['2025-02-27', true, '366 days on (2024 is a leap year)'],
    ['2025-02-28', false, '367 days on'],
  ])('every 3 days from 2024-02-27 on %s → %s %s', (date, due) => {
    expect(isDue(everyThird as Extract<Schedule, { kind: 'every_n_days' }>, date)).toBe(due);
  });

  it('a history-free call on a period schedule is refused', () => {
    const schedule = { kind: 'times_per_week', times: 3 } as Schedule;
    expect(() => isDue(schedule as never, '2024-01-08')).toThrow(TypeError);
  });
});

describe('isDue and periodProgress, times per week', () => {
  const schedule: Schedule = { kind: 'times_per_week', times: 2 };
  // Week of Mon 2024-01-08: done Monday and Wednesday.
  const checkins = [done('2024-01-08'), done('2024-01-10')];

  it.each([
    ['2024-01-08', true, 1],
    ['2024-01-09', true, 1],
    ['2024-01-10', true, 2], // the day the target is reached stays due (and done)
    ['2024-01-11', false, 2],
    ['2024-01-14', false, 2],
    ['2024-01-15', true, 0], // a new week
  ])('Monday weeks: %s due %s, done %i', (date, due, doneSoFar) => {
    expect(isDue(schedule, date, history(checkins))).toBe(due);
    expect(periodProgress(schedule, date, history(checkins))).toMatchObject({
      kind: 'week',
      done: doneSoFar,
      target: 2,
      met: doneSoFar >= 2,
    });
  });

  // With Saturday weeks (Sat 01-06 … Fri 01-12), Sunday 01-14 falls in the next week.
  it.each([
    [1, '2024-01-14', false, '2024-01-08', '2024-01-14'],
    [7, '2024-01-14', true, '2024-01-14', '2024-01-20'],
    [6, '2024-01-12', false, '2024-01-06', '2024-01-12'],
    [6, '2024-01-13', true, '2024-01-13', '2024-01-19'],
    [7, '2024-01-13', false, '2024-01-07', '2024-01-13'],
  ] as const)('week start %i: %s due %s (week %s..%s)', (weekStart, date, due, start, end) => {
    expect(isDue(schedule, date, history(checkins, weekStart))).toBe(due);
    expect(periodOf(schedule, date, weekStart)).toEqual({ kind: 'week', start, end });
  });

  it('skips and unmet numeric values are not completions', () => {
    const measure: Measure = { kind: 'numeric', unit: 'km', target: 5, direction: 'at_least' };
    const h = {
      measure,
      weekStart: 1 as const,
      startDate: '2024-01-01',
      checkins: [done('2024-01-08', 5), skip('2024-01-09'), done('2024-01-10', 4)],
    };
    expect(isDue(schedule, '2024-01-11', h)).toBe(true);
    expect(periodProgress(schedule, '2024-01-11', h).done).toBe(1);
  });
});

describe('times per month and month ends', () => {
  it.each([
    ['2024-01-31', '2024-01-01', '2024-01-31'],
    ['2024-02-29', '2024-02-01', '2024-02-29'],
    ['2023-02-28', '2023-02-01', '2023-02-28'],
    ['2100-02-15', '2100-02-01', '2100-02-28'],
  ])('%s is in %s..%s', (date, start, end) => {
    expect(periodOf({ kind: 'times_per_month', times: 3 }, date, 1)).toEqual({
      kind: 'month',
      start,
      end,
    });
  });

  it('a month target is reached on Jan 31 and reopens on Feb 1', () => {
    const schedule: Schedule = { kind: 'times_per_month', times: 2 };
    const h = history([done('2024-01-30'), done('2024-01-31')]);
    expect(isDue(schedule, '2024-01-31', h)).toBe(true);
    expect(periodProgress(schedule, '2024-01-31', h)).toMatchObject({ done: 2, met: true });
    expect(isDue(schedule, '2024-02-01', h)).toBe(true);
    expect(periodProgress(schedule, '2024-02-01', h)).toMatchObject({ done: 0, met: false });
  });

  it('a target larger than the month is capped at its length', () => {
    const schedule: Schedule = { kind: 'times_per_month', times: 31 };
    expect(periodProgress(schedule, '2024-02-10', history([])).target).toBe(29);
    expect(periodProgress(schedule, '2023-02-10', history([])).target).toBe(28);
    expect(periodProgress(schedule, '2024-03-10', history([])).target).toBe(31);
  });
});

describe('periodProgress for day periods', () => {
  it('is the day itself', () => {
    const schedule: Schedule = { kind: 'weekdays', days: [1] };
    const h = history([done('2024-01-08'), done('2024-01-09')]);
    expect(periodProgress(schedule, '2024-01-08', h)).toEqual({
      kind: 'day',
      start: '2024-01-08',
      end: '2024-01-08',
      done: 1,
      target: 1,
      met: true,
    });
    expect(periodProgress({ kind: 'daily' }, '2024-01-10', h)).toMatchObject({ done: 0 });
  });
});

describe('frequency', () => {
  it.each([
    [{ kind: 'daily' }, 1, 1],
    [{ kind: 'weekdays', days: [1, 3, 5] }, 3, 7],
    [{ kind: 'times_per_week', times: 4 }, 4, 7],
    [{ kind: 'times_per_month', times: 10 }, 10, 30],
    [{ kind: 'every_n_days', interval: 3, startDate: '2024-01-01' }, 1, 3],
    [{ kind: 'times_in_days', times: 3, days: 10 }, 3, 10],
  ] as [Schedule, number, number][])('%j → %i/%i', (schedule, numerator, denominator) => {
    expect(frequency(schedule)).toEqual({ numerator, denominator });
    expect(checksPerDay(schedule)).toBeCloseTo(numerator / denominator);
  });
});

describe('describeSchedule', () => {
  it.each([
    [{ kind: 'daily' }, 1, 'Every day'],
    [{ kind: 'weekdays', days: [5, 1, 3] }, 1, 'Mon, Wed, Fri'],
    [{ kind: 'weekdays', days: [1, 3, 7] }, 7, 'Sun, Mon, Wed'],
    [{ kind: 'weekdays', days: [1, 3, 7] }, 1, 'Mon, Wed, Sun'],
    [{ kind: 'weekdays', days: [2] }, 1, 'Every Tuesday'],
    [{ kind: 'weekdays', days: [1, 2, 3, 4, 5] }, 1, 'Weekdays'],
    [{ kind: 'weekdays', days: [7, 6] }, 1, 'Weekends'],
    [{ kind: 'weekdays', days: [1, 2, 3, 4, 5, 6, 7] }, 1, 'Every day'],
    [{ kind: 'times_per_week', times: 1 }, 1, 'Once a week'],
    [{ kind: 'times_per_week', times: 2 }, 1, 'Twice a week'],
    [{ kind: 'times_per_week', times: 3 }, 1, '3 times a week'],
    [{ kind: 'times_per_month', times: 1 }, 1, 'Once a month'],
    [{ kind: 'times_per_month', times: 10 }, 1, '10 times a month'],
    [{ kind: 'every_n_days', interval: 1, startDate: '2024-01-01' }, 1, 'Every day'],
    [{ kind: 'every_n_days', interval: 2, startDate: '2024-01-01' }, 1, 'Every other day'],
    [{ kind: 'every_n_days', interval: 3, startDate: '2024-01-01' }, 1, 'Every 3 days'],
  ] as [Schedule, Weekday, string][])('%j (week starts %i) → %s', (schedule, weekStart, text) => {
    expect(describeSchedule(schedule, weekStart)).toBe(text);
  });
});

describe('scheduleDescription', () => {
  it.each([
    [{ kind: 'daily' }, 1, { kind: 'every_day' }],
    [{ kind: 'weekdays', days: [5, 1, 3] }, 1, { kind: 'weekdays', days: [1, 3, 5] }],
    [{ kind: 'weekdays', days: [1, 3, 7] }, 7, { kind: 'weekdays', days: [7, 1, 3] }],
    [{ kind: 'weekdays', days: [1, 3, 7, 3] }, 1, { kind: 'weekdays', days: [1, 3, 7] }],
    [{ kind: 'weekdays', days: [6, 1] }, 6, { kind: 'weekdays', days: [6, 1] }],
    [{ kind: 'weekdays', days: [2] }, 1, { kind: 'one_weekday', day: 2 }],
    [{ kind: 'weekdays', days: [5, 4, 3, 2, 1] }, 7, { kind: 'workdays' }],
    [{ kind: 'weekdays', days: [7, 6] }, 1, { kind: 'weekends' }],
    [{ kind: 'weekdays', days: [1, 2, 3, 4, 5, 6, 7] }, 3, { kind: 'every_day' }],
    [{ kind: 'times_per_week', times: 3 }, 1, { kind: 'per_week', times: 3 }],
    [{ kind: 'times_per_month', times: 1 }, 1, { kind: 'per_month', times: 1 }],
    [{ kind: 'times_in_days', times: 3, days: 10 }, 1, { kind: 'in_days', times: 3, days: 10 }],
    [{ kind: 'every_n_days', interval: 1, startDate: '2024-01-01' }, 1, { kind: 'every_day' }],
    [
      { kind: 'every_n_days', interval: 2, startDate: '2024-01-01' },
      1,
      { kind: 'every_n_days', interval: 2 },
    ],
  ] as [Schedule, Weekday, ScheduleDescription][])(
    '%j (week starts %i) → %j',
    (schedule, weekStart, description) => {
      expect(scheduleDescription(schedule, weekStart)).toEqual(description);
    },
  );
});
