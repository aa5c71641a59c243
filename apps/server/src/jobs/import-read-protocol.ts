/**
 * What the main thread and the import-reading worker (import-worker.ts) say to each other. Kept
 * apart from both so each side imports only the types, never the other's code.
 *
 * The worker also builds Loop backups for exports: sql.js's WebAssembly memory grows to the
 * largest database it handles and never shrinks, so it stays out of the main thread (0011).
 */
import type { ImportPreview } from '@habit-tracker/contract';
import type { Weekday } from '@habit-tracker/core';
import type {
  ExportHabit,
  ImportDocument,
  ImportProblem,
  ParseOptions,
} from '@habit-tracker/portability';

export interface ReadJob {
  name: string;
  /** The upload, transferred (not copied) to the worker. */
  bytes: ArrayBuffer;
  options: ParseOptions;
  weekStart: Weekday;
  /** `preview`: only the summary comes back; `document`: everything, photos included. */
  want: 'preview' | 'document';
}

/** An export's habits, written as a Loop Habit Tracker backup (portability's createLoopBackup). */
export interface LoopBackupJob {
  want: 'loop-backup';
  /** For messages: what is being built. */
  name: string;
  habits: ExportHabit[];
}

export type WorkerJob = ReadJob | LoopBackupJob;

export type ReadResult =
  | { kind: 'preview'; preview: ImportPreview }
  | {
      kind: 'document';
      document: ImportDocument;
      /** Photo bytes by path (our own export only), transferred back. */
      photos: [string, ArrayBuffer][];
    }
  /** The backup's bytes, transferred back. */
  | { kind: 'loop-backup'; bytes: ArrayBuffer }
  /** The file cannot be imported: the parser's own findings. */
  | { kind: 'invalid'; problems: ImportProblem[]; omitted: number }
  /** A bug, not the file's fault: logged, answered 500. */
  | { kind: 'crashed'; message: string; stack?: string };
