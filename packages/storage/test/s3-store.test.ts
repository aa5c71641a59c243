import { randomUUID } from 'node:crypto';
import { DeleteBucketCommand } from '@aws-sdk/client-s3';
import { findFreePort } from '@habit-tracker/test-support';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  InvalidContentTypeError,
  InvalidObjectKeyError,
  type ObjectStore,
  objectKeys,
  openObjectStore,
} from '../src/index';
import { createS3Client } from '../src/s3-client';
import { createTestBucket, s3StorageConfig } from '../src/testing/index';
import { collect, randomBinary, sha256, text } from './support/bytes';
import { describeObjectStore } from './support/object-store-behaviour';

const radosgw = inject('radosgw');
const openStoreOnNewBucket = async () =>
  openObjectStore(s3StorageConfig(radosgw, await createTestBucket(radosgw)));

describeObjectStore('S3 (radosgw)', openStoreOnNewBucket);

/** A URL with one query parameter changed. */
function withParam(url: string, name: string, value: string): string {
  const changed = new URL(url);
  changed.searchParams.set(name, value);
  return changed.href;
}

/** The same signature with its last hex digit changed. */
function tamperedSignature(url: string): string {
  const signature = new URL(url).searchParams.get('X-Amz-Signature') ?? '';
  const last = signature.at(-1) === '0' ? '1' : '0';
  return withParam(url, 'X-Amz-Signature', signature.slice(0, -1) + last);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('S3 store on radosgw', () => {
  let store: ObjectStore;
  beforeAll(async () => {
    store = await openStoreOnNewBucket();
  });
  afterAll(() => store?.close());

  const newKey = () => objectKeys.photo(randomUUID(), randomUUID());
  const uploadOf = (key: string, bytes: Uint8Array, expiresInSeconds = 60) =>
    store.presignPut(key, {
      contentType: 'image/png',
      contentLength: bytes.length,
      expiresInSeconds,
    });

  it('says what it is', () => {
    expect(store.kind).toBe('s3');
    expect(store.presignedUploads).toBe(true);
  });

  it('takes a presigned PUT from plain fetch, with the headers it was signed for', async () => {
    const key = newKey();
    const bytes = randomBinary(4_096);
    const upload = await uploadOf(key, bytes);
    expect(upload.method).toBe('PUT');
    expect(upload.headers).toEqual({ 'content-type': 'image/png', 'content-length': '4096' });
    const query = new URL(upload.url).searchParams;
    expect(query.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    // An SDK default would put the checksum of an empty body here, which AWS then enforces.
    expect([...query.keys()].filter((name) => name.toLowerCase().includes('checksum'))).toEqual([]);

    const response = await fetch(upload.url, {
      method: 'PUT',
      headers: upload.headers,
      body: bytes,
    });
    expect(response.status).toBe(200);
    expect(await store.head(key)).toMatchObject({ size: 4_096, contentType: 'image/png' });
    expect(sha256((await store.readStart(key, 10_000))!)).toBe(sha256(bytes));
  });

  it('refuses a presigned PUT whose signature was tampered with', async () => {
    const key = newKey();
    const bytes = randomBinary(100);
    const upload = await uploadOf(key, bytes);
    const response = await fetch(tamperedSignature(upload.url), {
      method: 'PUT',
      headers: upload.headers,
      body: bytes,
    });
    expect(response.status).toBe(403);
    expect(await store.head(key)).toBeNull();
  });

  it('refuses a presigned PUT used for another key', async () => {
    const key = newKey();
    const other = newKey();
    const bytes = randomBinary(100);
    const upload = await uploadOf(key, bytes);
    const url = new URL(upload.url);
    url.pathname = url.pathname.replace(key, other);
    expect(url.pathname).toContain(other);
    const response = await fetch(url, { method: 'PUT', headers: upload.headers, body: bytes });
    expect(response.status).toBe(403);
    expect(await store.head(other)).toBeNull();
  });

  it('refuses a presigned PUT with another content type than signed', async () => {
    const key = newKey();
    const bytes = randomBinary(100);
    const upload = await uploadOf(key, bytes);
    for (const contentType of ['text/html', 'image/png; x=1', 'IMAGE/PNG']) {
      const response = await fetch(upload.url, {
        method: 'PUT',
        headers: { ...upload.headers, 'content-type': contentType },
        body: bytes,
      });
      expect({ contentType, status: response.status }).toEqual({ contentType, status: 403 });
    }
    expect(await store.head(key)).toBeNull();
  });

  it('refuses a presigned PUT with a body longer or shorter than signed', async () => {
    const key = newKey();
    const bytes = randomBinary(1_000);
    const upload = await uploadOf(key, bytes);
    for (const body of [randomBinary(1_001), bytes.subarray(0, 999), randomBinary(1_000_000)]) {
      // fetch sends the body's real length, as a browser does (it may not set Content-Length).
      const { 'content-length': _signedLength, ...headers } = upload.headers;
      const response = await fetch(upload.url, { method: 'PUT', headers, body });
      expect({ length: body.length, status: response.status }).toEqual({
        length: body.length,
        status: 403,
      });
    }
    expect(await store.head(key)).toBeNull();
  });

  it('checks what it presigns', async () => {
    const key = newKey();
    const put = (options: Partial<Parameters<ObjectStore['presignPut']>[1]>) =>
      store.presignPut(key, {
        contentType: 'image/png',
        contentLength: 1,
        expiresInSeconds: 60,
        ...options,
      });
    await expect(put({ expiresInSeconds: 0 })).rejects.toThrow(RangeError);
    await expect(put({ expiresInSeconds: 604_801 })).rejects.toThrow(RangeError);
    await expect(put({ contentLength: -1 })).rejects.toThrow(RangeError);
    await expect(put({ contentLength: 6 * 1024 ** 3 })).rejects.toThrow(RangeError);
    await expect(put({ contentType: 'image/pngé' })).rejects.toThrow(InvalidContentTypeError);
    await expect(
      store.presignPut('../x', {
        contentType: 'image/png',
        contentLength: 1,
        expiresInSeconds: 60,
      }),
    ).rejects.toThrow(InvalidObjectKeyError);
    await expect(store.presignGet('../x', { expiresInSeconds: 60 })).rejects.toThrow(
      InvalidObjectKeyError,
    );
    await expect(
      store.presignGet(key, { expiresInSeconds: 60, downloadName: ' ' }),
    ).rejects.toThrow(RangeError);
  });

  it('serves a presigned GET, as an attachment when named', async () => {
    const key = objectKeys.export(randomUUID(), randomUUID());
    const bytes = randomBinary(50_000);
    await store.put(key, bytes, { contentType: 'application/zip' });

    const plain = await fetch(await store.presignGet(key, { expiresInSeconds: 60 }));
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('application/zip');
    expect(plain.headers.get('content-disposition')).toBeNull();
    expect(sha256(new Uint8Array(await plain.arrayBuffer()))).toBe(sha256(bytes));

    const named = await fetch(
      await store.presignGet(key, { expiresInSeconds: 60, downloadName: 'Übersicht "2026".zip' }),
    );
    expect(named.status).toBe(200);
    expect(named.headers.get('content-disposition')).toBe(
      `attachment; filename="_bersicht _2026_.zip"; filename*=UTF-8''%C3%9Cbersicht%20%222026%22.zip`,
    );
    await named.arrayBuffer();
  });

  // Concurrent: each waits for its URL to expire.
  it.concurrent('refuses an expired presigned PUT', async () => {
    const key = newKey();
    const bytes = randomBinary(100);
    const upload = await uploadOf(key, bytes, 1);
    await sleep(2_100);
    const response = await fetch(upload.url, {
      method: 'PUT',
      headers: upload.headers,
      body: bytes,
    });
    expect(response.status).toBe(403);
    expect(await store.head(key)).toBeNull();
  });

  it.concurrent('refuses a presigned GET that was tampered with or has expired', async () => {
    const key = newKey();
    await store.put(key, text('secret photo'), { contentType: 'image/jpeg' });
    const url = await store.presignGet(key, { expiresInSeconds: 1, downloadName: 'a.jpg' });
    const tampered = await fetch(tamperedSignature(url));
    expect(tampered.status).toBe(403);
    const otherDisposition = await fetch(withParam(url, 'response-content-disposition', 'inline'));
    expect(otherDisposition.status).toBe(403);
    await sleep(2_100);
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).not.toContain('secret photo');
  });

  it('deletes and lists past one page of 1,000 keys', async () => {
    const user = randomUUID();
    const keys = Array.from({ length: 1_005 }, () => objectKeys.photo(user, randomUUID())).sort();
    for (let start = 0; start < keys.length; start += 50) {
      await Promise.all(
        keys
          .slice(start, start + 50)
          .map((key) => store.put(key, text('p'), { contentType: 'image/png' })),
      );
    }
    expect((await collect(store.list(objectKeys.user(user)))).map((item) => item.key)).toEqual(
      keys,
    );
    expect(await store.deletePrefix(objectKeys.user(user))).toBe(1_005);
    expect(await collect(store.list(objectKeys.user(user)))).toEqual([]);
  });
});

describe('opening an S3 store', () => {
  it('names a bucket that does not exist', async () => {
    const bucket = `missing-${randomUUID()}`;
    await expect(openObjectStore(s3StorageConfig(radosgw, bucket))).rejects.toThrow(
      `S3 bucket "${bucket}" at ${radosgw.endpoint} does not exist`,
    );
  });

  it('says when the credentials are wrong', async () => {
    const bucket = await createTestBucket(radosgw);
    await expect(
      openObjectStore({ ...s3StorageConfig(radosgw, bucket), secretAccessKey: 'wrong-secret' }),
    ).rejects.toThrow(/access denied/);
  });

  it('says when the endpoint cannot be reached', async () => {
    const endpoint = `http://127.0.0.1:${await findFreePort()}`;
    await expect(
      openObjectStore({ ...s3StorageConfig(radosgw, 'any-bucket'), endpoint }),
    ).rejects.toThrow(`S3 bucket "any-bucket" at ${endpoint} is unreachable`);
  });

  it('wants both halves of a key or neither', async () => {
    await expect(
      openObjectStore({ ...s3StorageConfig(radosgw, 'any-bucket'), secretAccessKey: undefined }),
    ).rejects.toThrow(/both accessKeyId and secretAccessKey/);
  });

  it('pings false once its bucket is gone', async () => {
    const bucket = await createTestBucket(radosgw);
    const store = await openObjectStore(s3StorageConfig(radosgw, bucket));
    expect(await store.ping()).toBe(true);
    const admin = createS3Client(s3StorageConfig(radosgw, bucket));
    await admin.send(new DeleteBucketCommand({ Bucket: bucket }));
    admin.destroy();
    expect(await store.ping()).toBe(false);
    await store.close();
  });
});
