import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  computeStreaks,
  isValidLocalDate,
  isValidTimeZone,
  localDateOf,
  normalizeTimeZone,
  startOfLocalDay,
} from '../src';
import { done } from './helpers';

type Row = [instant: string, dayStartHour: number, expected: string, why: string];

function table(timeZone: string, rows: Row[]) {
  describe(timeZone, () => {
    it.each(rows)('%s, day starts at %i → %s (%s)', (instant, dayStartHour, expected) => {
      expect(localDateOf(new Date(instant), { timeZone, dayStartHour })).toBe(expected);
    });
  });
}

describe('localDateOf', () => {
  // Spring forward 2024-03-10 02:00 EST → 03:00 EDT (07:00Z);
  // fall back 2024-11-03 02:00 EDT → 01:00 EST (06:00Z).
  table('America/New_York', [
    ['2024-03-10T04:59:00Z', 0, '2024-03-09', '23:59 EST'],
    ['2024-03-10T05:00:00Z', 0, '2024-03-10', 'midnight'],
    ['2024-03-10T06:59:00Z', 2, '2024-03-09', '01:59 EST, before the skipped 02:00'],
    ['2024-03-10T07:00:00Z', 2, '2024-03-10', '03:00 EDT: the day begins after the gap'],
    ['2024-03-10T06:59:00Z', 3, '2024-03-09', '01:59 EST'],
    ['2024-03-10T07:00:00Z', 3, '2024-03-10', '03:00 EDT'],
    ['2024-11-03T04:59:00Z', 1, '2024-11-02', '00:59 EDT'],
    ['2024-11-03T05:00:00Z', 1, '2024-11-03', 'first 01:00 (EDT) starts the day'],
    ['2024-11-03T06:00:00Z', 1, '2024-11-03', 'repeated 01:00 (EST) stays on the same day'],
    ['2024-11-03T06:59:00Z', 2, '2024-11-02', 'second 01:59 (EST): a 25-hour day'],
    ['2024-11-03T07:00:00Z', 2, '2024-11-03', '02:00 EST'],
    ['2024-11-03T07:59:00Z', 3, '2024-11-02', '02:59 EST'],
    ['2024-11-03T08:00:00Z', 3, '2024-11-03', '03:00 EST'],
    ['2024-11-03T02:59:00Z', 23, '2024-11-01', '22:59 EDT on the 2nd: before the 23:00 start'],
    ['2024-11-03T03:00:00Z', 23, '2024-11-02', '23:00 EDT on the 2nd'],
    ['2024-11-04T03:59:00Z', 23, '2024-11-02', '22:59 EST on the 3rd'],
    ['2024-11-04T04:00:00Z', 23, '2024-11-03', '23:00 EST on the 3rd'],
  ]);

  // Spring forward 2024-03-31 02:00 CET → 03:00 CEST (01:00Z);
  // fall back 2024-10-27 03:00 CEST → 02:00 CET (01:00Z).
  table('Europe/Berlin', [
    ['2024-03-30T22:59:00Z', 0, '2024-03-30', '23:59 CET'],
    ['2024-03-30T23:00:00Z', 0, '2024-03-31', 'midnight'],
    ['2024-03-31T00:59:00Z', 2, '2024-03-30', '01:59 CET'],
    ['2024-03-31T01:00:00Z', 2, '2024-03-31', '03:00 CEST after the gap'],
    ['2024-03-31T00:59:00Z', 3, '2024-03-30', '01:59 CET'],
    ['2024-03-31T01:00:00Z', 3, '2024-03-31', '03:00 CEST'],
    ['2024-10-27T00:00:00Z', 2, '2024-10-27', 'first 02:00 (CEST)'],
    ['2024-10-27T01:00:00Z', 2, '2024-10-27', 'repeated 02:00 (CET)'],
    ['2024-10-27T01:59:00Z', 3, '2024-10-26', 'second 02:59 (CET)'],
    ['2024-10-27T02:00:00Z', 3, '2024-10-27', '03:00 CET'],
    ['2024-10-27T21:59:00Z', 23, '2024-10-26', '22:59 CET'],
    ['2024-10-27T22:00:00Z', 23, '2024-10-27', '23:00 CET'],
  ]);

  // Southern hemisphere: DST starts 2024-10-06 02:00 AEST → 03:00 AEDT (10-05T16:00Z),
  // ends 2024-04-07 03:00 AEDT → 02:00 AEST (04-06T16:00Z).
  table('Australia/Sydney', [
    ['2024-10-05T13:59:00Z', 0, '2024-10-05', '23:59 AEST'],
    ['2024-10-05T14:00:00Z', 0, '2024-10-06', 'midnight'],
    ['2024-10-05T15:59:00Z', 2, '2024-10-05', '01:59 AEST'],
    ['2024-10-05T16:00:00Z', 2, '2024-10-06', '03:00 AEDT after the gap'],
    ['2024-04-06T15:00:00Z', 2, '2024-04-07', 'first 02:00 (AEDT)'],
    ['2024-04-06T16:00:00Z', 2, '2024-04-07', 'repeated 02:00 (AEST)'],
    ['2024-04-06T15:59:00Z', 3, '2024-04-06', 'first 02:59 (AEDT)'],
    ['2024-04-06T16:59:00Z', 3, '2024-04-06', 'second 02:59 (AEST)'],
    ['2024-04-06T17:00:00Z', 3, '2024-04-07', '03:00 AEST'],
  ]);

  // +05:30, no DST.
  table('Asia/Kolkata', [
    ['2024-06-30T18:29:00Z', 0, '2024-06-30', '23:59 IST'],
    ['2024-06-30T18:30:00Z', 0, '2024-07-01', 'midnight IST'],
    ['2024-06-30T21:29:00Z', 3, '2024-06-30', '02:59 IST'],
    ['2024-06-30T21:30:00Z', 3, '2024-07-01', '03:00 IST'],
    ['2024-06-30T17:29:00Z', 23, '2024-06-29', '22:59 IST'],
    ['2024-06-30T17:30:00Z', 23, '2024-06-30', '23:00 IST'],
  ]);

  // +12:45 / +13:45. DST starts 2024-09-29 02:45 → 03:45 (09-28T14:00Z);
  // ends 2024-04-07 03:45 → 02:45 (04-06T14:00Z).
  table('Pacific/Chatham', [
    ['2024-06-30T11:14:00Z', 0, '2024-06-30', '23:59 +12:45'],
    ['2024-06-30T11:15:00Z', 0, '2024-07-01', 'midnight'],
    ['2024-09-28T13:59:00Z', 3, '2024-09-28', '02:44 +12:45, before the gap'],
    ['2024-09-28T14:00:00Z', 3, '2024-09-29', '03:45 +13:45, first moment with hour ≥ 3'],
    ['2024-04-06T13:14:00Z', 3, '2024-04-06', '02:59 +13:45'],
    ['2024-04-06T13:15:00Z', 3, '2024-04-07', '03:00 +13:45 starts the day'],
    ['2024-04-06T14:00:00Z', 3, '2024-04-07', 'clock back to 02:45 +12:45: the day has begun'],
    ['2024-04-06T14:14:00Z', 3, '2024-04-07', '02:59 +12:45 stays on the 7th'],
    ['2024-04-06T14:00:00Z', 2, '2024-04-07', '02:45 +12:45'],
  ]);

  // −03:00 all year now; until 2019 DST began and ended at midnight.
  table('America/Sao_Paulo', [
    ['2024-11-03T02:59:00Z', 0, '2024-11-02', '23:59 −03'],
    ['2024-11-03T03:00:00Z', 0, '2024-11-03', 'midnight −03'],
    ['2024-11-03T05:59:00Z', 3, '2024-11-02', '02:59 −03'],
    ['2024-11-03T06:00:00Z', 3, '2024-11-03', '03:00 −03'],
    ['2018-11-04T02:59:00Z', 0, '2018-11-03', '23:59 −03, before a skipped midnight'],
    ['2018-11-04T03:00:00Z', 0, '2018-11-04', '01:00 −02: the day starts after the gap'],
    ['2019-02-17T01:59:00Z', 0, '2019-02-16', '23:59 −02'],
    ['2019-02-17T02:00:00Z', 0, '2019-02-16', 'repeated 23:00 −03 is still the 16th'],
    ['2019-02-17T03:00:00Z', 0, '2019-02-17', 'midnight −03'],
  ]);

  table('UTC', [
    ['2024-02-29T12:00:00Z', 0, '2024-02-29', 'leap day'],
    ['2024-03-01T02:00:00Z', 3, '2024-02-29', '02:00 belongs to the leap day'],
    ['2025-01-01T00:30:00Z', 1, '2024-12-31', 'new year not begun yet'],
  ]);

  it('accepts epoch milliseconds as well as Date', () => {
    const settings = { timeZone: 'Asia/Kolkata', dayStartHour: 0 };
    const ms = Date.UTC(2024, 5, 30, 18, 30);
    expect(localDateOf(ms, settings)).toBe(localDateOf(new Date(ms), settings));
  });
});

describe('startOfLocalDay', () => {
  it.each([
    ['America/New_York', 0, '2024-03-10', '2024-03-10T05:00:00.000Z', 'midnight EST'],
    ['America/New_York', 2, '2024-03-10', '2024-03-10T07:00:00.000Z', '02:00 skipped: 03:00 EDT'],
    ['America/New_York', 1, '2024-11-03', '2024-11-03T05:00:00.000Z', 'the first of two 01:00s'],
    ['Europe/Berlin', 4, '2024-06-01', '2024-06-01T02:00:00.000Z', '04:00 CEST'],
    ['Asia/Kolkata', 0, '2024-06-01', '2024-05-31T18:30:00.000Z', 'a half-hour zone'],
    [
      'Pacific/Chatham',
      3,
      '2024-04-07',
      '2024-04-06T13:15:00.000Z',
      '03:00 CHADT (+13:45), before 03:45 → 02:45',
    ],
    [
      'Pacific/Chatham',
      3,
      '2024-09-29',
      '2024-09-28T14:00:00.000Z',
      '03:00 skipped (02:45 CHAST → 03:45 CHADT): the gap’s end, not 04:00',
    ],
  ])('%s, day starts at %i: %s begins at %s (%s)', (timeZone, dayStartHour, date, instant) => {
    expect(new Date(startOfLocalDay(date, { timeZone, dayStartHour })).toISOString()).toBe(instant);
  });

  // Zones with DST, half hours, a fractional fall-back and the date line.
  const zones = [
    'America/New_York',
    'Europe/London',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'Asia/Kolkata',
    'Pacific/Kiritimati',
    'America/Santiago',
  ];
  it('is the first instant localDateOf puts on the date (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        (ms, timeZone, dayStartHour) => {
          const settings = { timeZone, dayStartHour };
          const date = localDateOf(ms, settings);
          const start = startOfLocalDay(date, settings);
          const next = startOfLocalDay(addDays(date, 1), settings);
          expect(start).toBeLessThanOrEqual(ms);
          expect(next).toBeGreaterThan(ms);
          expect(localDateOf(start, settings)).toBe(date);
          expect(localDateOf(start - 1, settings)).toBe(addDays(date, -1));
          expect(localDateOf(next, settings)).toBe(addDays(date, 1));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('a travelling user', () => {
  const instant = new Date('2024-06-15T20:00:00Z');

  it('the same instant is a different date in different zones', () => {
    expect(localDateOf(instant, { timeZone: 'America/Los_Angeles', dayStartHour: 0 })).toBe(
      '2024-06-15',
    );
    expect(localDateOf(instant, { timeZone: 'Asia/Tokyo', dayStartHour: 0 })).toBe('2024-06-16');
    expect(localDateOf(instant, { timeZone: 'Asia/Tokyo', dayStartHour: 6 })).toBe('2024-06-15');
  });

  it('past check-ins keep their stored dates; only "today" moves', () => {
    // Checked in on the 14th and 15th in Los Angeles, then flew to Tokyo where it is the 16th.
    const checkins = [done('2024-06-14'), done('2024-06-15')];
    const input = { schedule: { kind: 'daily' } as const, measure: { kind: 'boolean' } as const };
    const inLosAngeles = localDateOf(instant, { timeZone: 'America/Los_Angeles', dayStartHour: 0 });
    const inTokyo = localDateOf(instant, { timeZone: 'Asia/Tokyo', dayStartHour: 0 });
    const streak = (today: string) =>
      computeStreaks({ ...input, checkins, startDate: '2024-06-14', today, weekStart: 1 }).current;
    expect(streak(inLosAngeles)).toBe(2);
    // Tokyo's 16th has only just begun: not done yet, so the streak holds.
    expect(streak(inTokyo)).toBe(2);
    expect(checkins.map((c) => c.date)).toEqual(['2024-06-14', '2024-06-15']);
  });
});

describe('isValidTimeZone', () => {
  it.each([
    ['UTC', true],
    ['Asia/Singapore', true],
    ['America/Argentina/Buenos_Aires', true],
    ['Pacific/Chatham', true],
    ['', false],
    ['Foo/Bar', false],
    ['+05:00', false],
    ['-03:00', false],
    ['Asia/', false],
    ['Mars/Olympus_Mons', false],
  ])('%j → %s', (tz, valid) => {
    expect(isValidTimeZone(tz)).toBe(valid);
  });

  it('normalizes the spelling', () => {
    expect(normalizeTimeZone('asia/kolkata')).toBe('Asia/Kolkata');
    expect(normalizeTimeZone('utc')).toBe('UTC');
    expect(normalizeTimeZone('Nowhere')).toBeNull();
  });
});

describe('isValidLocalDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['2100-02-29', false],
    ['2024-01-31', true],
    ['2024-04-31', false],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-01-00', false],
    ['1900-01-01', true],
    ['1899-12-31', false],
    ['2999-12-31', true],
    ['3000-01-01', false],
    ['2024-1-01', false],
    ['2024-01-01T00:00', false],
    [' 2024-01-01', false],
    ['20240101', false],
    ['', false],
  ])('%j → %s', (s, valid) => {
    expect(isValidLocalDate(s)).toBe(valid);
  });
});
