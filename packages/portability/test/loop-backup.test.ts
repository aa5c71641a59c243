/**
 * Export back to Loop: the backup passes every check of Loop's own importer (support/
 * loop-importer.ts), and Loop → here → Loop → here loses nothing both apps model.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildExportDocument } from '../src/export/build-export-document';
import type { ImportDocument } from '../src/import-document';
import { parseLoopSqlite } from '../src/loop/parse-loop-sqlite';
import { createLoopBackup, loopAmount, loopFrequency } from '../src/loop/write-loop-sqlite';
import { randomAccount } from './support/accounts';
import { loopDb, timestampOf } from './support/loop-db';
import type { LoopFixtureHabit } from './support/loop-fixtures';
import { loopImporterReads } from './support/loop-importer';

const options = { today: '2024-06-30' };

/** A Loop 2.3.1 phone: every kind of habit, frequency and day Loop stores. */
const phone: LoopFixtureHabit[] = [
  {
    name: 'Meditate',
    question: 'Did you meditate?',
    description: 'Ten minutes',
    num: 1,
    den: 1,
    colorIndex: 13,
    uuid: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    entries: [
      { date: '2024-06-01', value: 2, notes: 'calm' },
      { date: '2024-06-02', value: 0, notes: 'sick' }, // "no" with a note
      { date: '2024-06-03', value: 3 }, // skip
      { date: '2024-06-04', value: -1, notes: 'forgot to log' }, // "unknown" with a note
      { date: '2024-06-05', value: 0 }, // a plain "no": nothing to keep here
      { date: '2024-06-06', value: 2 },
    ],
  },
  {
    name: 'Run',
    num: 3,
    den: 10,
    colorIndex: 8,
    uuid: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
    entries: [
      { date: '2024-06-01', value: 2 },
      { date: '2024-06-02', value: 1 }, // automatic: Loop recomputes it
      { date: '2024-06-03', value: 2 },
      { date: '2024-06-05', value: 2 },
    ],
  },
  {
    name: 'Floss',
    num: 1,
    den: 3,
    colorIndex: 0,
    uuid: 'c1',
    entries: [{ date: '2024-06-02', value: 2 }],
  },
  { name: 'Gym', num: 3, den: 7, colorIndex: 11, archived: true, uuid: 'd1', entries: [] },
  { name: 'Call home', num: 2, den: 30, colorIndex: 19, uuid: 'e1', entries: [] },
  {
    name: 'Water',
    type: 'NUMERICAL',
    unit: 'glasses',
    targetType: 'AT_LEAST',
    targetValue: 8,
    colorIndex: 10,
    uuid: 'f1',
    entries: [
      { date: '2024-06-01', value: 8_000 },
      { date: '2024-06-02', value: 6_500, notes: 'hot day' },
      { date: '2024-06-03', value: 3 }, // skip
      { date: '2024-06-04', value: -1, notes: 'no idea' },
    ],
  },
  {
    name: 'Coffee',
    type: 'NUMERICAL',
    unit: 'cups',
    targetType: 'AT_MOST',
    targetValue: 2.5,
    colorIndex: 3,
    uuid: 'g1',
    entries: [
      { date: '2024-06-01', value: 0 },
      { date: '2024-06-02', value: 3_000 },
    ],
  },
];

/** What the server writes from an import document, as the next export reads it back. */
function asAccount(doc: ImportDocument) {
  return doc.habits.map((h, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: h.name,
    description: h.description,
    color: h.color,
    measure: h.measure,
    schedule: h.schedule,
    position: h.position,
    archivedAt: h.archived ? '2024-06-30T00:00:00.000Z' : null,
    checkins: h.checkins.map((c) => ({ ...c, createdAt: '', updatedAt: '' })),
  }));
}

const withoutSource = (doc: ImportDocument) => doc.habits.map(({ sourceId: _, ...habit }) => habit);

describe('a Loop backup of this app’s habits', () => {
  it("passes every check of Loop's importer", async () => {
    const first = await parseLoopSqlite({ name: 'phone.db', bytes: await loopDb(phone) }, options);
    const bytes = await createLoopBackup(asAccount(first));
    const { problems, view } = await loopImporterReads(bytes);
    expect(problems).toEqual([]);
    expect(
      view.habits.map((h) => [h.name, h.freq_num, h.freq_den, h.color, h.type, h.archived]),
    ).toEqual([
      ['Meditate', 1, 1, 13, 0, 0],
      ['Run', 3, 10, 8, 0, 0],
      ['Floss', 1, 3, 0, 0, 0],
      ['Gym', 3, 7, 11, 0, 1],
      ['Call home', 2, 30, 19, 0, 0],
      ['Water', 1, 1, 10, 1, 0],
      ['Coffee', 1, 1, 3, 1, 0],
    ]);
    expect(view.habits[5]).toMatchObject({ unit: 'glasses', target_type: 0, target_value: 8 });
    expect(view.habits[6]).toMatchObject({ unit: 'cups', target_type: 1, target_value: 2.5 });
  });

  it('writes amounts as Loop does, never as its "skipped" and never past a Java int', () => {
    expect(loopAmount(2.5)).toBe(2_500);
    expect(loopAmount(0.003)).toBe(4);
    expect(loopAmount(1e9)).toBe(2_147_483_647);
  });

  it('Loop → here → Loop keeps every day both apps model', async () => {
    const first = await parseLoopSqlite({ name: 'phone.db', bytes: await loopDb(phone) }, options);
    const { view } = await loopImporterReads(await createLoopBackup(asAccount(first)));
    const rows = (i: number) =>
      view.repetitions
        .get(view.habits[i]!.id as number)!
        .map((r) => [r.timestamp, r.value, r.notes]);
    const t = timestampOf;
    expect(rows(0)).toEqual([
      [t('2024-06-01'), 2, 'calm'],
      // Loop's "no" and "unknown" with a note are both a day with only a note here: "unknown".
      [t('2024-06-02'), -1, 'sick'],
      [t('2024-06-03'), 3, null],
      [t('2024-06-04'), -1, 'forgot to log'],
      [t('2024-06-06'), 2, null],
    ]);
    // The automatic day is Loop's to recompute, from the same checks.
    expect(rows(1)).toEqual([
      [t('2024-06-01'), 2, null],
      [t('2024-06-03'), 2, null],
      [t('2024-06-05'), 2, null],
    ]);
    expect(rows(5)).toEqual([
      [t('2024-06-01'), 8_000, null],
      [t('2024-06-02'), 6_500, 'hot day'],
      [t('2024-06-03'), 3, null],
      [t('2024-06-04'), -1, 'no idea'],
    ]);
    expect(rows(6)).toEqual([
      [t('2024-06-01'), 0, null],
      [t('2024-06-02'), 3_000, null],
    ]);
    // Question and description are one text here: it goes back as the description.
    expect(view.habits[0]).toMatchObject({
      question: '',
      description: 'Did you meditate?\n\nTen minutes',
    });
  });

  it('Loop → here → Loop → here gives the same habits and days', async () => {
    const first = await parseLoopSqlite({ name: 'phone.db', bytes: await loopDb(phone) }, options);
    const bytes = await createLoopBackup(asAccount(first));
    const again = await parseLoopSqlite({ name: 'back.db', bytes }, options);
    expect(withoutSource(again)).toEqual(withoutSource(first));
    expect(again.warnings).toEqual(first.warnings);
  });

  it('random accounts: what both model survives here → Loop → here', async () => {
    await fc.assert(
      fc.asyncProperty(randomAccount, async (account) => {
        const { input } = await account;
        const document = buildExportDocument(input);
        const bytes = await createLoopBackup(document.habits);
        const { problems } = await loopImporterReads(bytes);
        expect(problems).toEqual([]);
        const back = await parseLoopSqlite({ name: 'x.db', bytes }, options);
        const ordered = [...document.habits].sort((a, b) => a.position - b.position);
        expect(back.habits.map((h) => [h.name, h.archived])).toEqual(
          ordered.map((h) => [h.name.trim(), h.archivedAt !== null]),
        );
        back.habits.forEach((habit, i) => {
          const original = ordered[i]!;
          expect(habit.measure.kind).toBe(original.measure.kind);
          if (original.measure.kind === 'boolean') {
            const { num, den } = loopFrequency(original.schedule);
            // Loop reads 31 days as a month (as 30): "every 31 days" comes back as once a month.
            const asLoopReads = (f: { num: number; den: number }) =>
              f.den === 31 ? { num: f.num, den: 30 } : f;
            expect(asLoopReads(loopFrequency(habit.schedule))).toEqual(
              asLoopReads(
                loopFrequency(
                  (num >= den ? { kind: 'daily' } : original.schedule) as typeof original.schedule,
                ),
              ),
            );
          }
          // Every day comes back in the state it had, its note with it; amounts to 1/1000.
          const expected = original.checkins.flatMap((c) => {
            const note = c.note !== null && c.note.trim() !== '' ? c.note : null;
            if (c.state === 'note') return note === null ? [] : [[c.date, 'note', null, note]];
            if (c.state === 'skipped') return [[c.date, 'skipped', null, note]];
            if (original.measure.kind === 'boolean') return [[c.date, 'done', null, note]];
            const amount = Math.round((c.value ?? 0) * 1000) / 1000;
            if (amount === 0 && original.measure.direction === 'at_least') {
              return note === null ? [] : [[c.date, 'note', null, note]];
            }
            return [
              [c.date, 'done', amount === 0.003 ? 0.004 : Math.min(amount, 2_147_483.647), note],
            ];
          });
          expect(habit.checkins.map((c) => [c.date, c.state, c.value, c.note])).toEqual(expected);
        });
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
