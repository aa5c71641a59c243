/**
 * Issue 18 through the API, with real PostgreSQL, local storage and the reading worker: exports
 * of Beaver Habits, Table Habit, Habitica and HabitBull and an old Loop backup (files built here
 * the way each app writes them, packages/portability's fixtures) come in after a preview, each
 * day as it was; the exports this app cannot use are refused with a pointer; hostile JSON is
 * refused within the worker's caps; and an account goes out as a Loop backup that Loop's own
 * importer accepts and comes back into a new account unchanged.
 */
import {
  beaverBytes,
  habitBullBytes,
  habiticaBytes,
  habiticaHistoryCsv,
  tableHabitBytes,
} from '@habit-tracker/portability/testing/apps';
import { deepJson, manyBeaverRecords } from '@habit-tracker/portability/testing/hostile';
import { loopDb } from '@habit-tracker/portability/testing/loop-db';
import { loopImporterReads } from '@habit-tracker/portability/testing/loop-importer';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp, type TestClient } from './support/app';
import { type TestDatabase, useTestDatabases } from './support/databases';

const databases = useTestDatabases('server-other-apps', ['postgres']);

interface Day {
  date: string;
  state: string;
  value: number | null;
  note: string | null;
}
interface HabitJson {
  id: string;
  name: string;
  measure: { kind: string };
  schedule: Record<string, unknown>;
  archivedAt: string | null;
}

describe('imports from other apps, and the export to Loop', () => {
  let db: TestDatabase;
  let t: TestApp;

  beforeAll(() => {
    db = databases.get('postgres');
    t = createTestApp(db.database);
  });

  async function uploadAndPreview(client: TestClient, fileName: string, bytes: Uint8Array) {
    const created = await client.post('/api/v1/imports', { fileName, size: bytes.length });
    expect(created.status, created.text).toBe(201);
    const put = await client.request('PUT', created.body.upload.url, {
      body: bytes,
      headers: created.body.upload.headers,
    });
    expect(put.status, put.text).toBe(204);
    const id = created.body.import.id as string;
    return { id, preview: await client.post(`/api/v1/imports/${id}/preview`) };
  }

  /** Preview, check nothing was written, confirm; the account's habits afterwards. */
  async function importFile(client: TestClient, fileName: string, bytes: Uint8Array) {
    const { id, preview } = await uploadAndPreview(client, fileName, bytes);
    expect(preview.status, preview.text).toBe(200);
    expect((await client.get('/api/v1/habits?status=all')).body.habits).toEqual([]);
    const confirmed = await client.post(`/api/v1/imports/${id}/confirm`);
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.body.status).toBe('done');
    const habits = (await client.get('/api/v1/habits?status=all')).body.habits as HabitJson[];
    return { preview: preview.body.preview, result: confirmed.body.result, habits };
  }

  async function daysOf(client: TestClient, habit: HabitJson, from: string, to: string) {
    const res = await client.get(`/api/v1/habits/${habit.id}/history?from=${from}&to=${to}`);
    expect(res.status, res.text).toBe(200);
    return (res.body.checkins as Day[]).map((c) => [c.date, c.state, c.value, c.note]);
  }

  const named = (habits: HabitJson[], name: string) => {
    const habit = habits.find((h) => h.name === name);
    if (!habit) throw new Error(`no habit ${name} among ${habits.map((h) => h.name).join(', ')}`);
    return habit;
  };

  it('Beaver Habits: #skip days skipped, notes of undone days kept, periods as windows', async () => {
    const c = t.client();
    await c.signUp();
    const { preview, habits } = await importFile(c, 'beaverhabits.json', beaverBytes());
    expect(preview.source).toBe('beaver-habits');
    expect(habits.map((h) => h.name).sort()).toEqual(
      ['Read', 'Gym', 'Call mum', 'Swim', '読書'].sort(),
    );
    expect(named(habits, 'Call mum').schedule).toEqual({
      kind: 'times_in_days',
      times: 2,
      days: 10,
    });
    expect(named(habits, 'Call mum').archivedAt).not.toBeNull();
    expect(await daysOf(c, named(habits, 'Read'), '2025-04-20', '2025-05-01')).toEqual([
      ['2025-04-27', 'done', null, 'a good one'],
      ['2025-04-28', 'note', null, 'too tired'],
      ['2025-04-29', 'skipped', null, 'travel\n\n#amber #skip'],
      ['2025-04-30', 'done', null, null],
    ]);
  });

  it('Table Habit: measured days with values, reasons and note-only days', async () => {
    const c = t.client();
    await c.signUp();
    const { preview, habits } = await importFile(c, 'export-all.json', tableHabitBytes());
    expect(preview.source).toBe('table-habit');
    expect(preview.warnings).toEqual([
      expect.objectContaining({
        code: 'deleted_habits_left_out',
        values: { count: 1, app: 'Table Habit' },
      }),
      {
        code: 'reminders_not_imported',
        values: { app: 'Table Habit' },
        message: 'Reminders set in Table Habit are not imported; set them again here.',
      },
    ]);
    expect(preview.habits.find((h: { name: string }) => h.name === 'Water').scheduleRule).toEqual({
      kind: 'times_in_days',
      times: 3,
      days: 10,
    });
    const water = named(habits, 'Water');
    expect(water.schedule).toEqual({ kind: 'times_in_days', times: 3, days: 10 });
    expect(await daysOf(c, water, '2024-05-01', '2024-05-10')).toEqual([
      ['2024-05-02', 'done', 8, 'at work'],
      ['2024-05-03', 'skipped', null, null],
      ['2024-05-04', 'note', null, 'forgot'],
      ['2024-05-05', 'done', 5.5, null],
      ['2024-05-06', 'note', null, 'just a thought'],
    ]);
  });

  it('Habitica: dailies as yes/no habits, habits as counts', async () => {
    const c = t.client();
    await c.signUp();
    const { preview, habits } = await importFile(c, 'habitica-user-data.json', habiticaBytes());
    expect(preview.source).toBe('habitica');
    expect(named(habits, 'Stretch').measure.kind).toBe('boolean');
    expect(named(habits, 'Standup').measure.kind).toBe('boolean');
    expect(named(habits, 'Drink water').measure.kind).toBe('numeric');
    // At UTC+2, days from 3:00: the 11th was missed (completed: false).
    const stretch = await daysOf(c, named(habits, 'Stretch'), '2026-03-01', '2026-03-20');
    expect(stretch).toEqual([
      ['2026-03-10', 'done', null, null],
      ['2026-03-12', 'done', null, null],
    ]);
    // Two checks on the 12th, none on the 11th: the first was "Record Yesterday's Activity".
    const standup = await daysOf(c, named(habits, 'Standup'), '2026-03-01', '2026-03-20');
    expect(standup.map(([date, state]) => [date, state])).toEqual([
      ['2026-03-10', 'done'],
      ['2026-03-11', 'done'],
      ['2026-03-12', 'done'],
    ]);
  });

  it('HabitBull: its CSV', async () => {
    const c = t.client();
    await c.signUp();
    const { preview, habits } = await importFile(c, 'HabitBullData.csv', habitBullBytes());
    expect(preview.source).toBe('habitbull');
    expect(habits.map((h) => [h.name, h.measure.kind]).sort()).toEqual([
      ['Pushups', 'numeric'],
      ['Read', 'boolean'],
    ]);
    const read = await daysOf(c, named(habits, 'Read'), '2022-11-01', '2022-11-30');
    expect(read).toEqual([
      ['2022-11-21', 'done', null, 'good book'],
      ['2022-11-22', 'note', null, 'too tired'],
      ['2022-11-24', 'done', null, null],
    ]);
  });

  it('an old Loop backup (ActiveAndroid\'s "Id" column) brings every habit and check', async () => {
    const c = t.client();
    await c.signUp();
    const bytes = await loopDb(
      [
        {
          name: 'Walk',
          entries: [
            { date: '2026-03-01', value: 2 },
            { date: '2026-03-02', value: 2 },
          ],
        },
        { name: 'Floss', num: 3, den: 10, entries: [{ date: '2026-03-03', value: 2 }] },
      ],
      { schema: 'activeandroid' },
    );
    const { result, habits } = await importFile(c, 'Loop Habits Backup.db', bytes);
    expect(result).toMatchObject({ habits: 2, checkins: 3 });
    expect(named(habits, 'Floss').schedule).toEqual({ kind: 'times_in_days', times: 3, days: 10 });
    expect(await daysOf(c, named(habits, 'Walk'), '2026-03-01', '2026-03-05')).toEqual([
      ['2026-03-01', 'done', null, null],
      ['2026-03-02', 'done', null, null],
    ]);
  });

  it('refuses what cannot be imported with a pointer, and writes nothing', async () => {
    const c = t.client();
    await c.signUp();
    const history = await uploadAndPreview(c, 'history.csv', habiticaHistoryCsv);
    expectError(history.preview, 422, 'import_invalid');
    expect(history.preview.body.error.message).toMatch(/habitica-user-data\.json/);
    const api = new TextEncoder().encode(
      JSON.stringify([{ uuid: 'a', name: 'Run', progressComputation: { frequency: 3 } }]),
    );
    const habitSync = await uploadAndPreview(c, 'habits.json', api);
    expectError(habitSync.preview, 422, 'import_invalid');
    expect(habitSync.preview.body.error.message).toMatch(/HabitSync has no export/);
    expect((await c.get('/api/v1/habits?status=all')).body.habits).toEqual([]);
  });

  it('hostile JSON is refused within the caps, with a short answer, and the server stays up', async () => {
    const c = t.client();
    await c.signUp();
    for (const [name, bytes] of [
      ['deep.json', deepJson(200_000)],
      ['many.json', manyBeaverRecords(250_000)],
    ] as const) {
      const { preview } = await uploadAndPreview(c, name, bytes);
      expectError(preview, 422, 'import_invalid');
      expect(preview.text.length).toBeLessThan(2_000);
    }
    expect((await c.get('/api/v1/habits?status=all')).body.habits).toEqual([]);
    expect((await c.get('/api/live')).status).toBe(200);
  });

  it('exports a Loop backup that Loop accepts, which imports back unchanged', async () => {
    const a = t.client();
    await a.signUp();
    const window = await a.createHabit({
      name: 'Gym',
      schedule: { kind: 'times_in_days', times: 3, days: 10 },
    });
    const run = await a.createHabit({
      name: 'Run',
      measure: { kind: 'numeric', unit: 'km', target: 5, direction: 'at_least' },
      schedule: { kind: 'daily' },
    });
    const put = (habitId: string, date: string, body: object) =>
      a.put(`/api/v1/habits/${habitId}/checkins/${date}`, body).then((r) => {
        expect(r.status, r.text).toBeLessThan(300);
      });
    await put(window.id, '2026-03-10', { state: 'done', note: 'legs' });
    await put(window.id, '2026-03-11', { state: 'note', note: 'sore, rested' });
    await put(window.id, '2026-03-12', { state: 'skipped' });
    await put(run.id, '2026-03-10', { state: 'done', value: 5.25 });

    const started = await a.post('/api/v1/exports', { format: 'loop' });
    expect(started.status, started.text).toBe(202);
    expect(started.body.format).toBe('loop');
    const deadline = Date.now() + 60_000;
    let state = started;
    while (state.body.status === 'running') {
      if (Date.now() > deadline) throw new Error('the export did not finish in 60 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
      state = await a.get(`/api/v1/exports/${started.body.id}`);
    }
    expect(state.body.status, state.text).toBe('ready');
    const file = await a.get(state.body.downloadUrl);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.sqlite3');
    expect(file.headers.get('content-disposition')).toMatch(
      /attachment; filename="habit-tracker-loop-backup-\d{4}-\d{2}-\d{2}\.db"/,
    );
    expect(file.bytes.length).toBe(state.body.size);
    const { problems, view } = await loopImporterReads(file.bytes);
    expect(problems).toEqual([]);
    expect(view.habits.map((h) => h.name).sort()).toEqual(['Gym', 'Run']);

    const b = t.client();
    await b.signUp();
    const { habits } = await importFile(b, 'Loop Habits Backup.db', file.bytes);
    expect(named(habits, 'Gym').schedule).toEqual({ kind: 'times_in_days', times: 3, days: 10 });
    expect(await daysOf(b, named(habits, 'Gym'), '2026-03-01', '2026-03-15')).toEqual([
      ['2026-03-10', 'done', null, 'legs'],
      ['2026-03-11', 'note', null, 'sore, rested'],
      ['2026-03-12', 'skipped', null, null],
    ]);
    expect(await daysOf(b, named(habits, 'Run'), '2026-03-01', '2026-03-15')).toEqual([
      ['2026-03-10', 'done', 5.25, null],
    ]);
  });

  it('a Loop backup is built within the worker’s limits: past them the export fails, and says so', async () => {
    const c = createTestApp(db.database, { IMPORT_READ_TIMEOUT_MS: '100' }).client();
    await c.signUp();
    await c.createHabit({ name: 'Walk' });
    const started = await c.post('/api/v1/exports', { format: 'loop' });
    expect(started.status, started.text).toBe(202);
    await expect
      .poll(async () => (await c.get(`/api/v1/exports/${started.body.id}`)).body.status, {
        timeout: 20_000,
      })
      .toBe('failed');
    const failed = await c.get(`/api/v1/exports/${started.body.id}`);
    expect(failed.body).toMatchObject({ downloadUrl: null, error: expect.any(String) });
    expect((await c.get('/api/live')).status).toBe(200);
  });

  it('the export format is checked: an unknown one is a 422 that says so, and nothing starts', async () => {
    const c = t.client();
    await c.signUp();
    const res = await c.post('/api/v1/exports', { format: 'csv' });
    expectError(res, 422, 'validation_failed');
    expect(res.text).toMatch(/format/);
    expect((await c.get('/api/v1/exports')).body.exports).toEqual([]);
  });
});
