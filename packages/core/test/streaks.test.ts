import { describe, expect, it } from 'vitest';
import { type Checkin, computeStreaks, type Measure, type Schedule, type Weekday } from '../src';
import { done, doneEveryDay, skip } from './helpers';

const boolean: Measure = { kind: 'boolean' };
const daily: Schedule = { kind: 'daily' };

function streaks(
  checkins: Checkin[],
  today: string,
  schedule: Schedule = daily,
  measure: Measure = boolean,
  weekStart: Weekday = 1,
  // The habit began with its first check-in (or today): where at-most days begin to count.
  startDate = checkins.reduce((min, c) => (c.date < min ? c.date : min), today),
) {
  return computeStreaks({ schedule, measure, checkins, startDate, today, weekStart });
}

describe('daily streaks', () => {
  const today = '2024-01-10';
  it.each([
    ['no check-ins', [], 0, 0],
    ['today not yet done keeps the streak', [done('01-07'), done('01-08'), done('01-09')], 3, 3],
    ['today done counts', [done('01-08'), done('01-09'), done('01-10')], 3, 3],
    ['yesterday missed breaks it', [done('01-07'), done('01-08')], 0, 2],
    ['only today', [done('01-10')], 1, 1],
    ['a skip neither adds nor breaks', [done('01-07'), skip('01-08'), done('01-09')], 2, 2],
    ['today skipped', [done('01-08'), done('01-09'), skip('01-10')], 2, 2],
    ['skips only', [skip('01-08'), skip('01-09')], 0, 0],
    [
      'best vs current',
      [...['01-01', '01-02', '01-03', '01-04', '01-05'].map((d) => done(d)), done('01-09')],
      1,
      5,
    ],
    ['check-ins in any order', [done('01-09'), done('01-07'), done('01-08')], 3, 3],
    ['a check-in years back (a long gap)', [done('2020-01-01'), done('01-09')], 1, 1],
    ['future check-ins are ignored', [done('01-09'), done('01-11'), done('01-12')], 1, 1],
  ])('%s', (_, checkins, current, best) => {
    const full = (checkins as Checkin[]).map((c) =>
      c.date.length === 5 ? { ...c, date: `2024-${c.date}` } : c,
    );
    expect(streaks(full, today)).toEqual({ current, best, unit: 'days' });
  });

  it('five years of daily history', () => {
    const checkins = doneEveryDay('2019-01-01', '2023-12-31');
    expect(streaks(checkins, '2024-01-01').current).toBe(1826);
    expect(streaks(checkins, '2024-01-02')).toEqual({ current: 0, best: 1826, unit: 'days' });
  });
});

describe('numeric streaks', () => {
  const atLeast5: Measure = { kind: 'numeric', unit: 'km', target: 5, direction: 'at_least' };
  const atMost2: Measure = { kind: 'numeric', unit: 'coffees', target: 2, direction: 'at_most' };

  it('at least: a value short of the target breaks', () => {
    const checkins = [done('2024-01-07', 6), done('2024-01-08', 4), done('2024-01-09', 5)];
    expect(streaks(checkins, '2024-01-10', daily, atLeast5)).toEqual({
      current: 1,
      best: 1,
      unit: 'days',
    });
  });

  it('at least: today short of the target does not break yet', () => {
    const checkins = [done('2024-01-09', 5), done('2024-01-10', 2)];
    expect(streaks(checkins, '2024-01-10', daily, atLeast5).current).toBe(1);
  });

  it('at most: 0 and the limit meet it, above it breaks', () => {
    const checkins = [
      done('2024-01-06', 3),
      done('2024-01-07', 0),
      done('2024-01-08', 2),
      done('2024-01-09', 1),
    ];
    expect(streaks(checkins, '2024-01-10', daily, atMost2)).toEqual({
      current: 3,
      best: 3,
      unit: 'days',
    });
    checkins.push(done('2024-01-10', 5));
    // Today's value is over the limit, but the day is not over (it may be corrected).
    expect(streaks(checkins, '2024-01-10', daily, atMost2).current).toBe(3);
    expect(streaks(checkins, '2024-01-11', daily, atMost2).current).toBe(0);
  });

  it('at most: an empty day that is over counts as 0, within the limit (Loop)', () => {
    // Started on the 5th; only the 7th has an entry (over the limit); nothing today.
    const checkins = [done('2024-01-07', 3)];
    const s = (today: string) => streaks(checkins, today, daily, atMost2, 1, '2024-01-05');
    expect(s('2024-01-07')).toEqual({ current: 2, best: 2, unit: 'days' }); // 5th, 6th; 7th open
    expect(s('2024-01-08').current).toBe(0); // the 7th is over and over the limit
    expect(s('2024-01-10')).toEqual({ current: 2, best: 2, unit: 'days' }); // 8th, 9th
    // Before the start nothing counts; a new habit with no entries has a run of its past days.
    expect(streaks([], '2024-01-10', daily, atMost2, 1, '2024-01-10').current).toBe(0);
    expect(streaks([], '2024-01-10', daily, atMost2, 1, '2024-01-07').current).toBe(3);
    // A skip stays a skip.
    expect(streaks([skip('2024-01-08')], '2024-01-10', daily, atMost2, 1, '2024-01-07')).toEqual({
      current: 2,
      best: 2,
      unit: 'days',
    });
  });

  it('at most, weekly target: empty days that are over count towards it', () => {
    const twiceAWeek: Schedule = { kind: 'times_per_week', times: 2 };
    // Mon 8 – Sun 14 January 2024; started Monday; today Wednesday: Mon and Tue count.
    expect(streaks([], '2024-01-10', twiceAWeek, atMost2, 1, '2024-01-08').current).toBe(1);
    // Over the limit on both past days: the week is still open.
    const over = [done('2024-01-08', 5), done('2024-01-09', 5)];
    expect(streaks(over, '2024-01-10', twiceAWeek, atMost2, 1, '2024-01-08').current).toBe(0);
  });
});

describe('weekday and every-n-days streaks', () => {
  const monWedFri: Schedule = { kind: 'weekdays', days: [1, 3, 5] };
  // 2024-01-08 is a Monday.
  it('days that are not due neither count nor break', () => {
    const checkins = [done('2024-01-08'), done('2024-01-09'), done('2024-01-10')];
    // Tue 09 is not due: its check-in does not count; Thu 11 is not due: no break.
    expect(streaks(checkins, '2024-01-11', monWedFri)).toEqual({
      current: 2,
      best: 2,
      unit: 'days',
    });
    // Fri 12 is due and not done — but it is today.
    expect(streaks(checkins, '2024-01-12', monWedFri).current).toBe(2);
    // Sat 13: Friday was missed.
    expect(streaks(checkins, '2024-01-13', monWedFri).current).toBe(0);
  });

  it('every 3 days: only days on the rhythm matter', () => {
    const schedule: Schedule = { kind: 'every_n_days', interval: 3, startDate: '2024-01-01' };
    const checkins = [
      done('2023-12-29'),
      done('2024-01-01'),
      done('2024-01-04'),
      done('2024-01-05'),
    ];
    // Before the start nothing is due, so 2023-12-29 does not count.
    expect(streaks(checkins, '2024-01-06', schedule)).toEqual({
      current: 2,
      best: 2,
      unit: 'days',
    });
    expect(streaks(checkins, '2024-01-07', schedule).current).toBe(2); // due today, not over
    expect(streaks(checkins, '2024-01-08', schedule).current).toBe(0); // 01-07 missed
  });
});

describe('weekly streaks', () => {
  const threeAWeek: Schedule = { kind: 'times_per_week', times: 3 };
  // Weeks from Monday: 01-01, 01-08, 01-15. Today is Wednesday 01-17.
  const lastTwoWeeks = [
    ...['01-01', '01-03', '01-05'].map((d) => done(`2024-${d}`)),
    ...['01-08', '01-09', '01-10'].map((d) => done(`2024-${d}`)),
  ];

  it('an unfinished current week neither adds nor breaks', () => {
    const checkins = [...lastTwoWeeks, done('2024-01-15')];
    expect(streaks(checkins, '2024-01-17', threeAWeek)).toEqual({
      current: 2,
      best: 2,
      unit: 'weeks',
    });
  });

  it('the current week counts once met', () => {
    const checkins = [
      ...lastTwoWeeks,
      ...['01-15', '01-16', '01-17'].map((d) => done(`2024-${d}`)),
    ];
    expect(streaks(checkins, '2024-01-17', threeAWeek).current).toBe(3);
  });

  it('a short week breaks; skips can excuse the shortfall', () => {
    const short = [...lastTwoWeeks.slice(0, 3), done('2024-01-08'), done('2024-01-09')];
    expect(streaks(short, '2024-01-17', threeAWeek)).toEqual({
      current: 0,
      best: 1,
      unit: 'weeks',
    });
    const excused = [...short, skip('2024-01-12')];
    expect(streaks(excused, '2024-01-17', threeAWeek)).toEqual({
      current: 1,
      best: 1,
      unit: 'weeks',
    });
  });

  it('an empty week breaks', () => {
    expect(streaks(lastTwoWeeks, '2024-01-24', threeAWeek).current).toBe(0);
  });

  it('weeks years apart', () => {
    const checkins = [
      ...lastTwoWeeks,
      ...['2019-01-01', '2019-01-02', '2019-01-03'].map((d) => done(d)),
    ];
    expect(streaks(checkins, '2024-01-17', threeAWeek)).toEqual({
      current: 2,
      best: 2,
      unit: 'weeks',
    });
  });

  it('the week boundary follows the week start', () => {
    // Sat 01-06, Sun 01-07, Mon 01-08.
    const checkins = [done('2024-01-06'), done('2024-01-07'), done('2024-01-08')];
    const twice: Schedule = { kind: 'times_per_week', times: 2 };
    // Monday weeks: Sat+Sun complete the week of 01-01; the week of 01-08 is still open.
    expect(streaks(checkins, '2024-01-09', twice, boolean, 1).current).toBe(1);
    // Sunday weeks: Sat alone in its week (short, breaks); Sun+Mon complete the current one.
    expect(streaks(checkins, '2024-01-09', twice, boolean, 7).current).toBe(1);
    // Saturday weeks: all three fall in the week of 01-06, which is met.
    expect(streaks(checkins, '2024-01-09', twice, boolean, 6)).toEqual({
      current: 1,
      best: 1,
      unit: 'weeks',
    });
    expect(streaks(checkins, '2024-01-13', twice, boolean, 6).current).toBe(1);
    // The next Saturday week (01-13..01-19) is current until Friday, then breaks.
    expect(streaks(checkins, '2024-01-19', twice, boolean, 6).current).toBe(1);
    expect(streaks(checkins, '2024-01-20', twice, boolean, 6).current).toBe(0);
  });
});

describe('monthly streaks', () => {
  it('counts met months, waits on the current one', () => {
    const schedule: Schedule = { kind: 'times_per_month', times: 2 };
    const checkins = [
      done('2023-11-01'),
      done('2023-11-30'),
      done('2023-12-31'),
      skip('2023-12-01'),
      done('2024-01-01'),
      done('2024-01-31'),
      done('2024-02-29'),
    ];
    // Nov met, Dec excused by the skip, Jan met, Feb (current) not yet.
    expect(streaks(checkins, '2024-02-29', schedule)).toEqual({
      current: 2,
      best: 2,
      unit: 'months',
    });
    // March: February fell short.
    expect(streaks(checkins, '2024-03-01', schedule).current).toBe(0);
  });

  it('a target larger than the month is capped at its length', () => {
    const schedule: Schedule = { kind: 'times_per_month', times: 31 };
    const checkins = doneEveryDay('2024-02-01', '2024-02-29');
    expect(streaks(checkins, '2024-03-05', schedule).current).toBe(1);
  });
});
