/**
 * The export zip, streamed: chunks are yielded as each entry is compressed, and photos are read
 * one at a time from an async iterable, so the server can pipe an account with gigabytes of
 * photos to object storage while holding one photo in memory. Photos are stored, not deflated
 * (JPEG/PNG/WebP/HEIC are already compressed; deflating them costs CPU for ~0% gain).
 *
 * Every photo is checked against the document (listed, size, SHA-256) before it is written, so a
 * finished zip always re-imports. A mismatch, or a photo the document lists but the iterable
 * never gave, throws from the iterator: the consumer must then discard what it wrote.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { sha256Hex } from '../sha256';
import { encodeText } from '../text';
import { ExportError } from './build-export-document';
import type { ExportDocument } from './export-schema';
import { type ExportTextFile, exportCsvFiles } from './habit-csv';
import { EXPORT_JSON_PATH, README_PATH } from './paths';
import { exportReadme } from './readme';

export interface PhotoEntry {
  /** As in the document: `photos/<id>.<ext>`. */
  path: string;
  bytes: Uint8Array;
}

export interface ExportProgress {
  entriesDone: number;
  entriesTotal: number;
}

export interface ExportZipInput {
  document: ExportDocument;
  /** Defaults to one CSV per habit from the document (`exportCsvFiles`). */
  csvFiles?: ExportTextFile[];
  /** The bytes of every photo the document lists, in any order. */
  photos?: AsyncIterable<PhotoEntry> | Iterable<PhotoEntry>;
  /** Called after each entry is written (README, JSON, CSVs, photos). */
  onProgress?: (progress: ExportProgress) => void;
}

/** Zip times are DOS times (1980–2099); the export's own time, kept in range. */
function zipTime(exportedAt: string): Date {
  const t = new Date(exportedAt);
  const min = new Date(1980, 0, 2);
  const max = new Date(2099, 11, 31);
  return t < min ? min : t > max ? max : t;
}

export async function* createExportZip(input: ExportZipInput): AsyncGenerator<Uint8Array> {
  const { document } = input;
  const csvFiles = input.csvFiles ?? exportCsvFiles(document);
  const entriesTotal = 2 + csvFiles.length + document.photos.length;
  let entriesDone = 0;
  const mtime = zipTime(document.exportedAt);

  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else ready.push(chunk);
  });

  // fflate's ZipDeflate and ZipPassThrough are synchronous: after push(…, true) the entry's
  // chunks are all in `ready`, and handing them out before the next entry bounds memory.
  function* written(): Generator<Uint8Array> {
    if (failure) throw failure;
    yield* ready.splice(0);
    entriesDone++;
    input.onProgress?.({ entriesDone, entriesTotal });
  }
  function add(path: string, bytes: Uint8Array, store: boolean): void {
    const entry = store ? new ZipPassThrough(path) : new ZipDeflate(path, { level: 6 });
    entry.mtime = mtime;
    zip.add(entry);
    entry.push(bytes, true);
  }

  add(README_PATH, encodeText(exportReadme(document)), false);
  yield* written();
  add(EXPORT_JSON_PATH, encodeText(`${JSON.stringify(document, null, 2)}\n`), false);
  yield* written();
  for (const file of csvFiles) {
    add(file.path, encodeText(file.text), false);
    yield* written();
  }

  const expected = new Map(document.photos.map((p) => [p.path, p]));
  const done = new Set<string>();
  for await (const photo of input.photos ?? []) {
    const listed = expected.get(photo.path);
    if (!listed) throw new ExportError(`${photo.path} is not a photo of the export document`);
    if (done.has(photo.path)) throw new ExportError(`${photo.path} was given twice`);
    if (photo.bytes.length !== listed.size || (await sha256Hex(photo.bytes)) !== listed.sha256) {
      throw new ExportError(`${photo.path} does not match its size and SHA-256 in the document`);
    }
    add(photo.path, photo.bytes, true);
    done.add(photo.path);
    yield* written();
  }
  const missing = [...expected.keys()].filter((path) => !done.has(path));
  if (missing.length > 0) {
    throw new ExportError(`Photos listed in the document were not given: ${missing.join(', ')}`);
  }

  zip.end();
  if (failure) throw failure;
  yield* ready.splice(0);
}
