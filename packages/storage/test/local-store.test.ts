import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidObjectKeyError, type ObjectStore, objectKeys, openObjectStore } from '../src/index';
import { collect, readAll, text } from './support/bytes';
import { describeObjectStore, INVALID_KEYS } from './support/object-store-behaviour';

const sandboxes: string[] = [];

/** A temp folder holding the store's root, which does not exist yet: the store must create it. */
async function newSandbox(): Promise<{ sandbox: string; root: string }> {
  const sandbox = await mkdtemp(join(tmpdir(), 'ht-storage-local-'));
  sandboxes.push(sandbox);
  return { sandbox, root: join(sandbox, 'data', 'objects') };
}

afterAll(async () => {
  for (const sandbox of sandboxes) await rm(sandbox, { recursive: true, force: true });
});

/** Every file and folder under `dir`, relative to it. */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.map((entry) => relative(dir, join(dir, entry))).sort();
}

describeObjectStore('local', async () =>
  openObjectStore({ kind: 'local', root: (await newSandbox()).root }),
);

describe('local store', () => {
  let sandbox: string;
  let root: string;
  let store: ObjectStore;
  beforeAll(async () => {
    ({ sandbox, root } = await newSandbox());
    store = await openObjectStore({ kind: 'local', root });
  });

  it('creates its root and says what it is', async () => {
    expect(existsSync(root)).toBe(true);
    expect(store.kind).toBe('local');
    expect(store.presignedUploads).toBe(false);
  });

  it('keeps each object as one file at the path its key names', async () => {
    const key = objectKeys.thumbnail(randomUUID(), randomUUID());
    await store.put(key, text('webp bytes'), { contentType: 'image/webp' });
    const file = await readFile(join(root, ...key.split('/')));
    expect(file.subarray(-10).toString()).toBe('webp bytes');
    expect(file.toString('latin1')).toContain('"contentType":"image/webp"');
  });

  it('refuses path tricks and writes nothing, inside the root or out of it', async () => {
    const before = await tree(sandbox);
    for (const key of [
      ...INVALID_KEYS,
      '../../escape',
      `${root}/absolute`,
      'users/%2e%2e/%2e%2e/x',
    ]) {
      await expect(
        store.put(key, text('x'), { contentType: 'text/plain' }),
        JSON.stringify(key),
      ).rejects.toThrow(InvalidObjectKeyError);
    }
    expect(await tree(sandbox)).toEqual(before);
    expect(existsSync(join(sandbox, 'escape'))).toBe(false);
    expect(existsSync(join(sandbox, 'data', 'escape'))).toBe(false);
  });

  it('publishes an object only once it is complete', async () => {
    const key = objectKeys.photo(randomUUID(), randomUUID());
    const path = join(root, ...key.split('/'));
    await store.put(key, text('old photo'), { contentType: 'image/jpeg' });

    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let firstChunkWritten!: () => void;
    const halfway = new Promise<void>((resolve) => {
      firstChunkWritten = resolve;
    });
    const slowBody = async function* () {
      yield text('new ');
      firstChunkWritten();
      await gate;
      yield text('photo');
    };
    const writing = store.put(key, slowBody(), { contentType: 'image/png' });
    await halfway;
    // Give the first chunk time to reach the temp file.
    await new Promise((resolve) => setTimeout(resolve, 50));

    const folder = join(path, '..');
    try {
      const temps = (await readdir(folder)).filter((name) => name.startsWith('.tmp-'));
      expect(temps).toHaveLength(1);
      expect((await readFile(join(folder, temps[0]!))).toString('latin1')).toContain('new ');
      const meanwhile = await store.get(key);
      expect(meanwhile?.contentType).toBe('image/jpeg');
      expect((await readAll(meanwhile!.body)).toString()).toBe('old photo');
    } finally {
      // Even when an expectation above failed, so the test fails instead of hanging.
      release();
    }
    await writing;
    const after = await store.get(key);
    expect(after?.contentType).toBe('image/png');
    expect((await readAll(after!.body)).toString()).toBe('new photo');
    expect((await readdir(folder)).filter((name) => name.startsWith('.tmp-'))).toEqual([]);
  });

  it('leaves neither the object nor a temp file behind when a new object fails', async () => {
    const key = objectKeys.photo(randomUUID(), randomUUID());
    const failing = async function* () {
      yield text('part');
      throw new Error('upload cut');
    };
    await expect(store.put(key, failing(), { contentType: 'image/png' })).rejects.toThrow(
      'upload cut',
    );
    expect(existsSync(join(root, ...key.split('/')))).toBe(false);
    const folder = join(root, ...key.split('/').slice(0, -1));
    expect(existsSync(folder) ? await readdir(folder) : []).toEqual([]);
  });

  it('removes folders that deletes leave empty, and no more', async () => {
    const user = randomUUID();
    const keep = objectKeys.photo(user, randomUUID());
    const drop = objectKeys.export(user, randomUUID());
    await store.put(keep, text('keep'), { contentType: 'image/jpeg' });
    await store.put(drop, text('drop'), { contentType: 'application/zip' });

    await store.delete(drop);
    expect(existsSync(join(root, 'users', user, 'exports'))).toBe(false);
    expect(existsSync(join(root, 'users', user, 'photos'))).toBe(true);

    expect(await store.deletePrefix(objectKeys.user(user))).toBe(1);
    expect(existsSync(join(root, 'users', user))).toBe(false);
    expect(existsSync(root)).toBe(true);
  });

  it('cleans up temp files a crash left in a deleted user folder, without counting them', async () => {
    const user = randomUUID();
    await store.put(objectKeys.photo(user, randomUUID()), text('p'), { contentType: 'image/jpeg' });
    const crashLeftover = join(root, 'users', user, 'photos', `.tmp-${randomUUID()}`);
    await writeFile(crashLeftover, 'half');
    expect((await collect(store.list(objectKeys.user(user)))).length).toBe(1);
    expect(await store.deletePrefix(objectKeys.user(user))).toBe(1);
    expect(existsSync(join(root, 'users', user))).toBe(false);
  });

  it('has no presigned URLs, and says why', async () => {
    const key = objectKeys.photo(randomUUID(), randomUUID());
    await expect(
      store.presignPut(key, { contentType: 'image/png', contentLength: 1, expiresInSeconds: 60 }),
    ).rejects.toThrow(/S3 backend/);
    await expect(store.presignGet(key, { expiresInSeconds: 60 })).rejects.toThrow(/S3 backend/);
  });

  it('pings false when its root is gone, and recreates it on the next put', async () => {
    const { root: otherRoot } = await newSandbox();
    const other = await openObjectStore({ kind: 'local', root: otherRoot });
    expect(await other.ping()).toBe(true);
    await rm(otherRoot, { recursive: true });
    expect(await other.ping()).toBe(false);
    await other.put(objectKeys.photo(randomUUID(), randomUUID()), text('x'), {
      contentType: 'image/png',
    });
    expect(await other.ping()).toBe(true);
  });
});
