import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  civilToDayNumber,
  compareDates,
  daysBetween,
  daysInMonth,
  endOfMonth,
  endOfWeek,
  fromDayNumber,
  isLeapYear,
  monthIndexOf,
  startOfMonth,
  startOfWeek,
  toDayNumber,
  type Weekday,
  weekdayOf,
  weekIndexOfDayNumber,
} from '../src';

const MIN = toDayNumber('0001-01-01');
const MAX = toDayNumber('9999-12-31');
const dayNumber = fc.integer({ min: MIN, max: MAX });
const weekday = fc.integer({ min: 1, max: 7 }) as fc.Arbitrary<Weekday>;
const epoch = Temporal.PlainDate.from('1970-01-01');
const plain = (n: number) => epoch.add({ days: n });

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-03-01', 11017],
    ['1900-01-01', -25567],
    ['2999-12-31', 376199],
  ])('%s is day %i', (date, n) => {
    expect(toDayNumber(date)).toBe(n);
    expect(fromDayNumber(n)).toBe(date);
  });

  it('agrees with Temporal.PlainDate (property)', () => {
    fc.assert(
      fc.property(dayNumber, (n) => {
        const date = plain(n).toString();
        expect(fromDayNumber(n)).toBe(date);
        expect(toDayNumber(date)).toBe(n);
        expect(weekdayOf(date)).toBe(plain(n).dayOfWeek);
        const { year, month, day } = plain(n);
        expect(civilToDayNumber(year, month, day)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('week and month helpers agree with Temporal (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MIN + 500, max: MAX - 500 }),
        weekday,
        fc.integer({ min: -400, max: 400 }),
        (n, ws, k) => {
          const d = plain(n);
          const date = d.toString();
          const sow = d.subtract({ days: (d.dayOfWeek - ws + 7) % 7 });
          expect(startOfWeek(date, ws)).toBe(sow.toString());
          expect(endOfWeek(date, ws)).toBe(sow.add({ days: 6 }).toString());
          expect(weekIndexOfDayNumber(n, ws)).toBe(
            weekIndexOfDayNumber(toDayNumber(sow.toString()), ws),
          );
          expect(weekIndexOfDayNumber(n + 7, ws)).toBe(weekIndexOfDayNumber(n, ws) + 1);
          expect(startOfMonth(date)).toBe(d.with({ day: 1 }).toString());
          expect(endOfMonth(date)).toBe(d.with({ day: d.daysInMonth }).toString());
          expect(addDays(date, k)).toBe(d.add({ days: k }).toString());
          expect(daysBetween(date, addDays(date, k))).toBe(k);
          const next = d.with({ day: 1 }).add({ months: 1 }).toString();
          expect(monthIndexOf(next)).toBe(monthIndexOf(date) + 1);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('leap years and month ends', () => {
  it.each([
    [2024, true],
    [2023, false],
    [2000, true],
    [1900, false],
    [2100, false],
    [2400, true],
  ])('%i leap: %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
    expect(daysInMonth(year, 2)).toBe(leap ? 29 : 28);
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2100-02-28', 1, '2100-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2024-01-31', 1, '2024-02-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2023-03-01', -1, '2023-02-28'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-01-01', 366, '2025-01-01'],
  ])('%s + %i = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it.each([
    ['2024-01-15', '2024-01-31'],
    ['2024-02-10', '2024-02-29'],
    ['2023-02-10', '2023-02-28'],
    ['2100-02-01', '2100-02-28'],
    ['2000-02-01', '2000-02-29'],
    ['2024-04-30', '2024-04-30'],
  ])('end of month of %s is %s', (date, end) => {
    expect(endOfMonth(date)).toBe(end);
  });
});

describe('week starts', () => {
  // 2024-01-10 is a Wednesday.
  it.each([
    [1, '2024-01-08', '2024-01-14'],
    [7, '2024-01-07', '2024-01-13'],
    [6, '2024-01-06', '2024-01-12'],
    [3, '2024-01-10', '2024-01-16'],
  ] as const)('week starting on %i around 2024-01-10: %s..%s', (ws, start, end) => {
    expect(startOfWeek('2024-01-10', ws)).toBe(start);
    expect(endOfWeek('2024-01-10', ws)).toBe(end);
  });

  it('compares dates', () => {
    expect(['2024-02-01', '1999-12-31', '2024-01-31'].sort(compareDates)).toEqual([
      '1999-12-31',
      '2024-01-31',
      '2024-02-01',
    ]);
    expect(compareDates('2024-01-01', '2024-01-01')).toBe(0);
  });
});
