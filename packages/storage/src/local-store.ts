import { randomUUID } from 'node:crypto';
import { constants, mkdirSync } from 'node:fs';
import {
  access,
  type FileHandle,
  mkdir,
  open,
  readdir,
  rename,
  rm,
  rmdir,
  stat,
  writeFile,
} from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { chunksOf } from './body';
import { assertValidContentType } from './content-type';
import { assertValidObjectKey, assertValidPrefix, isValidObjectKey } from './key-rules';
import { encodeHeader, HEADER_SIZE, readHeader } from './local-object-file';
import { assertByteCount } from './numbers';
import type {
  ListedObjectInfo,
  ObjectBody,
  ObjectStore,
  StoredObject,
  StoredObjectInfo,
} from './object-store';

/** Written beside the final file and renamed over it; a key segment never starts with a dot. */
const TEMP_PREFIX = '.tmp-';

/**
 * Objects as files under `root` (one file per key, folders per `/`). Writes go to a temp file in
 * the same folder, are fsynced and renamed into place, so a reader or a crash sees the old object
 * or the new one, never a part. Folders emptied by deletes are removed.
 */
export async function openLocalStore(root: string): Promise<ObjectStore> {
  const absoluteRoot = resolve(root);
  await mkdir(absoluteRoot, { recursive: true });
  return new LocalObjectStore(absoluteRoot);
}

/** The same, synchronously (an app factory that cannot wait, e.g. in tests). */
export function createLocalStore(root: string): ObjectStore {
  const absoluteRoot = resolve(root);
  mkdirSync(absoluteRoot, { recursive: true });
  return new LocalObjectStore(absoluteRoot);
}

class LocalObjectStore implements ObjectStore {
  readonly kind = 'local' as const;
  readonly presignedUploads = false;

  constructor(private readonly root: string) {}

  async put(key: string, body: ObjectBody, options: { contentType: string }): Promise<void> {
    const path = this.pathOf(key);
    assertValidContentType(options.contentType);
    const folder = dirname(path);
    const temp = join(folder, `${TEMP_PREFIX}${randomUUID()}`);
    const file = await this.createInFolder(folder, temp);
    try {
      try {
        await writeFile(file, withHeader(options.contentType, body));
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    await syncFolder(folder);
  }

  async get(key: string): Promise<StoredObject | null> {
    const path = this.pathOf(key);
    const file = await openIfExists(path);
    if (!file) return null;
    try {
      const { contentType } = await readHeader(file, path);
      const { size } = await file.stat();
      // The stream owns the handle from here and closes it when done or destroyed. A rename over
      // the file meanwhile does not matter: the open handle keeps reading the object it opened.
      const body = file.createReadStream({ start: HEADER_SIZE });
      return { body, size: size - HEADER_SIZE, contentType };
    } catch (error) {
      await file.close();
      throw error;
    }
  }

  async readStart(key: string, length: number): Promise<Uint8Array | null> {
    const path = this.pathOf(key);
    assertByteCount(length, 'length');
    const file = await openIfExists(path);
    if (!file) return null;
    try {
      await readHeader(file, path);
      // Never more than the object holds, whatever length was asked for.
      const wanted = Math.min(length, (await file.stat()).size - HEADER_SIZE);
      const buffer = Buffer.alloc(wanted);
      let filled = 0;
      while (filled < wanted) {
        const { bytesRead } = await file.read(
          buffer,
          filled,
          wanted - filled,
          HEADER_SIZE + filled,
        );
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return new Uint8Array(buffer.buffer, buffer.byteOffset, filled);
    } finally {
      await file.close();
    }
  }

  async head(key: string): Promise<StoredObjectInfo | null> {
    const path = this.pathOf(key);
    const file = await openIfExists(path);
    if (!file) return null;
    try {
      const { contentType } = await readHeader(file, path);
      const { size, mtime } = await file.stat();
      return { key, size: size - HEADER_SIZE, contentType, lastModified: mtime };
    } finally {
      await file.close();
    }
  }

  async delete(key: string): Promise<void> {
    const path = this.pathOf(key);
    await rm(path, { force: true });
    await this.removeEmptyFolders([dirname(path)]);
  }

  async deletePrefix(prefix: string): Promise<number> {
    assertValidPrefix(prefix);
    if (prefix === '')
      throw new Error('deletePrefix: refusing to delete every object (empty prefix)');
    let deleted = 0;
    const folders = new Set<string>();
    for await (const entry of this.walk(prefix)) {
      folders.add(dirname(entry.path));
      if (entry.kind === 'temp') {
        // Left behind by a crashed put (or one racing this delete, which then fails, as it should
        // when the owner is being deleted).
        await rm(entry.path, { force: true });
        continue;
      }
      // Counted only when this call removed it, so two racing deletes never count an object twice.
      const existed = await rm(entry.path).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return false;
          throw error;
        },
      );
      if (existed) deleted++;
    }
    await this.removeEmptyFolders([...folders]);
    return deleted;
  }

  async *list(prefix: string): AsyncIterable<ListedObjectInfo> {
    assertValidPrefix(prefix);
    const found: { key: string; path: string }[] = [];
    for await (const entry of this.walk(prefix)) {
      if (entry.kind === 'object') found.push(entry);
    }
    // S3 lists in key order; keys are ASCII, so plain string order is the same.
    found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const { key, path } of found) {
      const info = await stat(path).catch(ignoreMissing);
      if (info) yield { key, size: info.size - HEADER_SIZE, lastModified: info.mtime };
    }
  }

  async presignPut(): Promise<never> {
    throw new Error(
      'presignPut needs the S3 backend: the local store takes uploads through the server (see presignedUploads)',
    );
  }

  async presignGet(): Promise<never> {
    throw new Error(
      'presignGet needs the S3 backend: the local store serves downloads through the server (use get)',
    );
  }

  async ping(): Promise<boolean> {
    try {
      if (!(await stat(this.root)).isDirectory()) return false;
      await access(this.root, constants.R_OK | constants.W_OK);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {}

  private pathOf(key: string): string {
    assertValidObjectKey(key);
    const path = join(this.root, ...key.split('/'));
    // The key rules already make escaping impossible; this guards against a change to them.
    if (!path.startsWith(this.root + sep))
      throw new Error(`key ${JSON.stringify(key)} escapes the root`);
    return path;
  }

  /**
   * Creates the temp file, creating its folder first. A concurrent delete may remove the folder
   * (emptied) between the two steps, so that is retried.
   */
  private async createInFolder(folder: string, temp: string): Promise<FileHandle> {
    // A deletion elsewhere may remove an empty parent folder between our mkdir and open — or
    // during mkdir's own walk down the path (ENOENT from mkdir itself): try again a few times.
    for (let attempt = 1; ; attempt++) {
      try {
        await mkdir(folder, { recursive: true });
        return await open(temp, 'wx');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt === 5) throw error;
      }
    }
  }

  /** Every file under the folders `prefix` can match, whose key starts with `prefix`. */
  private async *walk(prefix: string): AsyncGenerator<WalkEntry> {
    const base = prefix.slice(0, prefix.lastIndexOf('/') + 1);
    yield* walkFolder(join(this.root, ...base.split('/')), base, prefix);
  }

  /** Removes the given folders and then their parents while empty, deepest first, never the root. */
  private async removeEmptyFolders(folders: string[]): Promise<void> {
    const pending = new Set<string>();
    for (let folder of folders) {
      while (folder.startsWith(this.root + sep)) {
        pending.add(folder);
        folder = dirname(folder);
      }
    }
    for (const folder of [...pending].sort((a, b) => b.length - a.length)) {
      // Fails when not empty (or already gone), which is the answer we want either way.
      await rmdir(folder).catch(() => {});
    }
  }
}

type WalkEntry = { kind: 'object' | 'temp'; key: string; path: string };

async function* walkFolder(
  folder: string,
  folderKey: string,
  prefix: string,
): AsyncGenerator<WalkEntry> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(ignoreMissing);
  if (!entries) return;
  for (const entry of entries) {
    const key = folderKey + entry.name;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      const childKey = `${key}/`;
      if (childKey.startsWith(prefix) || prefix.startsWith(childKey)) {
        yield* walkFolder(path, childKey, prefix);
      }
    } else if (entry.isFile()) {
      if (entry.name.startsWith(TEMP_PREFIX)) {
        // Only a folder wholly inside the prefix owns its temp files.
        if (folderKey.startsWith(prefix)) yield { kind: 'temp', key, path };
      } else if (key.startsWith(prefix) && isValidObjectKey(key)) {
        yield { kind: 'object', key, path };
      }
    }
  }
}

async function* withHeader(contentType: string, body: ObjectBody): AsyncGenerator<Uint8Array> {
  yield encodeHeader(contentType);
  yield* chunksOf(body);
}

async function openIfExists(path: string): Promise<FileHandle | null> {
  return open(path, 'r').catch(ignoreMissing);
}

/** A missing file (or a file where a folder was expected) reads as "no such object". */
function ignoreMissing(error: NodeJS.ErrnoException): null {
  if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
  throw error;
}

/** Makes the rename itself durable; some file systems cannot fsync a folder, which is fine. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync().catch(() => {});
  } finally {
    await handle.close();
  }
}
