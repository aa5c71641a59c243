import { describe, expect, it } from 'vitest';
import type { Today, TodayHabit } from '../api/client';
import type { QueuedAction } from '../offline/db';
import { applyPending, gridDates, gridDays, optimisticCheckin, rollTo } from './model';

const TODAY = '2026-03-15'; // a Sunday

function habit(over: Partial<TodayHabit['habit']> = {}): TodayHabit['habit'] {
  return {
    id: 'h1',
    name: 'Read',
    description: '',
    color: '#3b82f6',
    icon: '',
    measure: { kind: 'boolean' },
    schedule: { kind: 'daily' },
    position: 0,
    groupId: null,
    startDate: '2026-03-01',
    archivedAt: null,
    createdAt: '',
    updatedAt: '',
    ...over,
  };
}

function today(items: TodayHabit[]): Today {
  return {
    date: TODAY,
    recentFrom: '2026-03-02',
    nextDayAt: '2026-03-16T04:00:00.000Z',
    settings: { timeZone: 'America/New_York', dayStartHour: 0, weekStart: 1, locale: null },
    groups: [],
    habits: items,
  };
}

function item(over: Partial<TodayHabit> = {}): TodayHabit {
  return {
    habit: habit(),
    due: true,
    checkin: null,
    recent: [],
    streak: { current: 2, best: 5, unit: 'days' },
    score: 0.5,
    period: { kind: 'day', start: TODAY, end: TODAY, done: 0, target: 1, met: false },
    ...over,
  };
}

const action = (over: Partial<QueuedAction>): QueuedAction => ({
  key: 'k',
  habitId: 'h1',
  habitName: 'Read',
  date: TODAY,
  op: 'put',
  body: { state: 'done' },
  queuedAt: 0,
  ...over,
});

describe('the grid', () => {
  it('lists the last days up to today, oldest first', () => {
    expect(gridDates(TODAY, 3)).toEqual(['2026-03-13', '2026-03-14', TODAY]);
  });

  it('gives each day its state, amount and whether it is due', () => {
    const water = item({
      habit: habit({
        measure: { kind: 'numeric', unit: 'glasses', target: 8, direction: 'at_least' },
        schedule: { kind: 'weekdays', days: [1, 3, 5] },
      }),
      recent: [
        { date: '2026-03-13', state: 'done', value: 5 },
        { date: '2026-03-11', state: 'done', value: 9 },
      ],
    });
    const days = gridDays(water, gridDates(TODAY, 5), TODAY);
    expect(days.map((d) => [d.date.slice(8), d.status, d.due])).toEqual([
      ['11', 'met', true], // Wednesday
      ['12', 'none', false],
      ['13', 'partly', true], // Friday
      ['14', 'none', false],
      ['15', 'none', false],
    ]);
  });

  it('counts an at-most habit’s empty past days as met, today not yet', () => {
    const coffee = item({
      habit: habit({ measure: { kind: 'numeric', unit: 'cups', target: 2, direction: 'at_most' } }),
      recent: [{ date: '2026-03-14', state: 'done', value: 3 }],
    });
    expect(gridDays(coffee, gridDates(TODAY, 3), TODAY).map((d) => d.status)).toEqual([
      'met',
      'over',
      'none',
    ]);
  });
});

describe('the outbox on Today', () => {
  it('shows a queued tap on a past day and on today at once', () => {
    const base = today([item()]);
    const view = applyPending(base, [
      action({ date: '2026-03-12' }),
      action({ date: TODAY, key: 'k2' }),
    ]);
    const read = view.habits[0]!;
    expect(read.recent.map((d) => d.date)).toEqual(['2026-03-12', TODAY]);
    expect(read.checkin?.state).toBe('done');
    // Today's tap estimates the streak and period until the server answers.
    expect(read.streak.current).toBe(3);
    expect(read.period.met).toBe(true);
  });

  it('a queued clear removes the day; a day outside the grid changes nothing', () => {
    const base = today([item({ recent: [{ date: '2026-03-12', state: 'done', value: null }] })]);
    expect(
      applyPending(base, [action({ op: 'delete', body: null, date: '2026-03-12' })]).habits[0]!
        .recent,
    ).toEqual([]);
    expect(applyPending(base, [action({ date: '2026-02-01' })])).toBe(base);
  });

  it('a clear with keep "notes" shows the day not done, as a note-only day when the note is known', () => {
    const clear = action({ op: 'delete', body: null, keep: 'notes', date: TODAY });
    const previous = {
      date: TODAY,
      state: 'done' as const,
      value: null,
      note: 'Chapter 3',
      createdAt: 'c',
      updatedAt: 'u',
    };
    expect(optimisticCheckin(clear, previous)).toMatchObject({
      state: 'note',
      value: null,
      note: 'Chapter 3',
    });
    // Earlier days come without their notes: the day just shows not done until the server answers.
    expect(optimisticCheckin(clear, { ...previous, note: null })).toBeNull();
    const base = today([item({ recent: [{ date: '2026-03-12', state: 'done', value: null }] })]);
    expect(applyPending(base, [{ ...clear, date: '2026-03-12' }]).habits[0]!.recent).toEqual([]);
  });

  it('a tap without a note keeps the note the day had', () => {
    const previous = {
      date: TODAY,
      state: 'done' as const,
      value: null,
      note: 'Chapter 3',
      createdAt: 'c',
      updatedAt: 'u',
    };
    expect(optimisticCheckin(action({ body: { state: 'skipped' } }), previous)?.note).toBe(
      'Chapter 3',
    );
    expect(
      optimisticCheckin(action({ body: { state: 'done', note: null } }), previous)?.note,
    ).toBeNull();
  });
});

describe('a new day before the server has answered', () => {
  it('moves the view on: today empty, yesterday kept, day schedules due again', () => {
    const base = today([
      item({
        checkin: {
          date: TODAY,
          state: 'done',
          value: null,
          note: null,
          createdAt: '',
          updatedAt: '',
        },
        recent: [
          { date: '2026-03-02', state: 'done', value: null },
          { date: TODAY, state: 'done', value: null },
        ],
        period: { kind: 'day', start: TODAY, end: TODAY, done: 1, target: 1, met: true },
      }),
    ]);
    const next = rollTo(base, '2026-03-16');
    expect(next.date).toBe('2026-03-16');
    expect(next.recentFrom).toBe('2026-03-03');
    expect(next.nextDayAt).toBe('2026-03-17T04:00:00.000Z');
    const read = next.habits[0]!;
    expect(read.checkin).toBeNull();
    expect(read.recent.map((d) => d.date)).toEqual([TODAY]);
    expect(read.period).toMatchObject({ start: '2026-03-16', done: 0, met: false });
    expect(rollTo(base, TODAY)).toBe(base);
  });
});
