import { describe, expect, it } from 'vitest';
import {
  type Checkin,
  type CheckinState,
  checkinShapeProblems,
  checkinValueProblems,
  completionFraction,
  isMet,
  type Measure,
} from '../src';
import { done, skip } from './helpers';

const boolean: Measure = { kind: 'boolean' };
const atLeast5: Measure = { kind: 'numeric', unit: 'km', target: 5, direction: 'at_least' };
const atMost2: Measure = { kind: 'numeric', unit: 'coffees', target: 2, direction: 'at_most' };
const D = '2024-01-01';

describe('isMet and completionFraction', () => {
  it.each([
    [boolean, done(D), true, 1],
    [boolean, skip(D), false, 0],
    [boolean, null, false, 0],
    [atLeast5, done(D, 5), true, 1],
    [atLeast5, done(D, 7.5), true, 1],
    [atLeast5, done(D, 3), false, 0.6],
    [atLeast5, done(D, 0), false, 0],
    [atLeast5, done(D, null), false, 0],
    [atLeast5, skip(D), false, 0],
    [atMost2, done(D, 0), true, 1],
    [atMost2, done(D, 2), true, 1],
    [atMost2, done(D, 2.5), false, 0],
    [atMost2, done(D, null), true, 1],
    [atMost2, skip(D), false, 0],
    [atMost2, undefined, false, 0],
  ] as [Measure, Checkin | null | undefined, boolean, number][])(
    '%j with %j → met %s, fraction %d',
    (measure, checkin, met, fraction) => {
      expect(isMet(measure, checkin)).toBe(met);
      expect(completionFraction(measure, checkin)).toBeCloseTo(fraction);
    },
  );
});

describe('checkinValueProblems', () => {
  it.each([
    [boolean, { state: 'done', value: null }, []],
    [boolean, { state: 'done' }, []],
    [boolean, { state: 'done', value: 1 }, ['A yes/no habit takes no value']],
    [boolean, { state: 'skipped', value: null }, []],
    [
      boolean,
      { state: 'skipped', value: 0 },
      ['A yes/no habit takes no value', 'A skipped day has no value'],
    ],
    [atLeast5, { state: 'done', value: 0 }, []],
    [atLeast5, { state: 'done', value: null }, ['A numeric check-in needs an amount (km)']],
    [atLeast5, { state: 'done' }, ['A numeric check-in needs an amount (km)']],
    [atLeast5, { state: 'skipped' }, []],
    [atMost2, { state: 'skipped', value: 1 }, ['A skipped day has no value']],
    [boolean, { state: 'note', value: null, note: 'tired' }, []],
    [atLeast5, { state: 'note', note: 'rain' }, []],
    [boolean, { state: 'note', note: '  ' }, ['A day with only a note has its note and no value']],
    [boolean, { state: 'note' }, ['A day with only a note has its note and no value']],
    [
      atLeast5,
      { state: 'note', value: 3, note: 'x' },
      ['A day with only a note has its note and no value'],
    ],
  ] as [Measure, { state: CheckinState; value?: number | null; note?: string }, string[]][])(
    '%j with %j → %j',
    (measure, checkin, problems) => {
      expect(checkinValueProblems(measure, checkin)).toEqual(problems);
    },
  );
});

describe('checkinShapeProblems', () => {
  it('is what every measure refuses: the rules that do not depend on it', () => {
    const checkins: { state: CheckinState; value?: number | null; note?: string }[] = [
      { state: 'done' },
      { state: 'done', value: 2 },
      { state: 'skipped' },
      { state: 'skipped', value: 1 },
      { state: 'note', note: 'rain' },
      { state: 'note', note: ' ' },
      { state: 'note', value: 3, note: 'x' },
    ];
    for (const checkin of checkins) {
      const shape = checkinShapeProblems(checkin);
      for (const measure of [boolean, atLeast5, atMost2]) {
        const all = checkinValueProblems(measure, checkin);
        expect(all.slice(all.length - shape.length), JSON.stringify(checkin)).toEqual(shape);
      }
    }
    expect(checkinShapeProblems({ state: 'skipped', value: 1 })).toEqual([
      'A skipped day has no value',
    ]);
    expect(checkinShapeProblems({ state: 'done', value: 2 })).toEqual([]);
  });
});
