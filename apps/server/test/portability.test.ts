/**
 * Export and import through the API, with the real zip and Loop formats (packages/portability),
 * local storage and PostgreSQL: a Loop history comes in with a preview first; a broken file is
 * refused whole, naming file and line; an account with photos goes out and into a new account
 * and out again unchanged. Prints how long the 5-year, 20-habit history takes each way.
 */
import { addDays } from '@habit-tracker/core';
import { everyDay, type LoopFixtureHabit, loopCsvZip } from '@habit-tracker/portability/testing';
import { sql } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp, type TestClient, TODAY } from './support/app';
import { type TestDatabase, useTestDatabases } from './support/databases';

const databases = useTestDatabases('server-portability', ['postgres']);

interface UploadBody {
  upload: { url: string; headers: Record<string, string> };
}

describe('export and import', () => {
  let db: TestDatabase;
  let t: TestApp;

  beforeAll(() => {
    db = databases.get('postgres');
    t = createTestApp(db.database);
  });

  /** Upload → preview, as the web app does (local storage: PUT through the server). */
  async function uploadAndPreview(client: TestClient, fileName: string, bytes: Uint8Array) {
    const created = await client.post<{ import: { id: string } } & UploadBody>('/api/v1/imports', {
      fileName,
      size: bytes.length,
    });
    expect(created.status, created.text).toBe(201);
    const put = await client.request('PUT', created.body.upload.url, {
      body: bytes,
      headers: created.body.upload.headers,
    });
    expect(put.status, put.text).toBe(204);
    const id = created.body.import.id;
    return { id, preview: await client.post(`/api/v1/imports/${id}/preview`) };
  }

  async function exportZip(client: TestClient): Promise<Uint8Array> {
    const started = await client.post('/api/v1/exports');
    expect(started.status, started.text).toBe(202);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const state = await client.get(`/api/v1/exports/${started.body.id}`);
      if (state.body.status === 'ready') {
        expect(state.body.progress).toBe(1);
        const zip = await client.get(state.body.downloadUrl);
        expect(zip.status).toBe(200);
        expect(zip.headers.get('content-disposition')).toMatch(
          /attachment; filename="habit-tracker-export-/,
        );
        expect(zip.bytes.length).toBe(state.body.size);
        return zip.bytes;
      }
      expect(state.body.status).toBe('running');
      if (Date.now() > deadline) throw new Error('the export did not finish in 60 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const documentOf = (zip: Uint8Array) =>
    JSON.parse(new TextDecoder().decode(unzipSync(zip)['habit-tracker-export.json']!));

  it('imports a Loop CSV export after a preview, and nothing twice', async () => {
    const c = t.client();
    await c.signUp();
    const habits: LoopFixtureHabit[] = [
      { name: 'Meditate 🧘', entries: everyDay('2026-01-01', 60, (i) => (i % 5 === 0 ? 3 : 2)) },
      {
        name: 'Run',
        type: 'NUMERICAL',
        unit: 'km',
        targetType: 'AT_LEAST',
        targetValue: 5,
        num: 3,
        den: 7,
        entries: everyDay('2026-02-01', 20, (i) => (i % 2 === 0 ? 6500 : 0)),
      },
    ];
    const { id, preview } = await uploadAndPreview(
      c,
      'Loop Habits CSV 2026-03-15.zip',
      loopCsvZip(habits, { today: TODAY }),
    );
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body.status).toBe('previewed');
    expect(preview.body.preview).toMatchObject({
      source: 'loop-csv',
      habits: [
        { name: 'Meditate 🧘', kind: 'boolean', checkins: 60 },
        {
          name: 'Run',
          kind: 'numeric',
          schedule: '3 times a week',
          scheduleRule: { kind: 'times_per_week', times: 3 },
          checkins: 10,
        },
      ],
      totals: { habits: 2, checkins: 70 },
      warnings: [],
    });
    // Nothing written by the preview.
    expect((await c.get('/api/v1/habits')).body.habits).toEqual([]);

    const confirmed = await c.post(`/api/v1/imports/${id}/confirm`);
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.body).toMatchObject({
      status: 'done',
      result: { habits: 2, checkins: 70, photos: 0 },
    });
    expect((await c.post(`/api/v1/imports/${id}/confirm`)).body.result).toEqual(
      confirmed.body.result,
    );
    const today = await c.get('/api/v1/today');
    expect(today.body.habits.map((h: { habit: { name: string } }) => h.habit.name)).toEqual([
      'Meditate 🧘',
      'Run',
    ]);
    const history = await c.get(
      `/api/v1/habits/${today.body.habits[1].habit.id}/history?from=2026-02-01&to=2026-02-03`,
    );
    expect(history.body.checkins.map((x: { value: number }) => x.value)).toEqual([6.5, 6.5]);
  });

  it('still shows a preview stored before warnings had codes: plain sentences read as text', async () => {
    const c = t.client();
    await c.signUp();
    const zip = loopCsvZip([{ name: 'Read', entries: [{ date: '2026-01-01', value: 2 }] }], {
      today: TODAY,
    });
    const { id, preview } = await uploadAndPreview(c, 'loop.zip', zip);
    expect(preview.status, preview.text).toBe(200);
    // As this version stored it: English warnings, and habits without scheduleRule.
    const old = {
      ...preview.body.preview,
      habits: [{ name: 'Read', kind: 'boolean', schedule: 'Every day', checkins: 1 }],
      warnings: ['Reminders set in Loop are not imported; set them again here.'],
    };
    await db.database.primary.write.execute(
      sql`update imports set preview = ${JSON.stringify(old)}::jsonb where id = ${id}`,
    );
    const read = await c.get(`/api/v1/imports/${id}`);
    expect(read.status, read.text).toBe(200);
    expect(read.body.preview.habits[0]).not.toHaveProperty('scheduleRule');
    expect(read.body.preview.warnings).toEqual([
      {
        code: 'text',
        values: {},
        message: 'Reminders set in Loop are not imported; set them again here.',
      },
    ]);
  });

  it('refuses a broken file whole, naming the file and line; another user cannot touch it', async () => {
    const c = t.client();
    await c.signUp();
    const zip = loopCsvZip([{ name: 'Read', entries: [{ date: '2026-01-01', value: 2 }] }], {
      variant: 'root-only',
      today: TODAY,
    });
    const files = unzipSync(zip);
    const broken = new TextDecoder()
      .decode(files['Checkmarks.csv']!)
      .replace('2026-01-01', '2026-13-45');
    const { zipSync } = await import('fflate');
    const bad = zipSync({ ...files, 'Checkmarks.csv': new TextEncoder().encode(broken) });
    const { id, preview } = await uploadAndPreview(c, 'loop.zip', bad);
    expectError(preview, 422, 'import_invalid');
    expect(preview.body.error.details[0]).toMatchObject({
      file: expect.stringContaining('Checkmarks.csv'),
      line: expect.any(Number),
    });
    expect((await c.get(`/api/v1/imports/${id}`)).body.status).toBe('failed');
    expectError(await c.post(`/api/v1/imports/${id}/confirm`), 422, 'validation_failed');
    expect((await c.get('/api/v1/habits')).body.habits).toEqual([]);

    const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const wrongType = await uploadAndPreview(c, 'Habits.csv', new Uint8Array(png));
    expectError(wrongType.preview, 422, 'import_invalid');

    const other = t.client();
    await other.signUp();
    expectError(await other.get(`/api/v1/imports/${id}`), 404, 'not_found');
    expectError(await other.post(`/api/v1/imports/${id}/preview`), 404, 'not_found');
    expectError(await other.post(`/api/v1/imports/${id}/confirm`), 404, 'not_found');
    expectError(
      await c.post('/api/v1/imports', { fileName: 'x.zip', size: 60 * 1024 * 1024 }),
      413,
      'payload_too_large',
    );
  });

  it('round-trips an account with photos: export, import into a new account, export again', async () => {
    const a = t.client();
    await a.signUp();
    await a.patch('/api/v1/settings', { timeZone: 'Asia/Singapore', weekStart: 7 });
    const read = (await a.createHabit({ name: 'Read, "slowly"', description: 'ten pages' })).id;
    const water = (
      await a.createHabit({
        name: 'Water',
        measure: { kind: 'numeric', unit: 'glasses', target: 8, direction: 'at_least' },
        schedule: { kind: 'times_per_week', times: 5 },
      })
    ).id;
    for (let i = 0; i < 20; i++) {
      await a.put(
        `/api/v1/habits/${read}/checkins/${addDays(TODAY, -i)}`,
        i % 7 === 3
          ? { state: 'skipped' }
          : { state: 'done', note: i === 0 ? '=cmd|"/c calc"!A1' : null },
      );
      await a.put(`/api/v1/habits/${water}/checkins/${addDays(TODAY, -i)}`, {
        state: 'done',
        value: i % 9,
      });
    }
    await a.post(`/api/v1/habits/${water}/archive`);
    const photo = await sharp({
      create: { width: 300, height: 200, channels: 3, background: '#3366ff' },
    })
      .jpeg()
      .toBuffer();
    const created = await a.post<{ photo: { id: string } } & UploadBody>(
      `/api/v1/habits/${read}/checkins/${TODAY}/photos`,
      { contentType: 'image/jpeg', size: photo.length },
    );
    await a.request('PUT', created.body.upload.url, {
      body: new Uint8Array(photo),
      headers: created.body.upload.headers,
    });
    expect((await a.post(`/api/v1/photos/${created.body.photo.id}/complete`)).status).toBe(200);

    const first = await exportZip(a);
    const files = unzipSync(first);
    expect(
      Object.keys(files).some((name) => name.startsWith('habits/') && name.endsWith('.csv')),
    ).toBe(true);
    expect(
      new TextDecoder().decode(Object.entries(files).find(([n]) => n.includes('Read'))![1]),
    ).toContain("'=cmd");

    const b = t.client();
    await b.signUp();
    const { id, preview } = await uploadAndPreview(b, 'habit-tracker-export.zip', first);
    expect(preview.body.preview).toMatchObject({
      source: 'habit-tracker',
      totals: { habits: 2, checkins: 40, photos: 1 },
    });
    expect((await b.post(`/api/v1/imports/${id}/confirm`)).body.result).toEqual({
      habits: 2,
      checkins: 40,
      photos: 1,
    });
    const second = await exportZip(b);

    // Ids are new and the account is another; everything else is the same data.
    const strip = (doc: Record<string, unknown>) =>
      JSON.parse(
        JSON.stringify(doc, (key, value) =>
          ['id', 'habitId', 'path', 'exportedAt', 'account'].includes(key) ? undefined : value,
        ),
      );
    expect(strip(documentOf(second))).toEqual(strip(documentOf(first)));
    const photos = (
      await b.get(
        `/api/v1/habits/${(await b.get('/api/v1/habits?status=all')).body.habits[0].id}/checkins/${TODAY}/photos`,
      )
    ).body.photos;
    expect(photos).toHaveLength(1);
    expect((await b.get(photos[0].imageUrl)).bytes.length).toBe(photo.length);
    // B cannot download A's export.
    const exportsOfA = (await a.get('/api/v1/exports')).body.exports;
    expectError(await b.get(`/api/v1/exports/${exportsOfA[0].id}/download`), 404, 'not_found');
  });

  it('moves a 5-year, 20-habit Loop history in and out (times printed)', async () => {
    const c = t.client();
    await c.signUp();
    const days = 5 * 365;
    const habits: LoopFixtureHabit[] = Array.from({ length: 20 }, (_, h) => ({
      name: `Habit ${h + 1}`,
      entries: everyDay(addDays(TODAY, -days), days, (i) =>
        (i * 7 + h) % 10 < 7 ? 2 : (i + h) % 17 === 0 ? 3 : 0,
      ),
    }));
    const zip = loopCsvZip(habits, { today: TODAY });
    const importStarted = performance.now();
    const { id, preview } = await uploadAndPreview(c, 'Loop Habits CSV.zip', zip);
    expect(preview.status, preview.text).toBe(200);
    const previewMs = performance.now() - importStarted;
    const confirmed = await c.post(`/api/v1/imports/${id}/confirm`);
    const importMs = performance.now() - importStarted;
    expect(confirmed.body.result.habits).toBe(20);
    const exportStarted = performance.now();
    const out = await exportZip(c);
    const exportMs = performance.now() - exportStarted;
    const checkins = confirmed.body.result.checkins;
    expect(
      documentOf(out).habits.reduce(
        (n: number, h: { checkins: unknown[] }) => n + h.checkins.length,
        0,
      ),
    ).toBe(checkins);
    console.log(
      `5-year × 20-habit Loop history (${checkins} check-ins, ${(zip.length / 1024).toFixed(0)} KB zip): ` +
        `upload + preview ${previewMs.toFixed(0)} ms, import total ${importMs.toFixed(0)} ms; ` +
        `export ${exportMs.toFixed(0)} ms (${(out.length / 1024).toFixed(0)} KB)`,
    );
  });
});
