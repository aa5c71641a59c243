/**
 * The import-reading worker: one per uploaded file, on its own thread with its own capped heap
 * (import-reader.ts starts it, limits it and ends it). Whatever the file does to the parser —
 * spin, allocate, throw — happens here, not on the event loop that answers everyone else. It also
 * writes Loop backups for exports, so sql.js never runs on the main thread.
 *
 * Bundled as its own entry (dist/import-worker.js, see build.mjs).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLoopBackup, detectAndParse, ImportError } from '@habit-tracker/portability';
import { previewOf } from './import-preview';
import type { ReadResult, WorkerJob } from './import-read-protocol';

async function read(job: WorkerJob): Promise<{ result: ReadResult; transfer: ArrayBuffer[] }> {
  try {
    if (job.want === 'loop-backup') {
      // A copy with a buffer of its own, which can be transferred.
      const bytes = new Uint8Array(await createLoopBackup(job.habits)).buffer;
      return { result: { kind: 'loop-backup', bytes }, transfer: [bytes] };
    }
    const parsed = await detectAndParse(
      { name: job.name, bytes: new Uint8Array(job.bytes) },
      job.options,
    );
    if (job.want === 'preview') {
      return {
        result: { kind: 'preview', preview: previewOf(parsed, job.weekStart) },
        transfer: [],
      };
    }
    const photos: [string, ArrayBuffer][] = [];
    for (const habit of parsed.document.habits) {
      for (const checkin of habit.checkins) {
        for (const photo of checkin.photos ?? []) {
          // A copy of its own: the parsed bytes may share a buffer that cannot be transferred.
          photos.push([photo.path, new Uint8Array(parsed.photo(photo.path)).buffer]);
        }
      }
    }
    return {
      result: { kind: 'document', document: parsed.document, photos },
      transfer: photos.map(([, buffer]) => buffer),
    };
  } catch (error) {
    if (error instanceof ImportError) {
      return {
        result: { kind: 'invalid', problems: error.problems, omitted: error.omitted },
        transfer: [],
      };
    }
    const message = error instanceof Error ? error.message : String(error);
    const stack = error instanceof Error ? error.stack : undefined;
    return { result: { kind: 'crashed', message, ...(stack ? { stack } : {}) }, transfer: [] };
  }
}

const { result, transfer } = await read(workerData as WorkerJob);
parentPort?.postMessage(result, transfer);
