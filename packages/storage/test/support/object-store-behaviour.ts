import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  InvalidContentTypeError,
  InvalidObjectKeyError,
  type ObjectStore,
  objectKeys,
} from '../../src/index';
import { PART_SIZE } from '../../src/s3-upload';
import { chunked, collect, randomBinary, readAll, sha256, text } from './bytes';

/** Keys no backend may accept: each is a path trick or breaks the key rules. */
export const INVALID_KEYS = [
  '',
  '../escape',
  'users/../../escape',
  './here',
  'a/./b',
  '/etc/passwd',
  'a//b',
  'a/',
  '.hidden',
  'a\\..\\b',
  '..\\escape',
  '%2e%2e/escape',
  'a%2fb',
  'nul\0byte',
  'new\nline',
  'späce ünicode',
  'a b',
  `${'x'.repeat(129)}`,
];

/**
 * What every backend must do the same way. `openStore` opens a store on a fresh, empty place
 * (a temp folder, a new bucket). Each test works under keys of its own.
 */
export function describeObjectStore(backend: string, openStore: () => Promise<ObjectStore>) {
  describe(`${backend} store: shared behaviour`, () => {
    let store: ObjectStore;
    beforeAll(async () => {
      store = await openStore();
    });
    afterAll(() => store?.close());

    const newPhotoKey = () => objectKeys.photo(randomUUID(), randomUUID());

    it('stores bytes and gives them back with their size and content type', async () => {
      const key = newPhotoKey();
      const before = Date.now();
      await store.put(key, text('hello, habits'), { contentType: 'text/plain; charset=utf-8' });

      const object = await store.get(key);
      expect(object?.size).toBe(13);
      expect(object?.contentType).toBe('text/plain; charset=utf-8');
      expect((await readAll(object!.body)).toString()).toBe('hello, habits');

      const info = await store.head(key);
      expect(info).toMatchObject({ key, size: 13, contentType: 'text/plain; charset=utf-8' });
      // S3 keeps whole seconds; both clocks are this machine's.
      expect(Math.abs(info!.lastModified.getTime() - before)).toBeLessThan(60_000);
    });

    it('answers null for a missing key and treats deleting one as done', async () => {
      const key = newPhotoKey();
      expect(await store.get(key)).toBeNull();
      expect(await store.head(key)).toBeNull();
      expect(await store.readStart(key, 8)).toBeNull();
      await expect(store.delete(key)).resolves.toBeUndefined();
      expect(await store.deletePrefix(`${key}/`)).toBe(0);
      expect(await collect(store.list(key))).toEqual([]);
    });

    it('keeps binary content byte for byte', async () => {
      const key = newPhotoKey();
      const bytes = randomBinary(300_000);
      await store.put(key, bytes, { contentType: 'application/octet-stream' });
      const object = await store.get(key);
      expect(object?.size).toBe(bytes.length);
      expect(sha256(await readAll(object!.body))).toBe(sha256(bytes));
    });

    it('stores an empty object', async () => {
      const key = newPhotoKey();
      await store.put(key, new Uint8Array(0), { contentType: 'image/jpeg' });
      expect(await store.head(key)).toMatchObject({ size: 0, contentType: 'image/jpeg' });
      const object = await store.get(key);
      expect(object?.size).toBe(0);
      expect((await readAll(object!.body)).length).toBe(0);
      expect(await store.readStart(key, 16)).toEqual(new Uint8Array(0));
    });

    it('replaces an object on a second put, type and size included', async () => {
      const key = newPhotoKey();
      await store.put(key, text('first version, the longer one'), { contentType: 'text/plain' });
      const png = randomBinary(1_000);
      await store.put(key, png, { contentType: 'image/png' });

      const object = await store.get(key);
      expect(object).toMatchObject({ size: 1_000, contentType: 'image/png' });
      expect(sha256(await readAll(object!.body))).toBe(sha256(png));
      expect((await collect(store.list(key))).map((item) => item.key)).toEqual([key]);
    });

    it('takes streams in: a Node Readable, a web ReadableStream, an async generator', async () => {
      const bytes = randomBinary(200_000);
      const bodies = {
        readable: Readable.from(chunked(bytes, 16_384)),
        web: ReadableStream.from(chunked(bytes, 10_000)),
        generator: chunked(bytes, 7_777),
      };
      for (const [name, body] of Object.entries(bodies)) {
        const key = newPhotoKey();
        await store.put(key, body, { contentType: 'image/webp' });
        const object = await store.get(key);
        expect({ name, size: object?.size }).toEqual({ name, size: bytes.length });
        expect({ name, hash: sha256(await readAll(object!.body)) }).toEqual({
          name,
          hash: sha256(bytes),
        });
      }
    });

    it('streams a body longer than one upload part, in and out', async () => {
      const key = objectKeys.export(randomUUID(), randomUUID());
      const bytes = randomBinary(2 * PART_SIZE + 12_345);
      await store.put(key, chunked(bytes, 1_000_000), { contentType: 'application/zip' });
      const object = await store.get(key);
      expect(object).toMatchObject({ size: bytes.length, contentType: 'application/zip' });
      expect(object?.body).toBeInstanceOf(Readable);
      expect(sha256(await readAll(object!.body))).toBe(sha256(bytes));
    });

    it('keeps the old object when a streamed put fails midway', async () => {
      for (const failAfter of [1_000, PART_SIZE + 1_000]) {
        const key = newPhotoKey();
        await store.put(key, text('old'), { contentType: 'text/plain' });
        const failing = async function* () {
          yield* chunked(randomBinary(failAfter), 100_000);
          throw new Error('client went away');
        };
        await expect(store.put(key, failing(), { contentType: 'image/png' })).rejects.toThrow(
          'client went away',
        );
        const object = await store.get(key);
        expect({ failAfter, type: object?.contentType }).toEqual({ failAfter, type: 'text/plain' });
        expect((await readAll(object!.body)).toString()).toBe('old');
      }
    });

    it('reads only the start of an object', async () => {
      const key = newPhotoKey();
      const bytes = randomBinary(5_000);
      await store.put(key, bytes, { contentType: 'image/png' });
      expect(await store.readStart(key, 12)).toEqual(bytes.slice(0, 12));
      expect(await store.readStart(key, 1)).toEqual(bytes.slice(0, 1));
      expect(await store.readStart(key, 0)).toEqual(new Uint8Array(0));
      expect(await store.readStart(key, 99_999)).toEqual(bytes);
      await expect(store.readStart(key, -1)).rejects.toThrow(RangeError);
      await expect(store.readStart(key, 1.5)).rejects.toThrow(RangeError);
    });

    it('deletes one object', async () => {
      const key = newPhotoKey();
      await store.put(key, text('x'), { contentType: 'text/plain' });
      await store.delete(key);
      expect(await store.head(key)).toBeNull();
      expect(await store.get(key)).toBeNull();
      await store.delete(key);
    });

    it("deletes by prefix: a user's objects, and nobody else's", async () => {
      const user = randomUUID();
      const other = randomUUID();
      const photo = randomUUID();
      const mine = [
        objectKeys.photo(user, photo),
        objectKeys.thumbnail(user, photo),
        objectKeys.export(user, randomUUID()),
        objectKeys.importUpload(user, randomUUID()),
      ];
      const theirs = objectKeys.photo(other, photo);
      for (const key of [...mine, theirs])
        await store.put(key, text(key), { contentType: 'text/plain' });

      expect(await store.deletePrefix(objectKeys.user(user))).toBe(mine.length);
      for (const key of mine) expect(await store.head(key)).toBeNull();
      expect(await collect(store.list(objectKeys.user(user)))).toEqual([]);
      expect(await store.head(theirs)).not.toBeNull();
      expect(await store.deletePrefix(objectKeys.user(user))).toBe(0);
    });

    it('deletes by a prefix that ends inside a segment, like S3 does', async () => {
      const folder = `t-${randomUUID()}`;
      for (const key of [`${folder}/ab1`, `${folder}/ab2/x`, `${folder}/ac`]) {
        await store.put(key, text(key), { contentType: 'text/plain' });
      }
      expect(await store.deletePrefix(`${folder}/ab`)).toBe(2);
      expect((await collect(store.list(`${folder}/`))).map((item) => item.key)).toEqual([
        `${folder}/ac`,
      ]);
    });

    it('refuses to delete everything at once', async () => {
      await expect(store.deletePrefix('')).rejects.toThrow(/refusing/);
    });

    it('lists by prefix in key order, with sizes and dates', async () => {
      const folder = `t-${randomUUID()}`;
      // In byte order '-' < '/' < 'c': a walk of folders would give another order than S3's.
      const keys = [
        `${folder}/bc`,
        `${folder}/b/c`,
        `${folder}/b-c`,
        `${folder}/b/a/deep`,
        `${folder}/a`,
      ];
      for (const [index, key] of keys.entries()) {
        await store.put(key, new Uint8Array(index + 1), { contentType: 'text/plain' });
      }
      const all = await collect(store.list(`${folder}/`));
      expect(all.map((item) => item.key)).toEqual([
        `${folder}/a`,
        `${folder}/b-c`,
        `${folder}/b/a/deep`,
        `${folder}/b/c`,
        `${folder}/bc`,
      ]);
      expect(all.map((item) => item.size)).toEqual([5, 3, 4, 2, 1]);
      for (const item of all) expect(item.lastModified).toBeInstanceOf(Date);

      const keysUnder = async (prefix: string) =>
        (await collect(store.list(prefix))).map((item) => item.key);
      expect(await keysUnder(`${folder}/b`)).toEqual([
        `${folder}/b-c`,
        `${folder}/b/a/deep`,
        `${folder}/b/c`,
        `${folder}/bc`,
      ]);
      expect(await keysUnder(`${folder}/b/`)).toEqual([`${folder}/b/a/deep`, `${folder}/b/c`]);
      expect(await keysUnder(`${folder}/b/c`)).toEqual([`${folder}/b/c`]);
      expect(await keysUnder(`${folder}/nothing`)).toEqual([]);
      expect(await keysUnder('')).toEqual(expect.arrayContaining(keys));
    });

    it('refuses content types that are not plain ASCII MIME types', async () => {
      const key = newPhotoKey();
      for (const contentType of [
        '',
        'image',
        'image/pngé',
        'bild/🖼️',
        'text/plain\r\nx-injected: 1',
        'text/plain; charset="utf-8\n"',
        ' image/png',
        `image/${'x'.repeat(300)}`,
      ]) {
        await expect(store.put(key, text('x'), { contentType }), contentType).rejects.toThrow(
          InvalidContentTypeError,
        );
      }
      expect(await store.head(key)).toBeNull();
      await store.put(key, text('x'), { contentType: 'text/csv; header="present"' });
      expect((await store.head(key))?.contentType).toBe('text/csv; header="present"');
    });

    it('refuses keys that break the key rules, in every method', async () => {
      for (const key of INVALID_KEYS) {
        const label = JSON.stringify(key);
        await expect(
          store.put(key, text('x'), { contentType: 'text/plain' }),
          label,
        ).rejects.toThrow(InvalidObjectKeyError);
        await expect(store.get(key), label).rejects.toThrow(InvalidObjectKeyError);
        await expect(store.head(key), label).rejects.toThrow(InvalidObjectKeyError);
        await expect(store.readStart(key, 1), label).rejects.toThrow(InvalidObjectKeyError);
        await expect(store.delete(key), label).rejects.toThrow(InvalidObjectKeyError);
      }
      for (const prefix of ['../', '/abs', 'a//', '.x', 'a\\', '%2e%2e/', 'nul\0']) {
        const label = JSON.stringify(prefix);
        await expect(collect(store.list(prefix)), label).rejects.toThrow(InvalidObjectKeyError);
        await expect(store.deletePrefix(prefix), label).rejects.toThrow(InvalidObjectKeyError);
      }
    });

    it('answers ping', async () => {
      expect(await store.ping()).toBe(true);
    });
  });
}
