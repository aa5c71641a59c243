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
      'Reminders set in Loop are not imported; set them again here.',
      expect.stringContaining('"Meditate": 1 note on days without a check-in'),
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
            colorIndex: 7,
            entries: [
              { date: '2015-01-01', value: 2 },
              { date: '2015-01-03', value: 2 },
            ],
          },
        ],
        { schema: 'legacy' },
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

  it('keeps the first of repeated days, as Loop does, and places off-midnight times on their UTC day', async () => {
    const bytes = await loopDb([{ name: 'Floss', entries: [{ date: '2015-01-01', value: 2 }] }], {
      schema: 'legacy',
      extraSql: `insert into Repetitions (habit, timestamp) values (1, ${timestampOf('2015-01-01')});
                   insert into Repetitions (habit, timestamp) values (1, ${timestampOf('2015-01-02') + 3_600_000});
                   insert into Repetitions (habit, timestamp) values (99, ${timestampOf('2015-01-02')});`,
    });
    const doc = await parse(bytes);
    expect(doc.habits[0]!.checkins.map((c) => c.date)).toEqual(['2015-01-01', '2015-01-02']);
    expect(doc.warnings).toEqual([
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
