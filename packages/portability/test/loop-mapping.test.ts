import type { Measure } from '@habit-tracker/core';
import { describe, expect, it } from 'vitest';
import { scheduleFromLoopFrequency } from '../src/loop/frequency';
import { loopColorToHex } from '../src/loop/palette';
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
    // The rate kept over the nearest period: 2 in 3 days ≈ 4.7 a week → 5.
    [2, 3, { kind: 'times_per_week', times: 5 }],
    [3, 14, { kind: 'times_per_week', times: 2 }],
    [2, 21, { kind: 'times_per_week', times: 1 }],
    [6, 15, { kind: 'times_per_week', times: 3 }],
    [9, 10, { kind: 'times_per_week', times: 6 }],
    [19, 20, { kind: 'daily' }],
    [2, 60, { kind: 'times_per_month', times: 1 }],
    [10, 90, { kind: 'times_per_month', times: 3 }],
    [3, 1, { kind: 'daily' }],
    [1, 400, { kind: 'every_n_days', interval: 365 }],
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
});
