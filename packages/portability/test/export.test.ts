import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/csv/parse-csv';
import { detectAndParse } from '../src/detect';
import { buildExportDocument, ExportError } from '../src/export/build-export-document';
import { createExportZip, type ExportProgress } from '../src/export/create-export-zip';
import { habitCsv } from '../src/export/habit-csv';
import { parseExportZip } from '../src/export/parse-export-zip';
import { exportFileName, habitCsvPath } from '../src/export/paths';
import { collect, exportZip, photoEntries, sampleAccount } from './support/accounts';
import { importErrorOf } from './support/errors';

const numeric = { kind: 'numeric' as const, unit: 'km', target: 5, direction: 'at_least' as const };

describe('habitCsv', () => {
  it('writes date,state,value,unit,note with a BOM and CRLF, in date order', () => {
    const csv = habitCsv({ measure: numeric }, [
      { date: '2024-06-02', state: 'done', value: 5.5, note: null },
      { date: '2024-06-01', state: 'skipped', value: null, note: 'Rain, "heavy"\nall day' },
    ]);
    expect(csv).toBe(
      '\uFEFFdate,state,value,unit,note\r\n' +
        '2024-06-01,skipped,,,"Rain, ""heavy""\nall day"\r\n' +
        '2024-06-02,done,5.5,km,\r\n',
    );
  });

  it('escapes cells that would run as formulas (CSV injection)', () => {
    const csv = habitCsv({ measure: { ...numeric, unit: '=cmd' } }, [
      { date: '2024-06-01', state: 'done', value: 1, note: '=HYPERLINK("http://evil","x")' },
      { date: '2024-06-02', state: 'done', value: 2, note: '+49 30 123' },
      { date: '2024-06-03', state: 'done', value: 3, note: '-5 kg' },
      { date: '2024-06-04', state: 'done', value: 4, note: '@SUM(A1)' },
      { date: '2024-06-05', state: 'done', value: 5, note: 'fine = fine' },
    ]);
    const rows = parseCsv(csv, 'x.csv').map((r) => r.cells);
    expect(rows.slice(1).map((r) => [r[3], r[4]])).toEqual([
      ["'=cmd", '\'=HYPERLINK("http://evil","x")'],
      ["'=cmd", "'+49 30 123"],
      ["'=cmd", "'-5 kg"],
      ["'=cmd", "'@SUM(A1)"],
      ["'=cmd", 'fine = fine'],
    ]);
  });
});

describe('export paths', () => {
  it('numbers habit files and keeps unicode, replacing characters file systems refuse', () => {
    expect(habitCsvPath(0, 3, 'Read')).toBe('habits/01 Read.csv');
    expect(habitCsvPath(11, 120, 'Run / jog: "5k"?')).toBe('habits/012 Run _ jog_ _5k_.csv');
    expect(habitCsvPath(1, 3, '読書 📚')).toBe('habits/02 読書 📚.csv');
    expect(habitCsvPath(2, 3, '...')).toBe('habits/03 habit.csv');
    expect(exportFileName('2024-06-30T12:00:00.000Z')).toBe('habit-tracker-export-2024-06-30.zip');
  });
});

describe('buildExportDocument', () => {
  it('orders habits by position, check-ins by date, and derives photo paths', async () => {
    const { input } = await sampleAccount();
    const doc = buildExportDocument(input);
    expect(doc).toMatchObject({
      format: 'habit-tracker-export',
      version: 1,
      exportedAt: '2024-06-30T12:00:00.000Z',
    });
    expect(doc.habits.map((h) => h.name)).toEqual(['Read', 'Run / jog: "5k"']);
    expect(doc.habits[0]!.archivedAt).toBe('2024-06-20T00:00:00.000Z');
    expect(doc.habits[1]!.checkins.map((c) => c.date)).toEqual(['2024-06-01', '2024-06-02']);
    expect(doc.photos.map((p) => p.path)).toEqual(['photos/photo-1.jpg', 'photos/photo-2.png']);
  });

  it('refuses data the API would refuse', async () => {
    const { input } = await sampleAccount();
    const broken = structuredClone(input);
    broken.habits[0]!.checkins.push({
      ...broken.habits[0]!.checkins[0]!,
      value: null,
      state: 'done',
    });
    broken.habits[1]!.checkins[0]!.value = 1; // a yes/no habit with a value
    broken.photos[0]!.date = '2024-01-01'; // no check-in there
    expect(() => buildExportDocument(broken)).toThrow(ExportError);
    try {
      buildExportDocument(broken);
    } catch (error) {
      expect((error as Error).message).toMatch(/appears twice/);
      expect((error as Error).message).toMatch(/A numeric check-in needs an amount/);
      expect((error as Error).message).toMatch(/A yes\/no habit takes no value/);
      expect((error as Error).message).toMatch(/has no check-in on 2024-01-01/);
    }
  });
});

describe('createExportZip', () => {
  it('writes README, the JSON, one CSV per habit and the photos (stored, not deflated)', async () => {
    const { input, photoBytes } = await sampleAccount();
    const document = buildExportDocument(input);
    const zip = await exportZip(document, photoBytes);
    const methods = new Map<string, number>();
    const files = unzipSync(zip, {
      filter: (f) => {
        methods.set(f.name, f.compression);
        return true;
      },
    });
    expect(Object.keys(files)).toEqual([
      'README.txt',
      'habit-tracker-export.json',
      'habits/01 Read.csv',
      'habits/02 Run _ jog_ _5k_.csv',
      'photos/photo-1.jpg',
      'photos/photo-2.png',
    ]);
    expect(methods.get('habit-tracker-export.json')).toBe(8);
    expect(methods.get('photos/photo-1.jpg')).toBe(0);
    expect(files['photos/photo-2.png']).toEqual(photoBytes.get('photo-2'));
    expect(JSON.parse(new TextDecoder().decode(files['habit-tracker-export.json']))).toEqual(
      document,
    );
    expect(new TextDecoder().decode(files['README.txt'])).toMatch(
      /2 habits, 3 check-ins, 2 photos/,
    );
  });

  it('streams: the first chunks come before any photo is read, and progress counts entries', async () => {
    const { input, photoBytes } = await sampleAccount();
    const document = buildExportDocument(input);
    let photosRead = 0;
    async function* photos() {
      for await (const entry of photoEntries(document, photoBytes)) {
        photosRead++;
        yield entry;
      }
    }
    const progress: ExportProgress[] = [];
    const chunks = createExportZip({
      document,
      photos: photos(),
      onProgress: (p) => progress.push({ ...p }),
    });
    const first = await chunks.next();
    expect(first.done).toBe(false);
    expect(photosRead).toBe(0);
    const rest = await collect({ [Symbol.asyncIterator]: () => chunks });
    expect(rest.length).toBeGreaterThan(0);
    expect(photosRead).toBe(2);
    expect(progress.map((p) => `${p.entriesDone}/${p.entriesTotal}`)).toEqual([
      '1/6',
      '2/6',
      '3/6',
      '4/6',
      '5/6',
      '6/6',
    ]);
  });

  it('refuses a photo that does not match the document, and a missing one', async () => {
    const { input, photoBytes } = await sampleAccount();
    const document = buildExportDocument(input);
    const tampered = new Map(photoBytes);
    tampered.set('photo-1', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    await expect(exportZip(document, tampered)).rejects.toThrow(
      /photos\/photo-1.jpg does not match its size and SHA-256/,
    );
    await expect(
      collect(
        createExportZip({
          document,
          photos: [{ path: 'photos/photo-1.jpg', bytes: photoBytes.get('photo-1')! }],
        }),
      ),
    ).rejects.toThrow(/were not given: photos\/photo-2.png/);
    await expect(
      collect(
        createExportZip({
          document,
          photos: [{ path: 'photos/other.jpg', bytes: new Uint8Array(1) }],
        }),
      ),
    ).rejects.toThrow(/not a photo of the export document/);
  });
});

describe('parseExportZip', () => {
  it('reads the document, attaches photos to their check-ins and gives their bytes', async () => {
    const { input, photoBytes } = await sampleAccount();
    const document = buildExportDocument(input);
    const parsed = await parseExportZip(await exportZip(document, photoBytes));
    expect(parsed.exportDocument).toEqual(document);
    expect(parsed.document.source).toBe('habit-tracker');
    expect(parsed.document.settings).toEqual(input.settings);
    const [read, run] = parsed.document.habits;
    expect(read).toMatchObject({ sourceId: document.habits[0]!.id, archived: true, position: 0 });
    expect(read!.checkins[0]!.photos).toEqual([
      { path: 'photos/photo-1.jpg', contentType: 'image/jpeg' },
    ]);
    expect(run!.checkins[0]).not.toHaveProperty('photos');
    expect(parsed.photo('photos/photo-2.png')).toEqual(photoBytes.get('photo-2'));
    expect(() => parsed.photo('photos/nope.jpg')).toThrow();
  });

  it('is what detectAndParse returns for our zip', async () => {
    const { input, photoBytes } = await sampleAccount();
    const bytes = await exportZip(buildExportDocument(input), photoBytes);
    const parsed = await detectAndParse({ name: 'mine.zip', bytes });
    expect(parsed.document.source).toBe('habit-tracker');
    expect(parsed.photo('photos/photo-1.jpg')).toEqual(photoBytes.get('photo-1'));
  });

  /** Our zip with one entry replaced (or removed, with null). */
  async function edited(path: string, content: Uint8Array | null): Promise<Uint8Array> {
    const { input, photoBytes } = await sampleAccount();
    const files: Record<string, Uint8Array> = unzipSync(
      await exportZip(buildExportDocument(input), photoBytes),
    );
    if (content === null) delete files[path];
    else files[path] = content;
    return zipSync(files);
  }

  it('refuses a changed or missing photo', async () => {
    const changed = await importErrorOf(async () =>
      parseExportZip(
        await edited('photos/photo-1.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 6])),
      ),
    );
    expect(changed.problems).toEqual([
      {
        file: 'photos/photo-1.jpg (in habit-tracker-export.zip)',
        message: expect.stringContaining('SHA-256'),
      },
    ]);
    const missing = await importErrorOf(async () =>
      parseExportZip(await edited('photos/photo-2.png', null)),
    );
    expect(missing.message).toMatch(/photos\/photo-2.png is listed in the document but missing/);
  });

  it('refuses a document from a newer version, broken JSON and values over the limits', async () => {
    const { input } = await sampleAccount();
    const document = buildExportDocument({ ...input, photos: [] });
    const json = (value: unknown) => strToU8(JSON.stringify(value));

    const newer = await importErrorOf(async () =>
      parseExportZip(await edited('habit-tracker-export.json', json({ ...document, version: 2 }))),
    );
    expect(newer.message).toMatch(/newer version of the app \(format version 2\)/);

    const broken = await importErrorOf(async () =>
      parseExportZip(await edited('habit-tracker-export.json', strToU8('{"format": '))),
    );
    expect(broken.message).toMatch(/not valid JSON/);

    const tooLong = structuredClone(document);
    tooLong.habits[0]!.name = 'x'.repeat(101);
    tooLong.habits[1]!.checkins[0]!.note = 'n'.repeat(2001);
    const limits = await importErrorOf(async () =>
      parseExportZip(await edited('habit-tracker-export.json', json({ ...tooLong, photos: [] }))),
    );
    expect(limits.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^habits\.0\.name: /),
      expect.stringMatching(/^habits\.1\.checkins\.0\.note: /),
    ]);
  });
});
