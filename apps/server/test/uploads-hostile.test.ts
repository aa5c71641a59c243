/**
 * Hostile uploads (issue 8): oversize bodies, wrong and lying types, polyglots, path tricks in
 * ids and names — each refused with a JSON error, and nothing stored. Local storage, where the
 * bytes pass through the server (with S3 the bucket's signature check refuses them; see
 * photos.test.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalStore, type ObjectStore } from '@habit-tracker/storage';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp, type TestClient, TODAY } from './support/app';
import { type TestDatabase, useTestDatabases } from './support/databases';

const databases = useTestDatabases('server-uploads-hostile', ['postgres']);

describe('hostile uploads', () => {
  let db: TestDatabase;
  let storage: ObjectStore;
  let root: string;
  let t: TestApp;
  let c: TestClient;
  let habitId: string;

  beforeAll(async () => {
    db = databases.get('postgres');
    root = mkdtempSync(join(tmpdir(), 'ht-hostile-'));
    storage = createLocalStore(root);
    t = createTestApp(db.database, { PHOTO_MAX_BYTES: '65536' }, undefined, storage);
    c = t.client();
    await c.signUp();
    habitId = (await c.createHabit()).id;
    await c.put(`/api/v1/habits/${habitId}/checkins/${TODAY}`, { state: 'done' });
  });

  async function stored(): Promise<string[]> {
    const keys: string[] = [];
    for await (const item of storage.list('users/')) keys.push(item.key);
    return keys;
  }

  async function pending(contentType: string, size: number) {
    const res = await c.post(`/api/v1/habits/${habitId}/checkins/${TODAY}/photos`, {
      contentType,
      size,
    });
    expect(res.status, res.text).toBe(201);
    return res.body.photo.id as string;
  }

  it('refuses a body over the limit before storing any of it, declared or chunked', async () => {
    const before = await stored();
    const id = await pending('image/jpeg', 60_000);
    const huge = new Uint8Array(70_000).fill(0xff);
    // A declared length over the limit: refused from the header.
    expectError(
      await c.request('PUT', `/api/v1/photos/${id}/upload`, {
        body: huge,
        headers: { 'content-type': 'image/jpeg', 'content-length': String(huge.length) },
      }),
      413,
      'payload_too_large',
    );
    // No length (a stream): counted as it arrives.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 7; i++) controller.enqueue(new Uint8Array(10_000));
        controller.close();
      },
    });
    const res = await t.app.request(`/api/v1/photos/${id}/upload`, {
      method: 'PUT',
      body: stream,
      headers: { 'content-type': 'image/jpeg', cookie: c.cookie!, 'fly-client-ip': c.ip },
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(await stored()).toEqual(before);
  });

  it('refuses types that are not photos, and files that lie about theirs', async () => {
    for (const contentType of [
      'image/svg+xml',
      'text/html',
      'application/octet-stream',
      'image/gif',
    ]) {
      expectError(
        await c.post(`/api/v1/habits/${habitId}/checkins/${TODAY}/photos`, {
          contentType,
          size: 10,
        }),
        422,
        'validation_failed',
      );
    }
    const before = await stored();
    // A JPEG signature in front of HTML (a polyglot), an SVG with a script sent as PNG, a real
    // PNG declared as JPEG: each stored by the upload, each refused and deleted by `complete`.
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const bodies: [string, Uint8Array][] = [
      [
        'image/jpeg',
        new Uint8Array([
          0xff,
          0xd8,
          0xff,
          ...new TextEncoder().encode('<script>alert(1)</script>'),
        ]),
      ],
      [
        'image/png',
        new TextEncoder().encode(
          '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        ),
      ],
      ['image/jpeg', new Uint8Array(png)],
    ];
    for (const [type, bytes] of bodies) {
      const id = await pending(type, bytes.length);
      const put = await c.request('PUT', `/api/v1/photos/${id}/upload`, {
        body: bytes,
        headers: { 'content-type': type },
      });
      expect(put.status).toBe(204);
      expectError(await c.post(`/api/v1/photos/${id}/complete`), 422, 'upload_invalid');
    }
    await t.app.objectCleanup.drain();
    expect(await stored()).toEqual(before);
  });

  it('refuses path tricks in ids and names; names never reach a storage path', async () => {
    for (const id of ['..%2F..%2Fetc%2Fpasswd', '../../etc/passwd', '%00', 'not-a-uuid']) {
      const res = await c.request('PUT', `/api/v1/photos/${id}/upload`, {
        body: new Uint8Array([1, 2, 3]),
        headers: { 'content-type': 'image/jpeg' },
      });
      expect([404, 422], res.text).toContain(res.status);
      expect(res.body).toMatchObject({ error: { code: expect.any(String) } });
    }
    for (const fileName of [
      '../../etc/passwd',
      'a/b.zip',
      'c:\\\\x.zip',
      'x\u0000.zip',
      'line\nbreak.zip',
      '',
    ]) {
      expectError(
        await c.post('/api/v1/imports', { fileName, size: 10 }),
        422,
        'validation_failed',
      );
    }
    // An odd but harmless name is kept as a name; the object's key is the import's id.
    const ok = await c.post('/api/v1/imports', { fileName: '..zip', size: 3 });
    expect(ok.status).toBe(201);
    await c.request('PUT', ok.body.upload.url, {
      body: new Uint8Array([1, 2, 3]),
      headers: ok.body.upload.headers,
    });
    expect((await stored()).filter((k) => k.includes('/imports/'))).toEqual([
      expect.stringMatching(new RegExp(`^users/[0-9a-f-]{36}/imports/${ok.body.import.id}$`)),
    ]);
  });
});
