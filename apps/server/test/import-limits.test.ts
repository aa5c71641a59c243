/**
 * Reading import files in a worker, within limits, once: a refused or previewed file is never
 * read again by another preview; the worker's memory and time limits refuse a file with a 422
 * that says which; a preview at a time per file; the storage quota at declare and completion.
 * (The attacks themselves, against the production bundle: reliability/test/hostile-files.test.ts.)
 */
import { everyDay, loopCsvZip } from '@habit-tracker/portability/testing';
import { longCellZip } from '@habit-tracker/portability/testing/hostile';
import { beforeAll, describe, expect, it } from 'vitest';
import { importReads } from '../src/metrics/registry';
import { createTestApp, expectError, type TestClient } from './support/app';
import { type TestDatabase, useTestDatabases } from './support/databases';

const databases = useTestDatabases('server-import-limits', ['postgres']);

async function readsSoFar(): Promise<number> {
  return (await importReads.get()).values.reduce((n, v) => n + v.value, 0);
}

async function upload(client: TestClient, fileName: string, bytes: Uint8Array): Promise<string> {
  const created = await client.post('/api/v1/imports', { fileName, size: bytes.length });
  expect(created.status, created.text).toBe(201);
  const put = await client.request('PUT', created.body.upload.url, {
    body: bytes,
    headers: created.body.upload.headers,
  });
  expect(put.status, put.text).toBe(204);
  return created.body.import.id;
}

const smallHistory = () =>
  loopCsvZip([{ name: 'Read', entries: everyDay('2026-01-01', 30, () => 2) }], {
    today: '2026-03-15',
  });

describe('import limits', () => {
  let db: TestDatabase;
  beforeAll(() => {
    db = databases.get('postgres');
  });

  it('a refused file is answered from its stored refusal, never read again', async () => {
    const c = createTestApp(db.database).client();
    await c.signUp();
    const id = await upload(c, 'long.zip', longCellZip(1_000_000));
    const first = await c.post(`/api/v1/imports/${id}/preview`);
    expectError(first, 422, 'import_invalid');
    expect(first.text.length).toBeLessThan(2_000);
    const reads = await readsSoFar();
    const again = await c.post(`/api/v1/imports/${id}/preview`);
    expect(again.status).toBe(422);
    expect(again.body).toEqual(first.body);
    expect(await readsSoFar()).toBe(reads);
    expect((await c.get(`/api/v1/imports/${id}`)).body.status).toBe('failed');
  });

  it('a previewed file is answered from its stored preview, never read again', async () => {
    const c = createTestApp(db.database).client();
    await c.signUp();
    const id = await upload(c, 'loop.zip', smallHistory());
    const first = await c.post(`/api/v1/imports/${id}/preview`);
    expect(first.status, first.text).toBe(200);
    const reads = await readsSoFar();
    const again = await c.post(`/api/v1/imports/${id}/preview`);
    expect(again.status).toBe(200);
    expect(again.body.preview).toEqual(first.body.preview);
    expect(await readsSoFar()).toBe(reads);
  });

  it('one preview reads a file at a time: another at the same moment is 409', async () => {
    const c = createTestApp(db.database).client();
    await c.signUp();
    const id = await upload(c, 'loop.zip', smallHistory());
    const [a, b] = await Promise.all([
      c.post(`/api/v1/imports/${id}/preview`),
      c.post(`/api/v1/imports/${id}/preview`),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const busy = a.status === 409 ? a : b;
    expectError(busy, 409, 'import_in_progress');
    expect(busy.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('a file that needs more memory than the worker may use is a 422 that says so', async () => {
    const c = createTestApp(db.database, { IMPORT_READ_HEAP_MB: '32' }).client();
    await c.signUp();
    const big = loopCsvZip(
      Array.from({ length: 20 }, (_, i) => ({
        name: `Habit ${i}`,
        entries: everyDay('2000-01-01', 8_000, () => 2),
      })),
      { today: '2026-03-15' },
    );
    const id = await upload(c, 'big.zip', big);
    const res = await c.post(`/api/v1/imports/${id}/preview`);
    expectError(res, 422, 'import_invalid');
    expect(res.body.error.message).toMatch(/needed more than the 32 MB of memory/);
  });

  it('a file that takes longer than allowed is a 422 that says so', async () => {
    const c = createTestApp(db.database, { IMPORT_READ_TIMEOUT_MS: '100' }).client();
    await c.signUp();
    const id = await upload(c, 'loop.zip', smallHistory());
    const res = await c.post(`/api/v1/imports/${id}/preview`);
    expectError(res, 422, 'import_invalid');
    expect(res.body.error.message).toMatch(/took longer than the 0.1 seconds/);
  });

  it('the storage quota refuses an upload when declared and counts what is stored', async () => {
    const quota = 1024 * 1024;
    const c = createTestApp(db.database, { USER_STORAGE_QUOTA_BYTES: String(quota) }).client();
    await c.signUp();
    const tooBig = await c.post('/api/v1/imports', { fileName: 'a.zip', size: quota + 1 });
    expectError(tooBig, 413, 'quota_exceeded');
    expect(tooBig.body.error.details).toEqual({ quota, used: 0, requested: quota + 1 });

    const bytes = smallHistory();
    await upload(c, 'loop.zip', bytes);
    const usage = await c.get('/api/v1/storage');
    expect(usage.status).toBe(200);
    expect(usage.headers.get('cache-control')).toBe('private, no-cache');
    expect(usage.body).toEqual({
      quota,
      used: { photos: 0, imports: bytes.length, exports: 0, total: bytes.length },
    });
    const over = await c.post('/api/v1/imports', { fileName: 'b.zip', size: quota - 10 });
    expectError(over, 413, 'quota_exceeded');
  });
});
