/**
 * Beaver Habits, Table Habit, Habitica and HabitBull exports (fixtures in support/app-fixtures.ts)
 * imported through detectAndParse, as an upload is: every habit, its kind and schedule, and every
 * day's state, value and note.
 */
import { describe, expect, it } from 'vitest';
import { detectAndParse } from '../src/detect';
import type { ImportDocument, ImportedHabit } from '../src/import-document';
import {
  beaverBytes,
  beaverExport,
  habitBullBytes,
  habitBullCsv,
  habiticaBytes,
  habiticaExport,
  habiticaHistoryCsv,
  tableHabitBytes,
  tableHabitExport,
} from './support/app-fixtures';
import { importErrorOf } from './support/errors';

const options = { today: '2026-03-20' };
const parse = async (name: string, bytes: Uint8Array) =>
  (await detectAndParse({ name, bytes }, options)).document;
const named = (doc: ImportDocument, name: string): ImportedHabit => {
  const habit = doc.habits.find((h) => h.name === name);
  if (!habit) throw new Error(`no habit ${name}`);
  return habit;
};
const days = (habit: ImportedHabit) =>
  habit.checkins.map((c) => [c.date, c.state, c.value, c.note]);
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('Beaver Habits', () => {
  it('imports yes/no habits: done days, #skip days as skipped, notes of undone days on their own', async () => {
    const doc = await parse('beaverhabits_2025_05_01.json', beaverBytes());
    expect(doc.source).toBe('beaver-habits');
    expect(doc.habits.map((h) => [h.name, h.sourceId, h.position, h.archived])).toEqual([
      ['Read', '3fa2c1', 0, false],
      ['Gym', '9b01de', 1, false],
      ['Call mum', '77aa01', 2, true],
      ['Swim', '55bb02', 3, false],
      ['読書', 'c0ffee', 4, false],
    ]);
    expect(named(doc, 'Read')).toMatchObject({
      measure: { kind: 'boolean' },
      schedule: { kind: 'daily' },
      startDate: '2025-04-27',
      description: '',
    });
    expect(days(named(doc, 'Read'))).toEqual([
      ['2025-04-27', 'done', null, 'a good one'],
      ['2025-04-28', 'note', null, 'too tired'],
      ['2025-04-29', 'skipped', null, 'travel\n\n#amber #skip'],
      ['2025-04-30', 'done', null, null],
    ]);
    expect(days(named(doc, '読書'))).toEqual([['2025-04-30', 'done', null, null]]);
  });

  it('turns periods into schedules: days → rolling window, one week → times a week', async () => {
    const doc = await parse('beaver.json', beaverBytes());
    expect(named(doc, 'Gym').schedule).toEqual({ kind: 'times_per_week', times: 3 });
    expect(named(doc, 'Call mum').schedule).toEqual({ kind: 'times_in_days', times: 2, days: 10 });
    expect(named(doc, 'Swim').schedule).toEqual({ kind: 'times_in_days', times: 1, days: 14 });
    expect(named(doc, 'Swim')).toMatchObject({ checkins: [], startDate: options.today });
    expect(doc.warnings.map((w) => [w.code, w.values])).toEqual([
      ['schedule_approximated', { habit: 'Swim', app: 'Beaver Habits' }],
      ['deleted_habits_left_out', { count: 1, app: 'Beaver Habits' }],
      ['skip_tag_as_skipped', { count: 1 }],
    ]);
    expect(doc.warnings.map((w) => w.message)).toEqual([
      '"Swim": Beaver\'s 1 time every 2 weeks has no exact equivalent; imported as 1 times in any 14 days.',
      '1 deleted habit was left out (Beaver keeps them in its recycle bin).',
      '1 day tagged #skip is imported as skipped (Beaver counts them as done).',
    ]);
  });

  it('reads an old export (v0.4: all statuses, an order list, no periods)', async () => {
    const old = {
      user_email: 'x@example.com',
      exported_at: '2024-01-01 10:00:00',
      habits: [
        { id: 'a1', name: 'First', records: [{ day: '2024-01-01', done: true }] },
        { id: 'b2', name: 'Second', records: [] },
      ],
      order: ['b2', 'a1'],
    };
    const doc = await parse('habits_1704103200.json', beaverBytes(old));
    expect(doc.habits.map((h) => h.name)).toEqual(['Second', 'First']);
  });

  it('names the record of every problem, all at once', async () => {
    const bad = clone(beaverExport);
    bad.habits[0]!.records[1] = { day: '2025-02-30', done: false, text: 'x' };
    (bad.habits[1]!.records[0] as { done: unknown }).done = 'yes';
    const error = await importErrorOf(() => parse('beaver.json', beaverBytes(bad)));
    expect(error.problems).toEqual([
      {
        file: 'beaver.json',
        message:
          'Day of "Read" (habits[0].records[1]): day: day is not a date YYYY-MM-DD (1900–2999)',
      },
      {
        file: 'beaver.json',
        message: expect.stringMatching(/^Day of "Gym" \(habits\[1\]\.records\[0\]\): done: /),
      },
    ]);
  });
});

describe('Table Habit', () => {
  it('imports measured, yes/no and negative habits with their records', async () => {
    const doc = await parse('export-all-2024_5_10_9_0_0.json', tableHabitBytes());
    expect(doc.source).toBe('table-habit');
    // In sort_position order; the recycle bin's habit is left out.
    expect(doc.habits.map((h) => h.name)).toEqual(['Meditate', 'Water', 'Smoking']);
    expect(named(doc, 'Water')).toMatchObject({
      description: 'Drink?\n\nStay hydrated',
      color: '#009688',
      measure: { kind: 'numeric', unit: 'glasses', target: 8, direction: 'at_least' },
      schedule: { kind: 'times_in_days', times: 3, days: 10 },
      startDate: '2024-05-01',
      archived: false,
    });
    expect(days(named(doc, 'Water'))).toEqual([
      ['2024-05-02', 'done', 8, 'at work'],
      ['2024-05-03', 'skipped', null, null],
      ['2024-05-04', 'note', null, 'forgot'], // a recorded 0: not done, the reason kept
      ['2024-05-05', 'done', 5.5, null],
      ['2024-05-06', 'note', null, 'just a thought'],
    ]);
    expect(named(doc, 'Meditate')).toMatchObject({
      color: '#f44336',
      measure: { kind: 'boolean' },
      schedule: { kind: 'times_per_week', times: 3 },
    });
    expect(days(named(doc, 'Meditate'))).toEqual([['2024-05-02', 'done', null, null]]);
    expect(named(doc, 'Smoking')).toMatchObject({
      color: '#123456',
      measure: { kind: 'numeric', unit: 'cigarettes', target: 0, direction: 'at_most' },
      schedule: { kind: 'daily' },
      archived: true,
    });
    expect(days(named(doc, 'Smoking'))).toEqual([
      ['2024-05-02', 'done', 0, null],
      ['2024-05-03', 'done', 4, null],
    ]);
    expect(doc.warnings.map((w) => [w.code, w.values])).toEqual([
      ['deleted_habits_left_out', { count: 1, app: 'Table Habit' }],
      ['reminders_not_imported', { app: 'Table Habit' }],
    ]);
    expect(doc.warnings.map((w) => w.message)).toEqual([
      "1 habit in Table Habit's recycle bin was left out.",
      'Reminders set in Table Habit are not imported; set them again here.',
    ]);
  });

  it('says which record is wrong', async () => {
    const bad = clone(tableHabitExport);
    (bad.habits[0]!.records![1] as { record_date: unknown }).record_date = 'yesterday';
    const error = await importErrorOf(() => parse('export.json', tableHabitBytes(bad)));
    expect(error.problems).toEqual([
      {
        file: 'export.json',
        message: expect.stringMatching(
          /^Record of "Water" \(habits\[0\]\.records\[1\]\): record_date: /,
        ),
      },
    ]);
  });
});

describe('Habitica', () => {
  it('imports dailies as yes/no habits, done on the days of their completed entries', async () => {
    const doc = await parse('habitica-user-data.json', habiticaBytes());
    expect(doc.source).toBe('habitica');
    expect(doc.habits.map((h) => [h.name, h.sourceId, h.position])).toEqual([
      ['Drink water', 'hab-water', 0],
      ['Late snack', 'hab-snack', 1],
      ['Mood', 'hab-mood', 2],
      ['Standup', 'day-weekdays', 3],
      ['Stretch', 'day-stretch', 4],
    ]);
    expect(named(doc, 'Stretch')).toMatchObject({
      description: 'Five minutes',
      measure: { kind: 'boolean' },
      schedule: { kind: 'every_n_days', interval: 2, startDate: '2026-03-01' },
      startDate: '2026-03-01',
    });
    // 10th 10:00 local, 12th 10:00 local; the 11th was missed (completed: false).
    expect(days(named(doc, 'Stretch'))).toEqual([
      ['2026-03-10', 'done', null, null],
      ['2026-03-12', 'done', null, null],
    ]);
    expect(named(doc, 'Standup').schedule).toEqual({ kind: 'weekdays', days: [1, 2, 3, 4, 5] });
    // Two checks on the 12th (08:00 and 11:00 local), none on the 11th: the first was yesterday's.
    expect(days(named(doc, 'Standup'))).toEqual([
      ['2026-03-10', 'done', null, null],
      ['2026-03-11', 'done', null, null],
      ['2026-03-12', 'done', null, null],
    ]);
  });

  it('imports habits as counts: + clicks, or − clicks for an at-most-0 habit', async () => {
    const doc = await parse('habitica-user-data.json', habiticaBytes());
    expect(named(doc, 'Drink water')).toMatchObject({
      description: 'A glass at a time',
      measure: { kind: 'numeric', unit: 'times', target: 1, direction: 'at_least' },
      schedule: { kind: 'daily' },
    });
    // 02:30 on the 11th is before the 3:00 day start: it counts for the 10th.
    expect(days(named(doc, 'Drink water'))).toEqual([
      ['2026-03-10', 'done', 4, null],
      ['2026-03-12', 'done', 2, null],
    ]);
    expect(named(doc, 'Late snack').measure).toEqual({
      kind: 'numeric',
      unit: 'times',
      target: 0,
      direction: 'at_most',
    });
    expect(days(named(doc, 'Late snack'))).toEqual([['2026-03-10', 'done', 2, null]]);
    expect(days(named(doc, 'Mood'))).toEqual([['2026-03-10', 'done', 1, '−1 in Habitica']]);
  });

  it('says what could not come along: averaged history, dividers, to-dos', async () => {
    const doc = await parse('habitica-user-data.json', habiticaBytes());
    expect(doc.warnings.map((w) => [w.code, w.values])).toEqual([
      ['minus_only', { habit: 'Late snack' }],
      ['plus_and_minus', { count: 1 }],
      ['history_averages_left_out', { count: 2 }],
      ['record_yesterday_moved', { count: 1 }],
      ['habits_without_buttons_left_out', { count: 1 }],
      ['todos_rewards_left_out', { count: 1 }],
    ]);
    expect(doc.warnings.map((w) => w.message)).toEqual([
      '"Late snack" has only a − button: it is imported as "at most 0 times", with the days you clicked −. Habitica does not record the days you did not, so those days are empty here.',
      "1 habit has both + and −: the + clicks are the day's count, the − clicks are kept in the day's note.",
      'Habitica keeps day-by-day history for 60 days (365 with a subscription); older history is kept only as monthly and yearly averages, which cannot be imported day by day: 2 such entries were left out.',
      '1 check made with "Record Yesterday\'s Activity" was placed on the day before.',
      '1 habit without + or − (notes or dividers) was left out.',
      '1 to-do and rewards were left out.',
    ]);
    // Nothing of the account or the inbox reaches the document.
    expect(JSON.stringify(doc)).not.toMatch(/someone|private/);
  });

  it('refuses history.csv, asking for the JSON export', async () => {
    const error = await importErrorOf(() =>
      parse('habitica-tasks-history.csv', habiticaHistoryCsv),
    );
    expect(error.message).toMatch(
      /history\.csv, which has task values but not which days were done\. Download "Your User Data" as JSON/,
    );
  });

  it('approximates weekly-every-X and monthly dailies, with a warning', async () => {
    const standup = habiticaExport.tasks.dailys[1]!;
    const doc = {
      ...habiticaExport,
      tasks: {
        ...habiticaExport.tasks,
        dailys: [
          {
            ...standup,
            _id: 'd1',
            text: 'Review',
            everyX: 2,
            repeat: { m: true, t: false, w: true, th: false, f: false, s: false, su: false },
            history: [],
          },
          {
            ...standup,
            _id: 'd2',
            text: 'Rent',
            frequency: 'monthly',
            daysOfMonth: [1],
            history: [],
          },
        ],
      },
    };
    const parsed = await parse('habitica-user-data.json', habiticaBytes(doc));
    expect(named(parsed, 'Review').schedule).toEqual({ kind: 'times_in_days', times: 2, days: 14 });
    expect(named(parsed, 'Rent').schedule).toEqual({ kind: 'times_per_month', times: 1 });
    expect(parsed.warnings).toContainEqual({
      code: 'schedule_approximated',
      values: { habit: 'Review', app: 'Habitica' },
      message:
        '"Review": every 2 weeks on 2 days has no exact equivalent; imported as 2 times in any 14 days.',
    });
  });
});

describe('HabitBull', () => {
  it('imports yes/no and number habits, notes of undone days on their own', async () => {
    const doc = await parse('HabitBullData.csv', habitBullBytes());
    expect(doc.source).toBe('habitbull');
    expect(doc.habits.map((h) => [h.name, h.description, h.measure.kind, h.schedule.kind])).toEqual(
      [
        ['Read', 'chapters, not pages', 'boolean', 'daily'],
        ['Pushups', '', 'numeric', 'daily'],
      ],
    );
    expect(days(named(doc, 'Read'))).toEqual([
      ['2022-11-21', 'done', null, 'good book'],
      ['2022-11-22', 'note', null, 'too tired'],
      ['2022-11-24', 'done', null, null],
    ]);
    // 11/5/2022 is month first; −2150000000 is HabitBull's "no value".
    expect(days(named(doc, 'Pushups'))).toEqual([
      ['2022-11-05', 'done', 30, null],
      ['2022-11-07', 'done', 12.5, 'slow day'],
    ]);
    expect(named(doc, 'Pushups').measure).toEqual({
      kind: 'numeric',
      unit: 'times',
      target: 1,
      direction: 'at_least',
    });
    expect(doc.warnings.map((w) => [w.code, w.values])).toEqual([
      ['no_schedules', { app: 'HabitBull' }],
      ['numbers_as_times', { habits: '"Pushups"', count: 1, unit: 'times' }],
      ['dates_month_first', { example: '4/11/2019' }],
    ]);
    expect(doc.warnings.map((w) => w.message)).toEqual([
      "HabitBull's export has no schedules, colours or goals: every habit is imported as daily — change any that are not.",
      '"Pushups" has numbers, so it is imported counting "times" with a goal of at least 1: set the unit and goal after importing.',
      'Dates like 4/11/2019 were read month first (April 11), as HabitBull writes them in the US.',
    ]);
  });

  it('reads day-first dates when a day shows it, and refuses a file that mixes both', async () => {
    const dayFirst = habitBullCsv.replace('11/5/2022', '25/10/2022');
    const doc = await parse(
      'h.csv',
      habitBullBytes(dayFirst.replaceAll(/11\/(\d)\/2022/g, '$1/11/2022')),
    );
    expect(named(doc, 'Pushups').checkins[0]!.date).toBe('2022-10-25');
    const mixed = habitBullCsv
      .replace('11/5/2022', '25/10/2022')
      .replace('11/7/2022', '11/27/2022');
    const error = await importErrorOf(() => parse('h.csv', habitBullBytes(mixed)));
    expect(error.message).toMatch(/mix day\/month \(line 6\) and month\/day \(line 8\) order/);
  });

  it('names the line of a bad row', async () => {
    const bad = `${habitBullCsv}Read,,Learning,2022-13-01,1,\nRead,,Learning,2022-11-25,lots,\n`;
    const error = await importErrorOf(() => parse('h.csv', habitBullBytes(bad)));
    expect(error.problems).toEqual([
      {
        file: 'h.csv',
        line: 10,
        message: 'CalendarDate "2022-13-01" is not a date (yyyy-MM-dd or M/d/yyyy)',
      },
      { file: 'h.csv', line: 11, message: 'Value "lots" is not a number' },
    ]);
  });
});

describe('files that are none of them', () => {
  it('says HabitSync has no export when given its API data', async () => {
    const api = [
      {
        uuid: 'a',
        name: 'Run',
        color: 3,
        progressComputation: { dailyReachableValue: 1, frequencyType: 'WEEKLY', frequency: 3 },
      },
    ];
    const error = await importErrorOf(() =>
      parse('habits.json', new TextEncoder().encode(JSON.stringify(api))),
    );
    expect(error.message).toMatch(/HabitSync's API\. HabitSync has no export of its own/);
  });

  it('names what was expected for an unknown JSON or CSV', async () => {
    for (const [name, text, kind] of [
      ['x.json', '{"hello": [1, 2]}', 'JSON'],
      ['x.csv', 'a,b,c\n1,2,3\n', 'text'],
    ]) {
      const error = await importErrorOf(() => parse(name!, new TextEncoder().encode(text)));
      expect(error.message).toMatch(
        new RegExp(
          `Beaver Habits \\(\\.json\\), Table Habit \\(\\.json\\), Habitica .* It is a ${kind} file that is none of them\\.$`,
        ),
      );
    }
  });

  it('refuses broken JSON plainly', async () => {
    const error = await importErrorOf(() =>
      parse('beaver.json', new TextEncoder().encode('{"habits": [{"name": "Read", "rec')),
    );
    expect(error.message).toBe(
      'beaver.json: The file starts like JSON but is not valid JSON (is it complete?)',
    );
  });
});
