import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectAndParse } from '../src/detect';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_ENTRIES } from '../src/options';
import { importErrorOf } from './support/errors';
import { loopDb } from './support/loop-db';
import { habitsCsv, type LoopFixtureHabit, loopCsvZip } from './support/loop-fixtures';

const options = { today: '2024-06-30' };
const habits: LoopFixtureHabit[] = [{ name: 'Read', entries: [{ date: '2024-06-01', value: 2 }] }];

/** The first bytes of a real PNG (signature and IHDR), padded. */
const png = new Uint8Array([
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  0x00,
  0x00,
  0x00,
  0x0d,
  0x49,
  0x48,
  0x44,
  0x52,
  ...new Array(64).fill(0),
]);

describe('detectAndParse', () => {
  it('recognises a Loop CSV zip by its content', async () => {
    const parsed = await detectAndParse({ name: 'export.zip', bytes: loopCsvZip(habits) }, options);
    expect(parsed.document.source).toBe('loop-csv');
    expect(parsed.document.habits[0]!.checkins).toHaveLength(1);
  });

  it('refuses a PNG renamed to .csv or .db, saying what it is and what was expected', async () => {
    for (const name of ['Habits.csv', 'Loop Habits Backup.db']) {
      const error = await importErrorOf(() => detectAndParse({ name, bytes: png }, options));
      expect(error.problems).toEqual([
        {
          file: name,
          message: expect.stringMatching(
            /^Expected an export of Loop Habit Tracker .* It looks like a PNG image\.$/,
          ),
        },
      ]);
    }
  });

  it('refuses unknown binary data', async () => {
    const error = await importErrorOf(() =>
      detectAndParse({ name: 'x.bin', bytes: new Uint8Array([1, 2, 0, 4, 5]) }, options),
    );
    expect(error.message).toMatch(/It is not a text, zip or SQLite file/);
  });

  it('refuses a truncated zip', async () => {
    const bytes = loopCsvZip(habits);
    for (const size of [bytes.length - 10, Math.floor(bytes.length / 2), 30]) {
      const error = await importErrorOf(() =>
        detectAndParse({ name: 'Loop Habits CSV.zip', bytes: bytes.slice(0, size) }, options),
      );
      expect(error.problems).toEqual([
        { file: 'Loop Habits CSV.zip', message: expect.stringContaining('damaged or incomplete') },
      ]);
    }
  });

  it('refuses a truncated .db', async () => {
    const bytes = await loopDb(habits);
    const error = await importErrorOf(() =>
      detectAndParse({ name: 'backup.db', bytes: bytes.slice(0, bytes.length - 512) }, options),
    );
    expect(error.message).toMatch(/^backup\.db: The database file is damaged or incomplete/);
  });

  it('refuses an input over maxBytes (default 50 MB) before reading it', async () => {
    const bytes = loopCsvZip(habits);
    const error = await importErrorOf(() =>
      detectAndParse({ name: 'big.zip', bytes }, { ...options, maxBytes: bytes.length - 1 }),
    );
    expect(error.message).toMatch(
      /^big\.zip: The file is .* MB, larger than the .* MB an import accepts$/,
    );

    const huge = new Uint8Array(DEFAULT_MAX_BYTES + 1);
    const defaultError = await importErrorOf(() =>
      detectAndParse({ name: 'huge.db', bytes: huge }, options),
    );
    expect(defaultError.message).toMatch(/larger than the 50 MB an import accepts/);
  });

  it('refuses a zip that unpacks beyond maxUnpackedBytes (zip bombs)', async () => {
    const bomb = zipSync({
      'Habits.csv': new TextEncoder().encode(habitsCsv(habits)),
      'Checkmarks.csv': new Uint8Array(5_000_000).fill(0x2c),
    });
    expect(bomb.length).toBeLessThan(100_000);
    const error = await importErrorOf(() =>
      detectAndParse(
        { name: 'bomb.zip', bytes: bomb },
        { ...options, maxUnpackedBytes: 1_000_000 },
      ),
    );
    expect(error.message).toMatch(/unpacks to 4\.8 MB, more than the 1 MB an import accepts/);
  });

  it('refuses more check marks than maxEntries (default 200,000) before building the document', async () => {
    const many: LoopFixtureHabit[] = [
      {
        name: 'A',
        entries: Array.from({ length: 40 }, (_, i) => ({
          date: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
          value: 2,
        })).slice(0, 28),
      },
      { name: 'B', entries: [{ date: '2024-02-01', value: 2 }] },
    ];
    const zip = loopCsvZip(many);
    const csvError = await importErrorOf(() =>
      detectAndParse({ name: 'a.zip', bytes: zip }, { ...options, maxEntries: 20 }),
    );
    expect(csvError.message).toMatch(
      /^a\.zip: It holds 3\d rows of check marks, more than the 20 an import accepts$/,
    );
    const dbError = await importErrorOf(async () =>
      detectAndParse({ name: 'a.db', bytes: await loopDb(many) }, { ...options, maxEntries: 28 }),
    );
    expect(dbError.message).toBe(
      'a.db: It holds 29 check marks, more than the 28 an import accepts',
    );
    await expect(
      detectAndParse({ name: 'a.db', bytes: await loopDb(many) }, { ...options, maxEntries: 29 }),
    ).resolves.toBeTruthy();
    expect(DEFAULT_MAX_ENTRIES).toBe(200_000);
  });

  it("explains that Loop's Habits.csv alone is not enough", async () => {
    const bytes = new TextEncoder().encode(habitsCsv(habits));
    const error = await importErrorOf(() => detectAndParse({ name: 'Habits.csv', bytes }, options));
    expect(error.message).toMatch(/Habits\.csv on its own.*Upload the whole zip/);
  });

  it('refuses a zip that is neither a Loop nor our export', async () => {
    const bytes = zipSync({ 'notes.txt': new TextEncoder().encode('hello') });
    const error = await importErrorOf(() => detectAndParse({ name: 'other.zip', bytes }, options));
    expect(error.message).toMatch(/neither Loop's Habits\.csv nor habit-tracker-export\.json/);
  });

  it('refuses a text file that is none of the formats', async () => {
    const bytes = new TextEncoder().encode('name,email\nAda,ada@example.com\n');
    const error = await importErrorOf(() =>
      detectAndParse({ name: 'contacts.csv', bytes }, options),
    );
    expect(error.message).toMatch(/It is a text file that is none of them/);
  });
});
