import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectAndParse } from '../src/detect';
import type { ImportDocument, ImportedHabit } from '../src/import-document';
import { parseLoopCsv, parseLoopCsvZip } from '../src/loop/parse-loop-csv';
import { importErrorOf } from './support/errors';
import {
  habitCheckmarksCsv,
  habitsCsv,
  type LoopFixtureHabit,
  loopCsvZip,
  loopFolderName,
  rootCheckmarksCsv,
} from './support/loop-fixtures';

const TODAY = '2024-06-30';
const options = { today: TODAY };
const zipOf = (habits: LoopFixtureHabit[], variant?: 'labels' | '2.0' | 'legacy' | 'root-only') =>
  parseLoopCsvZip(
    'Loop Habits CSV 2024-06-30.zip',
    loopCsvZip(habits, { variant, today: TODAY }),
    options,
  );
const pairOf = (habits: LoopFixtureHabit[], labels = true) =>
  parseLoopCsv(
    {
      habitsCsv: habitsCsv(habits),
      checkmarksCsv: rootCheckmarksCsv(habits, { labels, today: TODAY }),
    },
    options,
  );
const named = (doc: ImportDocument, name: string): ImportedHabit => {
  const habit = doc.habits.find((h) => h.name === name);
  if (!habit) throw new Error(`no habit ${name}`);
  return habit;
};
const encode = (s: string) => new TextEncoder().encode(s);
const compact = (habit: ImportedHabit) =>
  habit.checkins.map((c) => [c.date, c.state, c.value, c.note]);

/** One habit with every Loop mark: manual, auto, no, skip, unknown — and notes on some. */
const meditate: LoopFixtureHabit = {
  name: 'Meditate',
  question: 'Did you meditate this morning?',
  description: 'Ten minutes, eyes closed',
  num: 3,
  den: 7,
  color: '#FF8F00',
  entries: [
    { date: '2024-06-01', value: 2, notes: 'Calm, "really"' },
    { date: '2024-06-02', value: 1, notes: 'Forgot' },
    { date: '2024-06-03', value: 0, notes: 'Sick' },
    { date: '2024-06-04', value: 3 },
    { date: '2024-06-05', value: -1 },
    { date: '2024-06-06', value: 2 },
  ],
};

describe('Loop CSV zip, 2.3.1+ (labels, notes)', () => {
  it('imports YES_MANUAL as done, SKIP as skipped, and the notes of YES_AUTO, NO and UNKNOWN days on their own', async () => {
    const doc = await zipOf([meditate]);
    expect(doc.source).toBe('loop-csv');
    const habit = doc.habits[0]!;
    expect(compact(habit)).toEqual([
      ['2024-06-01', 'done', null, 'Calm, "really"'],
      ['2024-06-02', 'note', null, 'Forgot'],
      ['2024-06-03', 'note', null, 'Sick'],
      ['2024-06-04', 'skipped', null, null],
      ['2024-06-06', 'done', null, null],
    ]);
    expect(habit).toMatchObject({
      sourceId: '001',
      name: 'Meditate',
      description: 'Did you meditate this morning?\n\nTen minutes, eyes closed',
      color: '#ff8f00',
      icon: '',
      measure: { kind: 'boolean' },
      schedule: { kind: 'times_per_week', times: 3 },
      startDate: '2024-06-01',
      archived: false,
      position: 0,
    });
    expect(doc.warnings).toEqual([]);
  });

  it('imports measurable habits: amounts × 1000, at least / at most, units', async () => {
    const run: LoopFixtureHabit = {
      name: 'Run',
      type: 'NUMERICAL',
      unit: 'km',
      targetType: 'AT_LEAST',
      targetValue: 5,
      entries: [
        { date: '2024-06-01', value: 2500 },
        { date: '2024-06-02', value: 0 }, // written "NO": nothing for at least
        { date: '2024-06-03', value: 10_000, notes: 'Long one' },
        { date: '2024-06-04', value: 3 }, // written "SKIP"
      ],
    };
    const coffee: LoopFixtureHabit = {
      name: 'Coffee',
      type: 'NUMERICAL',
      unit: 'cups',
      targetType: 'AT_MOST',
      targetValue: 2.5,
      entries: [
        { date: '2024-06-01', value: 0 },
        { date: '2024-06-02', value: 3000 },
      ],
    };
    const doc = await zipOf([run, coffee]);
    expect(named(doc, 'Run').measure).toEqual({
      kind: 'numeric',
      unit: 'km',
      target: 5,
      direction: 'at_least',
    });
    expect(compact(named(doc, 'Run'))).toEqual([
      ['2024-06-01', 'done', 2.5, null],
      ['2024-06-03', 'done', 10, 'Long one'],
      ['2024-06-04', 'skipped', null, null],
    ]);
    expect(named(doc, 'Coffee').measure).toEqual({
      kind: 'numeric',
      unit: 'cups',
      target: 2.5,
      direction: 'at_most',
    });
    expect(compact(named(doc, 'Coffee'))).toEqual([
      ['2024-06-01', 'done', 0, null],
      ['2024-06-02', 'done', 3, null],
    ]);
  });

  it('takes a decimal amount as written (hand-edited sheets) and gives a unit-less habit one', () => {
    const pushups: LoopFixtureHabit = {
      name: 'Push-ups',
      type: 'NUMERICAL',
      unit: '',
      targetValue: 20,
      entries: [{ date: '2024-06-01', value: 25_000 }],
    };
    const habits = habitsCsv([pushups]);
    const checkmarks = 'Date,Push-ups,\n2024-06-02,12.5,\n2024-06-01,25000,\n';
    const doc = parseLoopCsv({ habitsCsv: habits, checkmarksCsv: checkmarks }, options);
    expect(doc.habits[0]!.measure).toMatchObject({ unit: 'times', target: 20 });
    expect(compact(doc.habits[0]!)).toEqual([
      ['2024-06-01', 'done', 25, null],
      ['2024-06-02', 'done', 12.5, null],
    ]);
    expect(doc.warnings).toEqual([
      {
        code: 'no_unit',
        values: { habit: 'Push-ups', app: 'Loop', unit: 'times' },
        message: expect.stringContaining('"Push-ups" has no unit'),
      },
    ]);
  });

  it('keeps archived habits, colours and Loop order as positions 0, 1, 2', async () => {
    const doc = await zipOf([
      { name: 'A', archived: true, color: '#D32F2F', entries: [] },
      { name: 'B', entries: [] },
      { name: 'C', entries: [] },
    ]);
    expect(doc.habits.map((h) => [h.name, h.position, h.archived, h.color])).toEqual([
      ['A', 0, true, '#d32f2f'],
      ['B', 1, false, '#00897b'],
      ['C', 2, false, '#00897b'],
    ]);
  });

  it('imports an empty history: no check-ins, started today', async () => {
    const doc = await zipOf([{ name: 'New habit', entries: [] }]);
    expect(doc.habits[0]).toMatchObject({ checkins: [], startDate: TODAY });
  });

  it('reads unicode names from Habits.csv (Loop strips them from folder names)', async () => {
    const names = ['🏃 Laufen', '読書する', 'قراءة القرآن', 'Ünïcødé, "quoted"'];
    const habits = names.map((name, i) => ({
      name,
      entries: [{ date: `2024-06-0${i + 1}`, value: 2 }],
    }));
    expect(loopFolderName(1, names[1]!)).toBe('002');
    const doc = await zipOf(habits);
    expect(doc.habits.map((h) => h.name)).toEqual(names);
    expect(doc.habits.map((h) => h.checkins[0]!.date)).toEqual([
      '2024-06-01',
      '2024-06-02',
      '2024-06-03',
      '2024-06-04',
    ]);
  });

  it('keeps same-name habits apart (folders are numbered by position)', async () => {
    const doc = await zipOf([
      { name: 'Run', entries: [{ date: '2024-06-01', value: 2 }] },
      {
        name: 'Run',
        entries: [
          { date: '2024-06-02', value: 2 },
          { date: '2024-06-03', value: 2 },
        ],
      },
    ]);
    expect(doc.habits.map((h) => [h.sourceId, h.checkins.length])).toEqual([
      ['001', 1],
      ['002', 2],
    ]);
  });

  it('finds the files when the export was re-zipped inside a folder', async () => {
    const bytes = loopCsvZip([meditate], { today: TODAY, folder: 'Loop Habits CSV 2024-06-30' });
    expect((await parseLoopCsvZip('again.zip', bytes, options)).habits[0]!.checkins).toHaveLength(
      5,
    );
  });

  it('leaves out habits that were not part of the export selection, with a warning', () => {
    const files = loopCsvZip([meditate], { today: TODAY });
    // Habits.csv lists every habit; only the selected have check mark files.
    const doc = parseLoopCsv(
      {
        habitsCsv: habitsCsv([meditate, { name: 'Not selected', entries: [] }]),
        checkmarksCsv: rootCheckmarksCsv([meditate], { labels: true, today: TODAY }),
      },
      options,
    );
    expect(files.length).toBeGreaterThan(0);
    expect(doc.habits.map((h) => h.name)).toEqual(['Meditate']);
    expect(doc.warnings).toContainEqual({
      code: 'habits_without_checkmarks',
      values: { habits: '"Not selected"', count: 1 },
      message: expect.stringContaining('"Not selected"'),
    });
  });
});

describe('Loop CSV zip, 1.x (old header, integers, no per-habit header)', () => {
  it('imports only explicit checks (2); implicit checks (1) and unchecked (0) are nothing', async () => {
    const habit: LoopFixtureHabit = {
      name: 'Wake up early',
      num: 2,
      den: 3,
      entries: [
        { date: '2016-01-01', value: 2 },
        { date: '2016-01-02', value: 1 },
        { date: '2016-01-03', value: 0 },
        { date: '2016-01-04', value: 2 },
      ],
    };
    expect(habitCheckmarksCsv(habit, 'ints')).toMatch(/^2016-01-04,2\n/);
    const doc = await zipOf([habit], 'legacy');
    expect(compact(doc.habits[0]!)).toEqual([
      ['2016-01-01', 'done', null, null],
      ['2016-01-04', 'done', null, null],
    ]);
    // Loop's "2 times in 3 days" is the rolling window it names.
    expect(doc.habits[0]!.schedule).toEqual({ kind: 'times_in_days', times: 2, days: 3 });
    expect(doc.warnings).toEqual([]);
  });

  it('reads 1.4.0–1.5.3 files, whose Habits.csv has no Position: folders follow its order', async () => {
    const habits: LoopFixtureHabit[] = [
      { name: 'Floss', entries: [{ date: '2016-01-01', value: 2 }] },
      { name: 'Read', num: 3, den: 7, entries: [{ date: '2016-01-02', value: 2 }] },
    ];
    const files: Record<string, Uint8Array> = {
      'Habits.csv': encode(habitsCsv(habits, '1.4')),
      '001 Floss/Checkmarks.csv': encode(habitCheckmarksCsv(habits[0]!, 'ints')),
      '002 Read/Checkmarks.csv': encode(habitCheckmarksCsv(habits[1]!, 'ints')),
    };
    const doc = await parseLoopCsvZip('Loop Habits CSV 2016-01-03.zip', zipSync(files), options);
    expect(doc.habits.map((h) => [h.sourceId, h.name, h.checkins[0]!.date])).toEqual([
      ['001', 'Floss', '2016-01-01'],
      ['002', 'Read', '2016-01-02'],
    ]);
  });
});

describe('Loop CSV zip, 2.0.0–2.3.0 (Question, no Type, Unit or Target; integers)', () => {
  const water: LoopFixtureHabit = {
    name: 'Water',
    question: 'How many glasses?',
    entries: [
      { date: '2024-01-01', value: 6500 },
      { date: '2024-01-02', value: -1 },
      { date: '2024-01-03', value: 8000 },
      { date: '2024-01-04', value: 3 },
      { date: '2024-01-05', value: 0 },
    ],
  };
  const run: LoopFixtureHabit = {
    name: 'Run',
    question: 'Did you run?',
    num: 3,
    den: 10,
    entries: [
      { date: '2024-01-01', value: 2 },
      { date: '2024-01-02', value: 1 },
      { date: '2024-01-03', value: 2 },
      { date: '2024-01-04', value: 1 },
      { date: '2024-01-05', value: 2 },
      // A still-open window: Loop writes its automatic days past the export date.
      { date: '2024-01-10', value: 1 },
    ],
  };

  it('recognises a measurable habit by its values, which were refused before', async () => {
    const doc = await zipOf([run, water], '2.0');
    expect(named(doc, 'Water').measure).toEqual({
      kind: 'numeric',
      unit: 'times',
      target: 1,
      direction: 'at_least',
    });
    expect(compact(named(doc, 'Water'))).toEqual([
      ['2024-01-01', 'done', 6.5, null],
      ['2024-01-03', 'done', 8, null],
      ['2024-01-04', 'skipped', null, null],
    ]);
    expect(doc.warnings).toEqual([
      {
        code: 'measurable_without_unit',
        values: { habit: 'Water', example: 8, unit: 'times' },
        message: expect.stringMatching(
          /^"Water" is measurable \(it holds amounts such as 8\), but Loop's CSV export before 2\.3\.1 has no unit or target/,
        ),
      },
    ]);
  });

  it('keeps yes/no habits yes/no, with Loop\'s "X times in Y days" as a rolling window', async () => {
    const doc = await zipOf([run, water], '2.0');
    expect(named(doc, 'Run')).toMatchObject({
      description: 'Did you run?',
      measure: { kind: 'boolean' },
      schedule: { kind: 'times_in_days', times: 3, days: 10 },
    });
    expect(compact(named(doc, 'Run'))).toEqual([
      ['2024-01-01', 'done', null, null],
      ['2024-01-03', 'done', null, null],
      ['2024-01-05', 'done', null, null],
    ]);
  });

  it('reads the same from the root Checkmarks.csv of 2.1.0–2.3.0', () => {
    const doc = parseLoopCsv(
      {
        habitsCsv: habitsCsv([run, water], '2.0'),
        checkmarksCsv: rootCheckmarksCsv([run, water], { labels: false, today: '2024-01-10' }),
      },
      options,
    );
    expect(named(doc, 'Water').measure.kind).toBe('numeric');
    expect(compact(named(doc, 'Water')).map((c) => c[2])).toEqual([6.5, 8, null]);
  });

  it('explains the unreadable root Checkmarks.csv of Loop 2.0.x', async () => {
    const error = await importErrorOf(() =>
      parseLoopCsv(
        {
          habitsCsv: habitsCsv([run], '2.0'),
          checkmarksCsv: 'Date,Run,\n2021-05-01,Entry(timestamp=2021-05-01, value=2),\n',
        },
        options,
      ),
    );
    expect(error.message).toMatch(/comes from Loop 2\.0.*Upload the whole "Loop Habits CSV" zip/);
  });
});

describe('Habits.csv with the 1.x header that has a Question column', () => {
  it('finds the columns by name', () => {
    const doc = parseLoopCsv(
      {
        habitsCsv:
          'Position,Name,Question,Description,NumRepetitions,Interval,Color\n' +
          '001,Floss,Did you floss?,Both sides,3,7,#5E35B1\n',
        checkmarksCsv: 'Date,Floss,\n2017-03-02,0,\n2017-03-01,2,\n',
      },
      options,
    );
    expect(doc.habits[0]).toMatchObject({
      name: 'Floss',
      description: 'Did you floss?\n\nBoth sides',
      schedule: { kind: 'times_per_week', times: 3 },
      color: '#5e35b1',
      measure: { kind: 'boolean' },
    });
    expect(compact(doc.habits[0]!)).toEqual([['2017-03-01', 'done', null, null]]);
  });
});

describe('Habits.csv + root Checkmarks.csv pair', () => {
  const habits: LoopFixtureHabit[] = [
    {
      name: 'Read',
      num: 1,
      den: 2,
      entries: [
        { date: '2024-06-01', value: 2 },
        { date: '2024-06-03', value: 3 },
      ],
    },
    { name: 'Stretch', entries: [{ date: '2024-06-02', value: 2 }] },
  ];

  it('reads old integer values', () => {
    const doc = pairOf(habits, false);
    expect(compact(named(doc, 'Read'))).toEqual([
      ['2024-06-01', 'done', null, null],
      ['2024-06-03', 'skipped', null, null],
    ]);
    expect(named(doc, 'Read').schedule).toEqual({
      kind: 'every_n_days',
      interval: 2,
      startDate: '2024-06-01',
    });
    expect(compact(named(doc, 'Stretch'))).toEqual([['2024-06-02', 'done', null, null]]);
  });

  it('reads labels', () => {
    const doc = pairOf(habits, true);
    expect(doc.habits.map((h) => h.checkins.length)).toEqual([2, 1]);
  });

  it('matches same-name columns to habits in Habits.csv order', () => {
    const twins: LoopFixtureHabit[] = [
      { name: 'Run', entries: [{ date: '2024-06-01', value: 2 }] },
      { name: 'Walk', entries: [{ date: '2024-06-02', value: 2 }] },
      { name: 'Run', entries: [{ date: '2024-06-03', value: 3 }] },
    ];
    const doc = pairOf(twins);
    expect(doc.habits.map((h) => [h.name, compact(h)])).toEqual([
      ['Run', [['2024-06-01', 'done', null, null]]],
      ['Walk', [['2024-06-02', 'done', null, null]]],
      ['Run', [['2024-06-03', 'skipped', null, null]]],
    ]);
  });

  it('matches a name with commas, which Loop writes unquoted across header cells', () => {
    const doc = pairOf([
      { name: 'Read, write', entries: [{ date: '2024-06-01', value: 2 }] },
      { name: 'Read', entries: [{ date: '2024-06-02', value: 2 }] },
    ]);
    expect(doc.habits.map((h) => [h.name, h.checkins[0]!.date])).toEqual([
      ['Read, write', '2024-06-01'],
      ['Read', '2024-06-02'],
    ]);
  });

  it('accepts bytes with a byte-order mark', () => {
    const encode = (s: string) => new TextEncoder().encode(`\uFEFF${s}`);
    const doc = parseLoopCsv(
      {
        habitsCsv: encode(habitsCsv(habits)),
        checkmarksCsv: encode(rootCheckmarksCsv(habits, { labels: true, today: TODAY })),
      },
      options,
    );
    expect(doc.habits).toHaveLength(2);
  });
});

describe('malformed Loop CSV', () => {
  const zipWithCheckmarks = (text: string) => {
    const habit: LoopFixtureHabit = { name: 'Run', entries: [] };
    return zipSync({
      'Habits.csv': encode(habitsCsv([habit])),
      '001 Run/Checkmarks.csv': encode(text),
      'Checkmarks.csv': encode('Date,Run,\n'),
    });
  };

  it('names the file and line of a bad date and a bad value, all at once', async () => {
    const bytes = zipWithCheckmarks(
      'Date,Value,Notes\n2024-06-03,YES_MANUAL,\n2024-02-30,YES_MANUAL,\n2024-06-01,MAYBE,\n',
    );
    const error = await importErrorOf(() => detectAndParse({ name: 'loop.zip', bytes }, options));
    expect(error.problems).toEqual([
      {
        file: '001 Run/Checkmarks.csv (in loop.zip)',
        line: 3,
        message: expect.stringContaining('Date "2024-02-30" is not a date'),
      },
      {
        file: '001 Run/Checkmarks.csv (in loop.zip)',
        line: 4,
        message: expect.stringContaining('Value "MAYBE" is not a check mark'),
      },
    ]);
    expect(error.message).toMatch(
      /^001 Run\/Checkmarks.csv \(in loop.zip\), line 3: .*\(and 1 more problem\)$/,
    );
  });

  it('refuses a day that appears twice, naming both lines', async () => {
    const bytes = zipWithCheckmarks('Date,Value,Notes\n2024-06-01,YES_MANUAL,\n2024-06-01,SKIP,\n');
    const error = await importErrorOf(() => parseLoopCsvZip('loop.zip', bytes, options));
    expect(error.problems).toEqual([
      expect.objectContaining({
        line: 3,
        message: expect.stringMatching(/2024-06-01 appears twice .*line 2/),
      }),
    ]);
  });

  it('names the Habits.csv line of a bad frequency, colour or type', async () => {
    const habits =
      'Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?\n' +
      '001,Good,YES_NO,,,1,1,#FF8F00,,,,false\n' +
      '002,Bad frequency,YES_NO,,,0,7,#FF8F00,,,,false\n' +
      '003,Bad colour,YES_NO,,,1,1,orange,,,,false\n' +
      '004,Bad type,GOAL,,,1,1,#FF8F00,,,,false\n';
    const error = await importErrorOf(() =>
      parseLoopCsv({ habitsCsv: habits, checkmarksCsv: 'Date,Good,\n' }, options),
    );
    expect(error.problems.map((p) => [p.file, p.line])).toEqual([
      ['Habits.csv', 3],
      ['Habits.csv', 4],
      ['Habits.csv', 5],
    ]);
    expect(error.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('Frequency "0/7"'),
      expect.stringContaining('Color "orange"'),
      expect.stringContaining('Type "GOAL"'),
    ]);
  });

  it('holds names and targets to the API limits', async () => {
    const tooLong = 'x'.repeat(101);
    const habits: LoopFixtureHabit[] = [
      { name: tooLong, entries: [] },
      { name: 'No target', type: 'NUMERICAL', unit: 'km', targetValue: 0, entries: [] },
    ];
    const error = await importErrorOf(() => zipOf(habits));
    expect(error.problems).toEqual([
      expect.objectContaining({
        file: expect.stringContaining('Habits.csv'),
        line: 2,
        message: expect.stringContaining('name'),
      }),
      expect.objectContaining({ line: 3, message: expect.stringContaining('measure.target') }),
    ]);
  });

  it('refuses a root Checkmarks.csv column that names no habit', async () => {
    const error = await importErrorOf(() =>
      parseLoopCsv(
        { habitsCsv: habitsCsv([meditate]), checkmarksCsv: 'Date,Yoga,\n2024-06-01,2,\n' },
        options,
      ),
    );
    expect(error.problems[0]).toMatchObject({
      file: 'Checkmarks.csv',
      line: 1,
      message: expect.stringContaining('"Yoga"'),
    });
  });

  it('refuses a row with the wrong number of values', async () => {
    const error = await importErrorOf(() =>
      parseLoopCsv(
        {
          habitsCsv: habitsCsv([meditate]),
          checkmarksCsv: 'Date,Meditate,\n2024-06-02,2,\n2024-06-01,2,2,2\n',
        },
        options,
      ),
    );
    expect(error.problems).toEqual([
      expect.objectContaining({ line: 3, message: 'Expected 1 values after the date, found 3' }),
    ]);
  });
});
