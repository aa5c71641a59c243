import { describe, expect, it } from 'vitest';
import { formatLsn, laterLsn, lsnDiff, lsnReached, parseLsn } from '../src/lsn';

describe('LSNs', () => {
  it('parses both hex halves into one 64-bit position', () => {
    expect(parseLsn('0/0')).toBe(0n);
    expect(parseLsn('0/302F3F8')).toBe(0x302f3f8n);
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) | 0xb374d848n);
    expect(parseLsn('ffffffff/ffffffff')).toBe((1n << 64n) - 1n);
  });

  it('rejects anything else', () => {
    for (const bad of ['', '16', '16/', '/1', '1/2/3', 'G/0', '123456789/0', '1 / 2', '-1/0']) {
      expect(parseLsn(bad), bad).toBeUndefined();
    }
    expect(parseLsn(undefined)).toBeUndefined();
    expect(parseLsn(null)).toBeUndefined();
  });

  it('round-trips through the printed form', () => {
    for (const text of ['0/0', '0/302F3F8', '16/B374D848', 'FFFFFFFF/FFFFFFFF']) {
      expect(formatLsn(parseLsn(text)!)).toBe(text);
    }
    expect(() => formatLsn(-1n)).toThrow(RangeError);
  });

  it('compares numerically, not as text', () => {
    expect(lsnReached('10/0', '9/FFFFFFFF')).toBe(true);
    expect(lsnReached('9/FFFFFFFF', '10/0')).toBe(false);
    expect(lsnReached('0/A', '0/A')).toBe(true);
    expect(lsnReached('0/9', '0/A')).toBe(false);
    expect(() => lsnReached('nope', '0/1')).toThrow(/not an LSN/);
  });

  it('measures the distance in bytes and picks the later one', () => {
    expect(lsnDiff('1/0', '0/FFFFFFF0')).toBe(16);
    expect(lsnDiff('0/10', '0/20')).toBe(-16);
    expect(laterLsn('0/20', '0/10')).toBe('0/20');
    expect(laterLsn('0/10', '1/0')).toBe('1/0');
    expect(laterLsn(undefined, '0/10')).toBe('0/10');
    expect(laterLsn('garbage', '0/10')).toBe('0/10');
    expect(laterLsn('garbage', undefined)).toBeUndefined();
  });
});
