import type { Measure } from '@habit-tracker/core';
import { describe, expect, it } from 'vitest';
import { scheduleFromLoopFrequency } from '../src/loop/frequency';
import { loopColorToHex, nearestLoopColor } from '../src/loop/palette';
import { interpretLoopValue, parseLoopValue } from '../src/loop/values';

describe('Loop frequency → schedule', () => {
  it.each([
    [1, 1, { kind: 'daily' }],
    [7, 7, { kind: 'daily' }],
    [1, 7, { kind: 'times_per_week', times: 1 }],
    [3, 7, { kind: 'times_per_week', times: 3 }],
    [6, 7, { kind: 'times_per_week', times: 6 }],
    [2, 30, { kind: 'times_per_month', times: 2 }],
    [5, 31, { kind: 'times_per_month', times: 5 }],
    [1, 2, { kind: 'every_n_days', interval: 2 }],
    [1, 3, { kind: 'every_n_days', interval: 3 }],
    [1, 365, { kind: 'every_n_days', interval: 365 }],
  ])('%i/%i is exact', (numerator, denominator, schedule) => {
    expect(scheduleFromLoopFrequency(numerator, denominator)).toEqual({ schedule });
  });

  it.each([
    // Loop's "X times in Y days": the rolling window of the same name.
    [2, 3, { kind: 'times_in_days', times: 2, days: 3 }],
    [3, 14, { kind: 'times_in_days', times: 3, days: 14 }],
    [9, 10, { kind: 'times_in_days', times: 9, days: 10 }],
    [2, 60, { kind: 'times_in_days', times: 2, days: 60 }],
    [10, 365, { kind: 'times_in_days', times: 10, days: 365 }],
  ])('%i/%i is exact', (numerator, denominator, schedule) => {
    expect(scheduleFromLoopFrequency(numerator, denominator)).toEqual({ schedule });
  });

  it.each([
    [3, 1, { kind: 'daily' }],
    [1, 400, { kind: 'every_n_days', interval: 365 }],
    // Windows longer than a year: the same rate over 365 days.
    [10, 730, { kind: 'times_in_days', times: 5, days: 365 }],
    [799, 800, { kind: 'daily' }],
  ])('%i/%i is approximated, with a warning', (numerator, denominator, schedule) => {
    const mapping = scheduleFromLoopFrequency(numerator, denominator);
    expect(mapping.schedule).toEqual(schedule);
    expect(mapping.approximation).toMatch(`${numerator} time`);
  });
});

describe('Loop values', () => {
  it('reads labels, integers and decimals', () => {
    expect(parseLoopValue('YES_MANUAL')).toEqual({ code: 2 });
    expect(parseLoopValue('YES_AUTO')).toEqual({ code: 1 });
    expect(parseLoopValue('NO')).toEqual({ code: 0 });
    expect(parseLoopValue('SKIP')).toEqual({ code: 3 });
    expect(parseLoopValue('UNKNOWN')).toEqual({ code: -1 });
    expect(parseLoopValue('')).toEqual({ code: -1 });
    expect(parseLoopValue('-1')).toEqual({ code: -1 });
    expect(parseLoopValue('2500')).toEqual({ code: 2500 });
    expect(parseLoopValue('2.5')).toEqual({ amount: 2.5 });
    expect(parseLoopValue('maybe')).toBeNull();
    expect(parseLoopValue('2x')).toBeNull();
  });

  const yesNo: Measure = { kind: 'boolean' };
  const atLeast: Measure = { kind: 'numeric', unit: 'km', target: 5, direction: 'at_least' };
  const atMost: Measure = { kind: 'numeric', unit: 'cups', target: 2, direction: 'at_most' };

  it('makes only manual checks and skips into yes/no check-ins', () => {
    expect(interpretLoopValue(yesNo, { code: 2 })).toEqual({ state: 'done', value: null });
    expect(interpretLoopValue(yesNo, { code: 3 })).toEqual({ state: 'skipped' });
    expect(interpretLoopValue(yesNo, { code: -3 })).toEqual({ state: 'skipped' });
    for (const code of [1, 0, -1])
      expect(interpretLoopValue(yesNo, { code })).toEqual({ state: 'none' });
    expect(interpretLoopValue(yesNo, { code: 7 })).toHaveProperty('invalid');
    expect(interpretLoopValue(yesNo, { amount: 1.5 })).toHaveProperty('invalid');
  });

  it('divides measurable integers by 1000 and takes decimals as written', () => {
    expect(interpretLoopValue(atLeast, { code: 2500 })).toEqual({ state: 'done', value: 2.5 });
    expect(interpretLoopValue(atLeast, { amount: 2.5 })).toEqual({ state: 'done', value: 2.5 });
    expect(interpretLoopValue(atLeast, { code: 0 })).toEqual({ state: 'none' });
    expect(interpretLoopValue(atLeast, { code: 3 })).toEqual({ state: 'skipped' });
    expect(interpretLoopValue(atLeast, { code: -1 })).toEqual({ state: 'none' });
    expect(interpretLoopValue(atLeast, { code: -5000 })).toHaveProperty('invalid');
  });

  it('keeps an at-most zero as a check-in: staying at zero is the point', () => {
    expect(interpretLoopValue(atMost, { code: 0 })).toEqual({ state: 'done', value: 0 });
    expect(interpretLoopValue(atMost, { code: 3000 })).toEqual({ state: 'done', value: 3 });
  });
});

describe("Loop's palette", () => {
  it('maps the 20 indices and takes anything else as ARGB', () => {
    expect(loopColorToHex(0)).toBe('#d32f2f');
    expect(loopColorToHex(8)).toBe('#00897b');
    expect(loopColorToHex(19)).toBe('#aaaaaa');
    expect(loopColorToHex(0xff3b82f6 | 0)).toBe('#3b82f6'); // a signed Java int
    expect(loopColorToHex(0x123456)).toBe('#123456');
  });

  it('reads versions 14–20 as 1.x indexes and older ones as ARGB, as migrations 14 and 21 do', () => {
    // Migration 14 turned these ARGB values into 0…12; migration 21 moved 0…12 to 0,1,4,5,7…19.
    const argb = [
      -2937041, -1684967, -415707, -5262293, -13070788, -16742021, -16732991, -16540699, -10603087,
      -7461718, -2614432, -13619152, -5592406,
    ];
    const to20 = [0, 1, 4, 5, 7, 8, 9, 10, 13, 14, 15, 17, 19];
    argb.forEach((value, index) => {
      expect(loopColorToHex(value, 12)).toBe(loopColorToHex(to20[index]!, 25));
      expect(loopColorToHex(index, 15)).toBe(loopColorToHex(to20[index]!, 25));
    });
  });

  it('finds the nearest of the 20 colours for a backup', () => {
    expect(nearestLoopColor('#00897b')).toBe(8);
    expect(nearestLoopColor('#aaaaaa')).toBe(19);
    expect(nearestLoopColor('#3b82f6')).toBe(11); // blue
    expect(nearestLoopColor('#000000')).toBe(17); // dark grey
  });
});
