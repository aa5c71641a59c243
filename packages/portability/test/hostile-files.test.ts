/**
 * Issue 13's hostile files, each refused by a limit that is checked before the work it bounds:
 * quickly, with a short message of our own, without holding more than the limits allow.
 * (The reliability suite sends the same files to a real server with the production heap cap.)
 */
import { describe, expect, it } from 'vitest';
import { detectAndParse } from '../src/detect';
import { importErrorOf } from './support/errors';
import {
  commaNamesZip,
  deepJson,
  honestBombZip,
  hostileLoopDb,
  longCellZip,
  longHabitBullCell,
  lyingSizeZip,
  manyBeaverRecords,
  manyCheckmarkRowsZip,
  manyHabitBullRows,
  manyHabiticaEntries,
  manyHabitRowsZip,
  manyValuesJson,
  wideCheckmarksZip,
  zip64EntryCountBomb,
} from './support/hostile-files';

const options = { today: '2024-06-30' };

async function refusal(name: string, bytes: Uint8Array) {
  const started = performance.now();
  const error = await importErrorOf(() => detectAndParse({ name, bytes }, options));
  const ms = performance.now() - started;
  // Every message is ours and short: no library text, no echo of a hostile cell.
  expect(error.message.length).toBeLessThan(700);
  expect(JSON.stringify(error.problems).length).toBeLessThan(80_000);
  return { error, ms };
}

describe('hostile zips', () => {
  it('a zip64 end record claiming four billion entries is refused before one is read', async () => {
    const bytes = zip64EntryCountBomb();
    expect(bytes.length).toBeLessThan(300);
    const { error, ms } = await refusal('entries.zip', bytes);
    expect(error.message).toBe(
      'entries.zip: The zip lists 4294967294 entries, more than the 10000 an import accepts',
    );
    expect(ms).toBeLessThan(1_000);
  });

  it('an entry that inflates beyond its declared size is stopped at once', async () => {
    const bytes = lyingSizeZip(64); // declares 1,000 bytes, inflates to 64 MiB
    expect(bytes.length).toBeLessThan(100_000);
    const { error, ms } = await refusal('lying.zip', bytes);
    expect(error.message).toMatch(
      /^Checkmarks\.csv \(in lying\.zip\): The file inflates to a different size than the zip declares \(1000 bytes\)/,
    );
    expect(ms).toBeLessThan(1_000);
  });

  it('an entry that declares gigabytes is refused from the directory alone', async () => {
    const { error } = await refusal('honest.zip', honestBombZip(64));
    expect(error.message).toMatch(/more than the 16 MB of text an import reads/);
  });

  it('an entry that lies within the budget, but past the text budget in truth, is stopped there', async () => {
    const bytes = lyingSizeZip(40, 10_000_000);
    const { error } = await refusal('lying.zip', bytes);
    expect(error.message).toMatch(/inflates to a different size|more than the 16 MB/);
  });
});

describe('hostile Loop CSVs', () => {
  it('Checkmarks.csv with 2,000 habit columns is refused by the cap on habits, at once', async () => {
    const { error, ms } = await refusal('wide.zip', wideCheckmarksZip(2_000));
    expect(error.message).toMatch(/holds 2000 habits, more than the 1000 an import accepts/);
    expect(ms).toBeLessThan(1_000);
  });

  it('20,000 columns are refused by the cap on columns', async () => {
    const { error } = await refusal('wider.zip', wideCheckmarksZip(20_000));
    expect(error.message).toMatch(/more than the 1000 an import accepts|more than 4000 cells/);
  });

  it('matching columns to names with commas takes linear time in the worst case', async () => {
    // 1,000 habits "a,a,…,a,<i>" (40 cells each) and 3,900 header cells "a": every column
    // walks 40 cells deep and matches nothing. A cubic matcher takes hours over this.
    const { error, ms } = await refusal('commas.zip', commaNamesZip(1_000, 40, 3_900));
    expect(error.problems[0]!.message).toMatch(/^Column "a" is not the name of a habit/);
    expect(error.omitted).toBeGreaterThan(3_000);
    expect(ms).toBeLessThan(2_000);
  });

  it('a Habits.csv of 4 million rows (32 MB unpacked) is refused by the text budget', async () => {
    const bytes = manyHabitRowsZip(4_000_000);
    expect(bytes.length).toBeLessThan(200_000);
    const { error } = await refusal('rows.zip', bytes);
    expect(error.message).toMatch(/more than the 16 MB of text an import reads/);
  });

  it('a Habits.csv within the text budget but with 1.5 million rows is refused by the cap on habits', async () => {
    const { error, ms } = await refusal('rows.zip', manyHabitRowsZip(1_500_000));
    expect(error.message).toMatch(/holds 1500000 habits, more than the 1000/);
    expect(ms).toBeLessThan(2_000);
  });

  it('more check mark rows than maxEntries are refused before parsing', async () => {
    const { error } = await refusal('marks.zip', manyCheckmarkRowsZip(250_000));
    expect(error.message).toMatch(/rows of check marks, more than the 200000/);
  });

  it('a 1 MB habit name is refused with an excerpt, never echoed whole', async () => {
    const { error } = await refusal('long.zip', longCellZip(1_000_000));
    expect(error.message).toMatch(/A cell is longer than 10000 characters/);
    expect(error.message.length).toBeLessThan(300);
  });
});

describe('hostile Loop backups', () => {
  it('refuses a table with generated columns (rows computed at read time)', async () => {
    const { error, ms } = await refusal('gen.db', await hostileLoopDb('generated-column'));
    expect(error.message).toBe(
      'gen.db: The Habits table has generated columns; a Loop Habit Tracker backup has none, so it is not read',
    );
    expect(ms).toBeLessThan(1_000);
  });

  it('refuses a view in place of a table (a recursive query that never ends)', async () => {
    const { error } = await refusal('view.db', await hostileLoopDb('view'));
    expect(error.message).toMatch(/a view on the Repetitions table/);
  });

  it('refuses a trigger on a table it reads', async () => {
    const { error } = await refusal('trigger.db', await hostileLoopDb('trigger'));
    expect(error.message).toMatch(/a trigger on the Repetitions table/);
  });

  it('refuses more habits than an import accepts, counted first', async () => {
    const { error } = await refusal('many.db', await hostileLoopDb('many-habits', 1_500));
    expect(error.message).toBe(
      'many.db: It holds 1500 habits, more than the 1000 an import accepts',
    );
  });

  it('reads stored text only up to the API limit, so a 1 MB name is a short error', async () => {
    const { error } = await refusal('long.db', await hostileLoopDb('long-text'));
    expect(error.message).toMatch(/name: Too big/);
    expect(JSON.stringify(error.problems).length).toBeLessThan(2_000);
  });
});

describe('hostile JSON and CSV from other apps', () => {
  it('JSON nested a million levels deep is refused before it is parsed', async () => {
    const bytes = deepJson(1_000_000);
    expect(bytes.length).toBeLessThan(2_100_000);
    const { error, ms } = await refusal('deep.json', bytes);
    expect(error.message).toBe(
      "deep.json: The JSON nests 1000003 levels deep; no habit app's export nests more than 64, so it is not read",
    );
    expect(ms).toBeLessThan(1_000);
  });

  it('millions of tiny values within the text budget are refused by the count of values', async () => {
    const bytes = manyValuesJson(4_000_000); // 12 MB of "{}," — four million objects once parsed
    const { error, ms } = await refusal('values.json', bytes);
    expect(error.message).toMatch(
      /^values\.json: The JSON holds about 8000\d+ values, more than the 1600000/,
    );
    expect(ms).toBeLessThan(2_000);
  });

  it('more JSON than the text budget is refused by its size', async () => {
    const { error } = await refusal('big.json', manyValuesJson(6_000_000));
    expect(error.message).toMatch(/more than the 16 MB of text an import reads/);
  });

  it('more records or history entries than maxEntries are refused before they are checked', async () => {
    const beaver = await refusal('beaver.json', manyBeaverRecords(250_000));
    expect(beaver.error.message).toBe(
      'beaver.json: It holds 250000 records, more than the 200000 an import accepts',
    );
    const habitica = await refusal('habitica.json', manyHabiticaEntries(250_000));
    expect(habitica.error.message).toMatch(/250001 history entries, more than the 200000/);
  });

  it('a HabitBull CSV with more rows than maxEntries is refused before parsing', async () => {
    const { error } = await refusal('bull.csv', manyHabitBullRows(250_000));
    expect(error.message).toMatch(/rows, more than the 200000 an import accepts/);
  });

  it('a 1 MB HabitBull comment is refused by the cap on cells, never echoed', async () => {
    const { error } = await refusal('bull.csv', longHabitBullCell(1_000_000));
    expect(error.message).toMatch(/A cell is longer than 10000 characters/);
    expect(error.message.length).toBeLessThan(300);
  });
});
