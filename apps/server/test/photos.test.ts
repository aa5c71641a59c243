/**
 * Photos on check-ins, through the API, on both storage backends: the local folder (uploads
 * through the server) and a real S3 (Ceph radosgw, presigned uploads straight to the bucket).
 * Covers the happy path, every way an upload can lie, another user's reach, and objects going
 * with their check-in, habit or account.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createLocalStore,
  type ObjectStore,
  objectKeys,
  openObjectStore,
} from '@habit-tracker/storage';
import { createTestBucket, s3StorageConfig } from '@habit-tracker/storage/testing';
import sharp from 'sharp';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ABANDONED_UPLOAD_MS } from '../src/jobs/object-cleanup';
import { createTestApp, expectError, type TestApp, type TestClient, TODAY } from './support/app';
import { type TestDatabase, useTestDatabases } from './support/databases';

const databases = useTestDatabases('server-photos', ['postgres']);

const jpeg = (width = 64, height = 48) =>
  sharp({ create: { width, height, channels: 3, background: '#e4572e' } })
    .jpeg()
    .toBuffer();
const png = () =>
  sharp({ create: { width: 20, height: 30, channels: 4, background: '#17bebb' } })
    .png()
    .toBuffer();
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface Upload {
  photo: { id: string; status: string };
  upload: { method: 'PUT'; url: string; headers: Record<string, string> };
}

describe.each(['local', 's3'] as const)('photos with %s storage', (kind) => {
  let db: TestDatabase;
  let storage: ObjectStore;
  let t: TestApp;
  let a: TestClient;
  let b: TestClient;
  let habitId: string;
  let userId: string;
  const checkinUrl = (date = TODAY, habit = habitId) => `/api/v1/habits/${habit}/checkins/${date}`;

  beforeAll(async () => {
    db = databases.get('postgres');
    storage =
      kind === 'local'
        ? createLocalStore(mkdtempSync(join(tmpdir(), 'ht-photos-')))
        : await openObjectStore(
            s3StorageConfig(inject('radosgw'), await createTestBucket(inject('radosgw'))),
          );
    t = createTestApp(db.database, {}, undefined, storage);
    a = t.client();
    b = t.client();
    userId = (await a.signUp()).me.user.id;
    await b.signUp();
    habitId = (await a.createHabit()).id;
    expect((await a.put(checkinUrl(), { state: 'done' })).status).toBe(200);
  });

  /** Sends the bytes where the upload instruction says, as a browser would. */
  async function send(client: TestClient, upload: Upload['upload'], bytes: Uint8Array) {
    if (kind === 'local') {
      const res = await client.request('PUT', upload.url, {
        body: bytes,
        headers: { ...upload.headers, 'content-length': String(bytes.length) },
      });
      return res.status;
    }
    const res = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: bytes });
    return res.status;
  }

  async function attach(client: TestClient, bytes: Uint8Array, contentType = 'image/jpeg') {
    const created = await client.post<Upload>(`${checkinUrl()}/photos`, {
      contentType,
      size: bytes.length,
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body.photo.status).toBe('pending');
    return created.body;
  }

  it('uploads, checks, lists, serves and deletes a photo', async () => {
    const bytes = await jpeg(640, 480);
    const { photo, upload } = await attach(a, bytes);
    if (kind === 's3') expect(upload.url).toMatch(/X-Amz-Signature=/);
    else expect(upload.url).toBe(`/api/v1/photos/${photo.id}/upload`);
    expect([200, 204]).toContain(await send(a, upload, bytes));

    // Not listed until complete.
    expect((await a.get(`${checkinUrl()}/photos`)).body.photos).toEqual([]);
    const done = await a.post(`/api/v1/photos/${photo.id}/complete`);
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({
      status: 'ready',
      width: 640,
      height: 480,
      size: bytes.length,
    });
    // Completing again is a harmless resend.
    expect((await a.post(`/api/v1/photos/${photo.id}/complete`)).status).toBe(200);
    const listed = await a.get(`${checkinUrl()}/photos`);
    expect(listed.body.photos.map((p: { id: string }) => p.id)).toEqual([photo.id]);

    const image = await fetchImage(a, `/api/v1/photos/${photo.id}/image`);
    expect(sha(image.bytes)).toBe(sha(bytes));
    const thumbnail = await fetchImage(a, `/api/v1/photos/${photo.id}/thumbnail`);
    const meta = await sharp(thumbnail.bytes).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 320, height: 240 });

    expect((await a.delete(`/api/v1/photos/${photo.id}`)).status).toBe(204);
    expectError(await a.get(`/api/v1/photos/${photo.id}/image`), 404, 'not_found');
    await t.app.objectCleanup.drain();
    expect(await storage.head(objectKeys.photo(userId, photo.id))).toBeNull();
    expect(await storage.head(objectKeys.thumbnail(userId, photo.id))).toBeNull();
  });

  /** The image: local mode streams it; S3 redirects to a presigned URL, fetched like a browser. */
  async function fetchImage(client: TestClient, path: string) {
    const res = await client.get(path);
    if (kind === 'local') {
      expect(res.status).toBe(200);
      return { bytes: res.bytes, type: res.headers.get('content-type') };
    }
    expect(res.status).toBe(302);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/X-Amz-Expires=300/);
    const direct = await fetch(location);
    expect(direct.status).toBe(200);
    return {
      bytes: new Uint8Array(await direct.arrayBuffer()),
      type: direct.headers.get('content-type'),
    };
  }

  it('refuses an upload whose bytes are not what was declared, and keeps nothing', async () => {
    const bytes = await jpeg();
    // Declared PNG, sent JPEG bytes (the content type on the wire says PNG, as bound).
    const lying = await attach(a, bytes, 'image/png');
    expect([200, 204]).toContain(await send(a, lying.upload, bytes));
    expectError(await a.post(`/api/v1/photos/${lying.photo.id}/complete`), 422, 'upload_invalid');
    expectError(await a.post(`/api/v1/photos/${lying.photo.id}/complete`), 404, 'not_found');

    // Not an image at all.
    const text = new TextEncoder().encode('not a picture, just text pretending');
    const fake = await attach(a, text, 'image/jpeg');
    expect([200, 204]).toContain(await send(a, fake.upload, text));
    expectError(await a.post(`/api/v1/photos/${fake.photo.id}/complete`), 422, 'upload_invalid');

    // Never uploaded.
    const missing = await attach(a, bytes);
    expectError(await a.post(`/api/v1/photos/${missing.photo.id}/complete`), 422, 'upload_invalid');

    await t.app.objectCleanup.drain();
    for (const id of [lying.photo.id, fake.photo.id, missing.photo.id]) {
      expect(await storage.head(objectKeys.photo(userId, id))).toBeNull();
    }
    expect((await a.get(`${checkinUrl()}/photos`)).body.photos).toEqual([]);
  });

  it('refuses another size or type than declared at the upload itself', async () => {
    const bytes = await png();
    const { upload } = await attach(a, bytes, 'image/png');
    const longer = new Uint8Array([...bytes, 0]);
    if (kind === 's3') {
      // The signature binds the type and the length: the bucket refuses.
      expect(await send(a, upload, longer)).toBe(403);
      const wrongType = { ...upload.headers, 'content-type': 'image/jpeg' };
      expect(
        (await fetch(upload.url, { method: 'PUT', headers: wrongType, body: bytes })).status,
      ).toBe(403);
      const tampered = upload.url.replace(
        /X-Amz-Signature=([0-9a-f])/,
        (_m, c: string) => `X-Amz-Signature=${c === '0' ? '1' : '0'}`,
      );
      expect(
        (await fetch(tampered, { method: 'PUT', headers: upload.headers, body: bytes })).status,
      ).toBe(403);
    } else {
      expectError(
        await a.request('PUT', upload.url, { body: longer, headers: upload.headers }),
        422,
        'upload_invalid',
      );
      expectError(
        await a.request('PUT', upload.url, {
          body: bytes,
          headers: { 'content-type': 'image/jpeg' },
        }),
        415,
        'unsupported_media_type',
      );
    }
  });

  it('checks the declaration: a check-in, a size limit, image types only, ten at most', async () => {
    expectError(
      await a.post(`${checkinUrl('2026-03-01')}/photos`, { contentType: 'image/jpeg', size: 10 }),
      404,
      'not_found',
    );
    expectError(
      await a.post(`${checkinUrl()}/photos`, { contentType: 'image/jpeg', size: 11 * 1024 * 1024 }),
      413,
      'payload_too_large',
    );
    expectError(
      await a.post(`${checkinUrl()}/photos`, { contentType: 'image/svg+xml', size: 10 }),
      422,
      'validation_failed',
    );
    expectError(
      await a.post(`${checkinUrl()}/photos`, { contentType: 'image/png', size: 0 }),
      422,
      'validation_failed',
    );
    const date = '2026-03-10';
    expect((await a.put(checkinUrl(date), { state: 'done' })).status).toBe(200);
    for (let i = 0; i < 10; i++) {
      expect(
        (await a.post(`${checkinUrl(date)}/photos`, { contentType: 'image/png', size: 9 })).status,
      ).toBe(201);
    }
    expectError(
      await a.post(`${checkinUrl(date)}/photos`, { contentType: 'image/png', size: 9 }),
      422,
      'validation_failed',
    );
  });

  it('never lets another user see, complete, list or delete a photo', async () => {
    const bytes = await jpeg();
    const { photo, upload } = await attach(a, bytes);
    await send(a, upload, bytes);
    // B completing A's upload: as if it did not exist.
    expectError(await b.post(`/api/v1/photos/${photo.id}/complete`), 404, 'not_found');
    expect((await a.post(`/api/v1/photos/${photo.id}/complete`)).status).toBe(200);
    for (const path of [
      `/api/v1/photos/${photo.id}/image`,
      `/api/v1/photos/${photo.id}/thumbnail`,
    ]) {
      expectError(await b.get(path), 404, 'not_found');
    }
    expectError(await b.get(`${checkinUrl()}/photos`), 404, 'not_found');
    expectError(await b.delete(`/api/v1/photos/${photo.id}`), 404, 'not_found');
    expectError(
      await b.post(`${checkinUrl()}/photos`, { contentType: 'image/jpeg', size: 10 }),
      404,
      'not_found',
    );
    if (kind === 'local') {
      expectError(
        await b.request('PUT', `/api/v1/photos/${photo.id}/upload`, {
          body: bytes,
          headers: upload.headers,
        }),
        404,
        'not_found',
      );
    }
    // A is unaffected.
    expect((await fetchImage(a, `/api/v1/photos/${photo.id}/image`)).bytes.length).toBe(
      bytes.length,
    );
  });

  it('deletes the objects with their check-in, habit and account; sweeps abandoned uploads', async () => {
    const c = t.client();
    const cId = (await c.signUp()).me.user.id;
    const habit = (await c.createHabit()).id;
    const keysOf = (id: string) => [objectKeys.photo(cId, id), objectKeys.thumbnail(cId, id)];
    const ready = async (date: string, on = habit) => {
      expect((await c.put(checkinUrl(date, on), { state: 'done' })).status).toBe(200);
      const bytes = await jpeg();
      const created = await c.post<Upload>(`${checkinUrl(date, on)}/photos`, {
        contentType: 'image/jpeg',
        size: bytes.length,
      });
      await send(c, created.body.upload, bytes);
      expect((await c.post(`/api/v1/photos/${created.body.photo.id}/complete`)).status).toBe(200);
      for (const key of keysOf(created.body.photo.id))
        expect(await storage.head(key)).not.toBeNull();
      return created.body.photo.id;
    };
    const gone = async (id: string) => {
      await t.app.objectCleanup.drain();
      for (const key of keysOf(id)) expect(await storage.head(key)).toBeNull();
    };

    const first = await ready('2026-03-01');
    expect((await c.delete(checkinUrl('2026-03-01', habit))).status).toBe(204);
    await gone(first);

    const second = await ready('2026-03-02');
    expect((await c.delete(`/api/v1/habits/${habit}`)).status).toBe(204);
    await gone(second);

    // An upload started and never completed is removed a day later, bytes and all.
    const habit2 = (await c.createHabit()).id;
    expect((await c.put(checkinUrl('2026-03-03', habit2), { state: 'done' })).status).toBe(200);
    const bytes = await jpeg();
    const abandoned = await c.post<Upload>(`${checkinUrl('2026-03-03', habit2)}/photos`, {
      contentType: 'image/jpeg',
      size: bytes.length,
    });
    await send(c, abandoned.body.upload, bytes);
    await t.app.objectCleanup.sweep(new Date());
    expect(await storage.head(objectKeys.photo(cId, abandoned.body.photo.id))).not.toBeNull();
    await t.app.objectCleanup.sweep(new Date(Date.now() + ABANDONED_UPLOAD_MS + 60_000));
    await gone(abandoned.body.photo.id);

    const third = await ready('2026-03-04', habit2);
    expect(
      (await c.request('DELETE', '/api/v1/me', { json: { password: 'correct horse battery' } }))
        .status,
    ).toBe(204);
    await gone(third);
  });
});
