/**
 * Reading uploaded zips defensively, with yauzl: nothing in a zip is trusted.
 *
 * - The entry count (the end record's, zip64's included) is checked against `maxZipEntries`
 *   before a single entry is read, so a 239-byte file claiming four billion entries costs nothing.
 * - Listing reads the central directory only; nothing is inflated.
 * - Reading sums the wanted entries' declared sizes against the budget first, then inflates each
 *   entry as a stream (zlib, off the JS heap) and stops the moment it has produced more than it
 *   declared (yauzl's `validateEntrySizes`) or the running total passes the budget.
 * - Library errors never reach a user: every failure becomes one of our own messages.
 */
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { importFailure } from './import-error';
import {
  checkSize,
  megabytes,
  type ParseOptions,
  type ResolvedOptions,
  resolveOptions,
} from './options';

export interface ZipEntryInfo {
  path: string;
  /** Unpacked size, as the central directory declares it. */
  size: number;
}

export interface ZipLimits {
  /** The most entries (files and folders) a zip may list. */
  maxZipEntries: number;
}

export interface OpenedZip {
  /** The files in the zip (folders left out), in central-directory order. */
  entries: ZipEntryInfo[];
  /**
   * The wanted entries' bytes by path, within `maxUnpackedBytes` in total. Throws ImportError
   * for a zip bomb, an entry that inflates beyond its declared size, or damaged data.
   */
  read(
    wanted: (path: string) => boolean,
    maxUnpackedBytes: number,
  ): Promise<Map<string, Uint8Array>>;
  close(): void;
}

function damaged(file: string): Error {
  return importFailure(
    file,
    'The zip file is damaged or incomplete (was the download or upload cut short?)',
  );
}

function openFromBuffer(bytes: Uint8Array): Promise<ZipFile> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      buffer,
      // lazyEntries: entries are read one by one when asked for, never all at once.
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => (error || !zip ? reject(error) : resolve(zip)),
    );
  });
}

function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const onEntry = (entry: Entry) => {
      cleanup();
      resolve(entry);
    };
    const onEnd = () => {
      cleanup();
      resolve(null);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

/** Opens the zip, reads it with `read`, and closes it however reading ends. */
export async function readZip<T>(
  file: string,
  bytes: Uint8Array,
  limits: ZipLimits,
  read: (zip: OpenedZip) => Promise<T>,
): Promise<T> {
  const zip = await openZip(file, bytes, limits);
  try {
    return await read(zip);
  } finally {
    zip.close();
  }
}

/**
 * A zip upload parsed on its own (not through detectAndParse): its options resolved and its size
 * checked before it is opened, then read with `read` as readZip does.
 */
export async function readZipUpload<T>(
  file: string,
  bytes: Uint8Array,
  options: ParseOptions | undefined,
  read: (zip: OpenedZip, resolved: ResolvedOptions) => Promise<T>,
): Promise<T> {
  const resolved = resolveOptions(options);
  checkSize(file, bytes.length, resolved.maxBytes);
  return readZip(file, bytes, resolved, (zip) => read(zip, resolved));
}

/**
 * Opens the zip and lists it. Refuses (ImportError) a zip that is not one, is damaged, or claims
 * more entries than `limits.maxZipEntries`.
 */
export async function openZip(
  file: string,
  bytes: Uint8Array,
  limits: ZipLimits,
): Promise<OpenedZip> {
  let zip: ZipFile;
  try {
    zip = await openFromBuffer(bytes);
  } catch {
    throw damaged(file);
  }
  if (zip.entryCount > limits.maxZipEntries) {
    zip.close();
    throw importFailure(
      file,
      `The zip lists ${zip.entryCount} entries, more than the ${limits.maxZipEntries} an import accepts`,
    );
  }
  const files = new Map<string, Entry>();
  try {
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      if (entry.fileName.endsWith('/')) continue;
      if (!files.has(entry.fileName)) files.set(entry.fileName, entry);
    }
  } catch {
    zip.close();
    throw damaged(file);
  }

  const read = async (wanted: (path: string) => boolean, maxUnpackedBytes: number) => {
    const chosen = [...files.values()].filter((e) => wanted(e.fileName));
    const declared = chosen.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (declared > maxUnpackedBytes) throw tooLarge(file, declared, maxUnpackedBytes);
    const contents = new Map<string, Uint8Array>();
    let total = 0;
    for (const entry of chosen) {
      if (entry.isEncrypted()) {
        throw importFailure(`${entry.fileName} (in ${file})`, 'The file is encrypted in the zip');
      }
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        throw importFailure(
          `${entry.fileName} (in ${file})`,
          `The zip uses a compression method that is not supported (method ${entry.compressionMethod}; expected "deflate" or none)`,
        );
      }
      const data = await inflateEntry(zip, entry, file, (n) => {
        total += n;
        // Stopped mid-stream: a lying entry never gets to spend more than the budget.
        if (total > maxUnpackedBytes) throw tooLarge(file, total, maxUnpackedBytes, true);
      });
      contents.set(entry.fileName, data);
    }
    return contents;
  };

  return {
    entries: [...files.values()].map((e) => ({ path: e.fileName, size: e.uncompressedSize })),
    read,
    close: () => zip.close(),
  };
}

function tooLarge(file: string, size: number, max: number, atLeast = false): Error {
  return importFailure(
    file,
    `The zip unpacks to ${atLeast ? 'more than ' : ''}${megabytes(size)}, more than the ${megabytes(max)} an import accepts`,
  );
}

/** One entry's bytes, streamed out of zlib; `count` may throw to stop the stream. */
function inflateEntry(
  zip: ZipFile,
  entry: Entry,
  file: string,
  count: (bytes: number) => void,
): Promise<Uint8Array> {
  const where = `${entry.fileName} (in ${file})`;
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) {
        reject(damaged(file));
        return;
      }
      const chunks: Buffer[] = [];
      let settled = false;
      const fail = (reason: Error) => {
        if (settled) return;
        settled = true;
        stream.destroy();
        reject(reason);
      };
      stream.on('data', (chunk: Buffer) => {
        try {
          count(chunk.length);
        } catch (reason) {
          fail(reason as Error);
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', (streamError: Error) => {
        // yauzl's validateEntrySizes: more bytes came out than the entry declares.
        const lying = /too many bytes|too few bytes/.test(streamError.message);
        fail(
          lying
            ? importFailure(
                where,
                `The file inflates to a different size than the zip declares (${entry.uncompressedSize} bytes): the zip is damaged or built to exhaust memory`,
              )
            : damaged(file),
        );
      });
      stream.on('end', () => {
        if (settled) return;
        settled = true;
        resolve(new Uint8Array(Buffer.concat(chunks)));
      });
    });
  });
}
