import { describe, expect, it } from 'vitest';
import { parseAmount, step } from './quick-entry';

describe('quick entry', () => {
  it('reads amounts with either decimal mark and refuses the rest', () => {
    expect(parseAmount('6,5')).toEqual({ value: 6.5 });
    expect(parseAmount(' 0 ')).toEqual({ value: 0 });
    expect(parseAmount('')).toHaveProperty('error');
    expect(parseAmount('-1')).toHaveProperty('error');
    expect(parseAmount('2e9')).toHaveProperty('error');
    expect(parseAmount('abc')).toHaveProperty('error');
  });

  it('steps the running total, never below 0, without float noise', () => {
    expect(step('7', 1)).toBe('8');
    expect(step('', 1)).toBe('1');
    expect(step('0.5', -1)).toBe('0');
    expect(step('0.1', 0.2)).toBe('0.3');
  });
});
