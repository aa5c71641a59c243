import { describe, expect, it } from 'vitest';
import { detectAndParse } from '../src/detect';
import { parseLoopSqlite } from '../src/loop/parse-loop-sqlite';
import { importErrorOf } from './support/errors';
import { loopDb, timestampOf } from './support/loop-db';
import type { LoopFixtureHabit } from './support/loop-fixtures';

const options = { today: '2024-06-30' };
const parse = async (bytes: Uint8Array) =>
  parseLoopSqlite({ name: 'Loop Habits Backup 2024-06-30.db', bytes }, options);
const compact = (
  checkins: { date: string; state: string; value: number | null; note: string | null }[],
) => checkins.map((c) => [c.date, c.state, c.value, c.note]);

const habits: LoopFixtureHabit[] = [
  {
    name: 'Meditate',
    question: 'Did you meditate?',
    num: 1,
    den: 1,
    colorIndex: 0,
    reminderHour: 7,
    uuid: 'a1b2c3',
    entries: [
      { date: '2024-06-01', value: 2, notes: 'Good one' },
      { date: '2024-06-02', value: 1 },
      { date: '2024-06-03', value: 0, notes: 'Tired' },
      { date: '2024-06-04', value: 3 },
    ],
  },
  {
    name: 'Run',
    type: 'NUMERICAL',
    unit: 'km',
    targetType: 'AT_LEAST',
    targetValue: 5,
    num: 3,
    den: 7,
    colorIndex: 11,
    entries: [
      { date: '2024-05-30', value: 5200 },
      { date: '2024-05-31', value: 0 },
      { date: '2024-06-02', value: 3 },
    ],
  },
  {
    name: 'Sugar',
    type: 'NUMERICAL',
    unit: 'g',
    targetType: 'AT_MOST',
    targetValue: 30,
    num: 1,
    den: 1,
    archived: true,
    colorIndex: 0xff3b82f6 | 0,
    entries: [
      { date: '2024-06-01', value: 0 },
      { date: '2024-06-02', value: 45_000 },
    ],
  },
  { name: '空の習慣', entries: [] },
];

describe('Loop database backup', () => {
  it('imports habits, check marks, amounts, notes and skips', async () => {
    const doc = await parse(await loopDb(habits));
    expect(doc.source).toBe('loop-sqlite');
    const [meditate, run, sugar, empty] = doc.habits;
    expect(meditate).toMatchObject({
      sourceId: 'a1b2c3',
      description: 'Did you meditate?',
      color: '#d32f2f',
      measure: { kind: 'boolean' },
      schedule: { kind: 'daily' },
      startDate: '2024-06-01',
      position: 0,
    });
    expect(compact(meditate!.checkins)).toEqual([
      ['2024-06-01', 'done', null, 'Good one'],
      ['2024-06-03', 'note', null, 'Tired'],
      ['2024-06-04', 'skipped', null, null],
    ]);
    expect(run).toMatchObject({
      measure: { kind: 'numeric', unit: 'km', target: 5, direction: 'at_least' },
      schedule: { kind: 'times_per_week', times: 3 },
      color: '#1976d2',
      startDate: '2024-05-30',
    });
    expect(compact(run!.checkins)).toEqual([
      ['2024-05-30', 'done', 5.2, null],
      ['2024-06-02', 'skipped', null, null],
    ]);
    expect(sugar).toMatchObject({
      measure: { kind: 'numeric', unit: 'g', target: 30, direction: 'at_most' },
      archived: true,
      color: '#3b82f6',
    });
    expect(compact(sugar!.checkins)).toEqual([
      ['2024-06-01', 'done', 0, null],
      ['2024-06-02', 'done', 45, null],
    ]);
    expect(empty).toMatchObject({
      name: '空の習慣',
      checkins: [],
      startDate: '2024-06-30',
      position: 3,
    });
    expect(doc.warnings).toEqual([
      {
        code: 'reminders_not_imported',
        values: { app: 'Loop' },
        message: 'Reminders set in Loop are not imported; set them again here.',
      },
    ]);
  });

  it('brings Loop’s habit groups (database version 26) along, by name', async () => {
    // Loop 2.2+ keeps groups in HabitGroups and a habit's group in Habits.parent_id.
    const bytes = await loopDb(habits, {
      extraSql: `
        create table HabitGroups (id integer primary key autoincrement, name text, position integer,
          description text, question text, color integer, archived integer, uuid text);
        insert into HabitGroups (id, name, position) values (1, '  Morning ', 0), (2, '', 1);
        alter table Habits add column parent_id integer;
        update Habits set parent_id = 1 where name in ('Meditate', 'Run');
        update Habits set parent_id = 2 where name = 'Sugar';
        pragma user_version = 26;`,
    });
    const doc = await parse(bytes);
    expect(doc.habits.map((h) => [h.name, h.group ?? null])).toEqual([
      ['Meditate', 'Morning'],
      ['Run', 'Morning'],
      ['Sugar', null], // a group without a name is left out
      ['空の習慣', null],
    ]);
    // Backups without groups (the fixtures above) have none.
    expect((await parse(await loopDb(habits))).habits.every((h) => h.group === undefined)).toBe(
      true,
    );
  });

  it('reads a 1.x backup without value, type or notes columns: every repetition is a check', async () => {
    const doc = await parse(
      await loopDb(
        [
          {
            name: 'Floss',
            num: 1,
            den: 2,
            colorIndex: 0xff388e3c | 0, // 1.x stores the ARGB colour itself
            entries: [
              { date: '2015-01-01', value: 2 },
              { date: '2015-01-03', value: 2 },
            ],
          },
        ],
        { schema: 'activeandroid', version: 9 },
      ),
    );
    expect(doc.habits[0]).toMatchObject({
      sourceId: '1',
      measure: { kind: 'boolean' },
      schedule: { kind: 'every_n_days', interval: 2, startDate: '2015-01-01' },
      color: '#388e3c',
    });
    expect(doc.habits[0]!.checkins.map((c) => c.date)).toEqual(['2015-01-01', '2015-01-03']);
  });

  // Loop's own test database (loop.db, version 12) has this shape: keys named `Id`, habit ids
  // that start at 15, 9 habits and 164 repetitions. It once imported as 1 habit, 0 check-ins.
  const sixHabits: LoopFixtureHabit[] = [
    'Wake up early',
    'Brush teeth',
    'Sleep early',
    'Vegan',
    'Sport',
    'Vegan',
  ].map((name, i) => ({
    name,
    num: i < 2 ? 3 : 1,
    den: i < 2 ? 7 : i === 2 ? 5 : 1,
    colorIndex: [-16742021, -1684967][i % 2], // ARGB teal (#00897b) and deep orange (#e64a19)
    entries: Array.from({ length: 5 + i }, (_, k) => ({
      date: `2016-03-${String(1 + 2 * k).padStart(2, '0')}`,
      value: 2,
    })),
  }));

  it('reads every habit and check-in of an ActiveAndroid backup, whose keys are named Id', async () => {
    const doc = await parse(await loopDb(sixHabits, { schema: 'activeandroid', firstId: 15 }));
    expect(doc.habits.map((h) => [h.sourceId, h.name, h.checkins.length, h.color])).toEqual([
      ['15', 'Wake up early', 5, '#00897b'],
      ['16', 'Brush teeth', 6, '#e64a19'],
      ['17', 'Sleep early', 7, '#00897b'],
      ['18', 'Vegan', 8, '#e64a19'],
      ['19', 'Sport', 9, '#00897b'],
      ['20', 'Vegan', 10, '#e64a19'],
    ]);
    expect(doc.habits[2]!.schedule).toMatchObject({ kind: 'every_n_days', interval: 5 });
    expect(doc.warnings).toEqual([]);
  });

  it('reads a backup created by 1.x and upgraded to version 25: Habits keeps Id', async () => {
    const doc = await parse(
      await loopDb(
        sixHabits.map((h, i) => ({
          ...h,
          colorIndex: i,
          uuid: `u${i}`,
          entries: h.entries.map((e, k) => (k === 0 ? { ...e, value: 0, notes: 'rest day' } : e)),
        })),
        { schema: 'upgraded', firstId: 15 },
      ),
    );
    expect(doc.habits.map((h) => h.checkins.length)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(doc.habits.map((h) => h.sourceId)).toEqual(['u0', 'u1', 'u2', 'u3', 'u4', 'u5']);
    expect(doc.habits[1]!.color).toBe('#e64a19'); // index 1 of the 20 colours
    expect(doc.habits[0]!.checkins[0]).toMatchObject({ state: 'note', note: 'rest day' });
  });

  it('reads colours by the version: 13-colour indexes before 21 (Loop 1.5–1.7)', async () => {
    const colours = [0, 2, 5, 8, 12].map((colorIndex, i) => ({
      name: `H${i}`,
      colorIndex,
      entries: [],
    }));
    const doc = await parse(await loopDb(colours, { schema: 'activeandroid', version: 15 }));
    // 1.x's palette: red, yellow, teal, deep purple, light grey (migration 21: 0, 4, 8, 13, 19).
    expect(doc.habits.map((h) => h.color)).toEqual([
      '#d32f2f',
      '#f9a825',
      '#00897b',
      '#5e35b1',
      '#aaaaaa',
    ]);
    const modern = await parse(await loopDb(colours));
    expect(modern.habits.map((h) => h.color)).toEqual([
      '#d32f2f',
      '#f57c00',
      '#afb42b',
      '#00897b',
      '#303f9f',
    ]);
  });

  it('warns about a backup newer than version 25, which only development builds of Loop write', async () => {
    const doc = await parse(
      await loopDb(habits.slice(0, 1), { extraSql: 'pragma user_version = 26;' }),
    );
    expect(doc.warnings).toContainEqual({
      code: 'newer_loop_version',
      values: { version: 26, known: 25 },
      message: expect.stringContaining('database version 26, this app knows 25'),
    });
  });

  it("spreads a measurable habit's weekly or monthly total over the days, and says so", async () => {
    const doc = await parse(
      await loopDb([
        {
          name: 'Run',
          type: 'NUMERICAL',
          unit: 'km',
          targetValue: 50,
          num: 1,
          den: 7,
          entries: [{ date: '2024-06-01', value: 12_000 }],
        },
        {
          name: 'Drinks',
          type: 'NUMERICAL',
          unit: 'glasses',
          targetType: 'AT_MOST',
          targetValue: 10,
          num: 1,
          den: 30,
          entries: [],
        },
      ]),
    );
    expect(doc.habits.map((h) => [h.measure, h.schedule])).toEqual([
      [{ kind: 'numeric', unit: 'km', target: 7.14, direction: 'at_least' }, { kind: 'daily' }],
      [{ kind: 'numeric', unit: 'glasses', target: 0.33, direction: 'at_most' }, { kind: 'daily' }],
    ]);
    expect(doc.warnings.map((w) => [w.code, w.values])).toEqual([
      [
        'period_target_spread',
        {
          habit: 'Run',
          direction: 'at_least',
          total: 50,
          unit: 'km',
          span: 'week',
          target: 7.14,
          days: 7,
        },
      ],
      [
        'period_target_spread',
        {
          habit: 'Drinks',
          direction: 'at_most',
          total: 10,
          unit: 'glasses',
          span: 'month',
          target: 0.33,
          days: 30,
        },
      ],
    ]);
    expect(doc.warnings.map((w) => w.message)).toEqual([
      '"Run": Loop\'s target of at least 50 km a week is a total over the week, which this app does not have; it is imported as at least 7.14 km every day (50 ÷ 7).',
      '"Drinks": Loop\'s target of at most 10 glasses a month is a total over the month, which this app does not have; it is imported as at most 0.33 glasses every day (10 ÷ 30).',
    ]);
  });

  it('keeps the first of repeated days, as Loop does, and places off-midnight times on their UTC day', async () => {
    const bytes = await loopDb([{ name: 'Floss', entries: [{ date: '2015-01-01', value: 2 }] }], {
      schema: 'activeandroid',
      extraSql: `insert into Repetitions (habit, timestamp) values (1, ${timestampOf('2015-01-01')});
                   insert into Repetitions (habit, timestamp) values (1, ${timestampOf('2015-01-02') + 3_600_000});
                   insert into Repetitions (habit, timestamp) values (99, ${timestampOf('2015-01-02')});`,
    });
    const doc = await parse(bytes);
    expect(doc.habits[0]!.checkins.map((c) => c.date)).toEqual(['2015-01-01', '2015-01-02']);
    expect(doc.warnings.map((w) => [w.code, w.values])).toEqual([
      ['orphan_checkmarks_skipped', { count: 1 }],
      ['duplicate_checkmarks_skipped', { count: 1 }],
      ['checkmarks_off_midnight', { count: 1 }],
    ]);
    expect(doc.warnings.map((w) => w.message)).toEqual([
      '1 check marks of deleted habits were skipped.',
      '1 repeated check marks (same habit and day) were skipped.',
      '1 check marks were not at midnight UTC; each is placed on its UTC day.',
    ]);
  });

  it('refuses bad rows, naming the table row', async () => {
    const bytes = await loopDb(habits, {
      extraSql: `update Habits set freq_num = 0 where id = 2;
                 update Habits set type = 2 where id = 3;
                 insert into Repetitions (habit, timestamp, value) values (1, ${timestampOf('2024-06-10')}, 7);`,
    });
    const error = await importErrorOf(() => parse(bytes));
    expect(error.problems).toEqual([
      {
        file: 'Loop Habits Backup 2024-06-30.db',
        message: expect.stringMatching(/^Habit "Run" \(Habits row 2\): frequency 0\/7/),
      },
      {
        file: 'Loop Habits Backup 2024-06-30.db',
        message: expect.stringMatching(/^Habit "Sugar" \(Habits row 3\): type 2/),
      },
      {
        file: 'Loop Habits Backup 2024-06-30.db',
        message: expect.stringMatching(
          /^Check mark of "Meditate" \(Repetitions row \d+\): 7 is not a Loop check mark/,
        ),
      },
    ]);
  });

  it('refuses a truncated backup', async () => {
    const bytes = await loopDb(habits);
    for (const size of [bytes.length - 4096, bytes.length - 1, 200, 50]) {
      const error = await importErrorOf(() => parse(bytes.slice(0, size)));
      expect(error.problems[0]!.message).toMatch(/damaged or incomplete/);
    }
  });

  it('refuses a PNG given as a backup', async () => {
    const png = new Uint8Array([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      ...new Array(100).fill(0),
    ]);
    const error = await importErrorOf(() => parse(png));
    expect(error.message).toBe(
      'Loop Habits Backup 2024-06-30.db: Expected a Loop Habit Tracker backup (.db, a SQLite database). It looks like a PNG image.',
    );
  });

  it('refuses a SQLite database that is not a Loop backup', async () => {
    const bytes = await loopDb([], { extraSql: 'drop table Repetitions;' });
    const error = await importErrorOf(() => parse(bytes));
    expect(error.message).toMatch(/not a Loop Habit Tracker backup/);
  });

  it('is found by detectAndParse from its bytes, whatever its name', async () => {
    const parsed = await detectAndParse(
      { name: 'backup (1).bin', bytes: await loopDb(habits) },
      options,
    );
    expect(parsed.document.source).toBe('loop-sqlite');
    expect(() => parsed.photo('photos/x.jpg')).toThrow(/no photos/);
  });
});
