import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  isValidLocalTime,
  localDateOf,
  nextReminderOccurrence,
  type ReminderRule,
  reminderInstant,
  reminderOccurrencesBetween,
  weekdayOf,
} from '../src';

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const at = (date: string, time: string, timeZone: string, dayStartHour = 0) =>
  iso(reminderInstant(date, time, { timeZone, dayStartHour }));

describe('reminderInstant', () => {
  type Row = [
    zone: string,
    date: string,
    time: string,
    dayStart: number,
    expected: string,
    why: string,
  ];
  const rows: Row[] = [
    // US spring forward 2026-03-08 02:00 EST → 03:00 EDT; fall back 2026-11-01 02:00 EDT → 01:00 EST.
    ['America/New_York', '2026-03-07', '02:30', 0, '2026-03-07T07:30:00Z', 'the day before: EST'],
    [
      'America/New_York',
      '2026-03-08',
      '02:30',
      0,
      '2026-03-08T07:00:00Z',
      'skipped: fires at the jump, 03:00 EDT',
    ],
    [
      'America/New_York',
      '2026-03-08',
      '02:00',
      0,
      '2026-03-08T07:00:00Z',
      'the first skipped minute: the jump',
    ],
    ['America/New_York', '2026-03-08', '03:00', 0, '2026-03-08T07:00:00Z', '03:00 EDT exists'],
    ['America/New_York', '2026-03-08', '01:59', 0, '2026-03-08T06:59:00Z', 'before the gap: EST'],
    ['America/New_York', '2026-03-08', '08:00', 0, '2026-03-08T12:00:00Z', 'after the gap: EDT'],
    [
      'America/New_York',
      '2026-11-01',
      '01:30',
      0,
      '2026-11-01T05:30:00Z',
      'repeated: the first 01:30 (EDT)',
    ],
    ['America/New_York', '2026-11-01', '08:00', 0, '2026-11-01T13:00:00Z', 'after fall back: EST'],
    // Europe: 2026-03-29 02:00 CET → 03:00 CEST; 2026-10-25 03:00 CEST → 02:00 CET.
    ['Europe/Berlin', '2026-03-29', '02:15', 0, '2026-03-29T01:00:00Z', 'skipped: 03:00 CEST'],
    [
      'Europe/Berlin',
      '2026-10-25',
      '02:30',
      0,
      '2026-10-25T00:30:00Z',
      'repeated: the first (CEST)',
    ],
    ['Europe/Berlin', '2026-10-25', '07:00', 0, '2026-10-25T06:00:00Z', 'CET'],
    // Half- and quarter-hour zones without DST.
    ['Asia/Kolkata', '2026-06-01', '07:00', 0, '2026-06-01T01:30:00Z', 'UTC+05:30'],
    ['Asia/Kathmandu', '2026-06-01', '07:00', 0, '2026-06-01T01:15:00Z', 'UTC+05:45'],
    ['Australia/Eucla', '2026-06-01', '07:00', 0, '2026-05-31T22:15:00Z', 'UTC+08:45'],
    // Lord Howe: a 30-minute DST. 2026-04-05 02:00 (+11) → 01:30 (+10:30); 2026-10-04 02:00 (+10:30) → 02:30 (+11).
    [
      'Australia/Lord_Howe',
      '2026-10-04',
      '02:15',
      0,
      '2026-10-03T15:30:00Z',
      'skipped: fires at 02:30 (+11)',
    ],
    [
      'Australia/Lord_Howe',
      '2026-10-04',
      '02:30',
      0,
      '2026-10-03T15:30:00Z',
      'the first valid minute',
    ],
    [
      'Australia/Lord_Howe',
      '2026-10-04',
      '01:59',
      0,
      '2026-10-03T15:29:00Z',
      'before the gap (+10:30)',
    ],
    [
      'Australia/Lord_Howe',
      '2026-04-05',
      '01:45',
      0,
      '2026-04-04T14:45:00Z',
      'repeated: the first (+11)',
    ],
    [
      'Australia/Lord_Howe',
      '2026-04-05',
      '07:00',
      0,
      '2026-04-04T20:30:00Z',
      'after fall back (+10:30)',
    ],
    // Chatham: UTC+12:45 / +13:45, DST at 02:45 → 03:45 (2026-09-27).
    [
      'Pacific/Chatham',
      '2026-09-27',
      '03:00',
      0,
      '2026-09-26T14:00:00Z',
      'skipped: the jump to 03:45',
    ],
    // Day start: before it, the reminder fires on the next wall-clock date.
    [
      'Europe/Berlin',
      '2026-06-10',
      '01:00',
      3,
      '2026-06-10T23:00:00Z',
      'day starts 03:00: 01:00 on the 11th',
    ],
    [
      'Europe/Berlin',
      '2026-06-10',
      '03:00',
      3,
      '2026-06-10T01:00:00Z',
      'at the day start: same date',
    ],
    [
      'America/New_York',
      '2026-03-07',
      '02:30',
      3,
      '2026-03-08T07:00:00Z',
      'for the 7th, on the 8th, skipped',
    ],
    ['UTC', '2026-12-31', '23:59', 0, '2026-12-31T23:59:00Z', 'UTC'],
    ['Pacific/Kiritimati', '2026-01-01', '00:00', 0, '2025-12-31T10:00:00Z', 'UTC+14'],
  ];
  it.each(rows)('%s %s %s (day start %i) → %s: %s', (zone, date, time, dayStart, expected) => {
    expect(at(date, time, zone, dayStart)).toBe(expected);
  });
});

describe('nextReminderOccurrence', () => {
  const berlin = { timeZone: 'Europe/Berlin', dayStartHour: 0 };
  const daily: ReminderRule = { time: '08:00', days: null };

  it('is strictly after the instant given', () => {
    const eight = Date.parse('2026-06-10T06:00:00Z');
    expect(nextReminderOccurrence(daily, berlin, eight - 1)).toEqual({
      date: '2026-06-10',
      at: eight,
    });
    expect(nextReminderOccurrence(daily, berlin, eight)?.date).toBe('2026-06-11');
  });

  it('never fires a habit day twice, even when a zone change brings the time round again', () => {
    // Fired for the 10th at 08:00 Berlin; the user moves to London, where it is 07:30.
    const fired = Date.parse('2026-06-10T06:00:00Z');
    const london = { timeZone: 'Europe/London', dayStartHour: 0 };
    const next = nextReminderOccurrence(daily, london, fired + 30 * 60_000, '2026-06-10');
    expect(next).toEqual({ date: '2026-06-11', at: Date.parse('2026-06-11T07:00:00Z') });
  });

  it('moving east, the next one is at the new zone’s time', () => {
    const tokyo = { timeZone: 'Asia/Tokyo', dayStartHour: 0 };
    // 06:00 Berlin on the 10th = 13:00 Tokyo: today's 08:00 has passed there.
    const next = nextReminderOccurrence(
      daily,
      tokyo,
      Date.parse('2026-06-10T04:00:00Z'),
      '2026-06-09',
    );
    expect(next).toEqual({ date: '2026-06-11', at: Date.parse('2026-06-10T23:00:00Z') });
  });

  it('chosen weekdays are the habit day’s, not the wall clock’s', () => {
    // Day starts at 04:00; a Monday reminder at 01:00 fires early on Tuesday's wall clock.
    const settings = { timeZone: 'Asia/Singapore', dayStartHour: 4 };
    const rule: ReminderRule = { time: '01:00', days: [1] };
    const next = nextReminderOccurrence(rule, settings, Date.parse('2026-06-01T00:00:00Z'));
    expect(next?.date).toBe('2026-06-01'); // a Monday
    expect(iso(next!.at)).toBe('2026-06-01T17:00:00Z'); // Tuesday 01:00 in Singapore
    expect(weekdayOf(next!.date)).toBe(1);
  });

  it('fires once a day through both DST changes (Lord Howe, New York, Berlin)', () => {
    for (const [timeZone, from, to] of [
      ['Australia/Lord_Howe', '2026-04-01T00:00:00Z', '2026-10-10T00:00:00Z'],
      ['America/New_York', '2026-03-01T00:00:00Z', '2026-11-10T00:00:00Z'],
      ['Europe/Berlin', '2026-03-20T00:00:00Z', '2026-11-01T00:00:00Z'],
    ] as const) {
      for (const time of ['01:30', '02:00', '02:15', '02:30', '02:59', '03:00', '08:00']) {
        const got = reminderOccurrencesBetween(
          { time, days: null },
          { timeZone, dayStartHour: 0 },
          Date.parse(from),
          Date.parse(to),
        );
        for (let i = 1; i < got.length; i++) {
          expect(got[i]!.date, `${timeZone} ${time}`).toBe(addDays(got[i - 1]!.date, 1));
          expect(got[i]!.at).toBeGreaterThan(got[i - 1]!.at);
        }
      }
    }
  });

  it('is null only when no weekday is allowed', () => {
    expect(nextReminderOccurrence({ time: '08:00', days: [] }, berlin, 0)).toBeNull();
  });
});

describe('isValidLocalTime', () => {
  it.each(['00:00', '23:59', '07:05'])('accepts %s', (s) => expect(isValidLocalTime(s)).toBe(true));
  it.each(['24:00', '7:05', '07:60', '07:5', '', '07:05:00', ' 07:05'])('refuses %j', (s) =>
    expect(isValidLocalTime(s)).toBe(false),
  );
});

describe('properties', () => {
  const zones = [
    'UTC',
    'Europe/Berlin',
    'America/New_York',
    'America/Sao_Paulo',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'Australia/Adelaide',
    'Pacific/Chatham',
    'America/St_Johns',
    'Africa/Casablanca',
    'Pacific/Apia',
  ];
  const zone = fc.constantFrom(...zones);
  const time = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const instant = fc.integer({
    min: Date.parse('2000-01-01T00:00:00Z'),
    max: Date.parse('2040-01-01T00:00:00Z'),
  });
  const days = fc.option(
    fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    { nil: null },
  ) as fc.Arbitrary<ReminderRule['days']>;

  it('an occurrence fires at its local time, or at the first instant after it when that time is skipped', () => {
    fc.assert(
      fc.property(
        zone,
        time,
        instant,
        fc.integer({ min: 0, max: 23 }),
        (timeZone, t, after, dayStartHour) => {
          const next = nextReminderOccurrence(
            { time: t, days: null },
            { timeZone, dayStartHour },
            after,
          );
          expect(next).not.toBeNull();
          const zoned = Temporal.Instant.fromEpochMilliseconds(next!.at).toZonedDateTimeISO(
            timeZone,
          );
          const wall = zoned.toPlainTime().toString().slice(0, 5);
          if (wall !== t) {
            // Skipped: one minute earlier was before the jump, and the wall time jumped past t.
            const before = Temporal.Instant.fromEpochMilliseconds(
              next!.at - 60_000,
            ).toZonedDateTimeISO(timeZone);
            expect(zoned.offsetNanoseconds).toBeGreaterThan(before.offsetNanoseconds);
            expect(
              before.toPlainTime().toString().slice(0, 5) < t ||
                before.toPlainDate().toString() < zoned.toPlainDate().toString(),
            ).toBe(true);
          }
          expect(next!.at).toBeGreaterThan(after);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('consecutive occurrences: habit days strictly increase, none allowed is skipped, each is the day its instant belongs to', () => {
    fc.assert(
      fc.property(
        zone,
        time,
        instant,
        days,
        fc.integer({ min: 0, max: 23 }),
        (timeZone, t, from, d, dayStartHour) => {
          const settings = { timeZone, dayStartHour };
          const rule = { time: t, days: d };
          const got = reminderOccurrencesBetween(rule, settings, from, from + 15 * 86_400_000);
          expect(got.length).toBeGreaterThanOrEqual(d === null ? 14 : 2 * d.length - 1);
          for (let i = 0; i < got.length; i++) {
            const o = got[i]!;
            if (d !== null) expect(d).toContain(weekdayOf(o.date));
            // The reminder belongs to the habit day its instant falls in (Chatham's set-back across
            // a day start aside, which localDateOf documents).
            if (timeZone !== 'Pacific/Chatham') expect(localDateOf(o.at, settings)).toBe(o.date);
            if (i === 0) continue;
            const prev = got[i - 1]!;
            expect(o.date > prev.date).toBe(true);
            expect(o.at).toBeGreaterThan(prev.at);
            // Nothing allowed in between was skipped.
            for (let day = addDays(prev.date, 1); day < o.date; day = addDays(day, 1)) {
              expect(d === null || !d.includes(weekdayOf(day))).toBe(true);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
