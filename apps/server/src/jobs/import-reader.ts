/**
 * Reading uploaded import files off the event loop: each file in a fresh worker thread
 * (import-worker.ts) with a capped heap (`resourceLimits`) and a wall-clock limit, at most
 * `concurrency` at a time. A file that needs more memory or time than that is refused as the
 * file's problem (422); the event loop meanwhile answers everyone else. See
 * docs/decisions/0011-untrusted-files.md for why a fresh worker per file and not a pool.
 *
 * What the heap cap cannot see — ArrayBuffers (the upload, inflated entries) and sql.js's
 * WebAssembly memory — is bounded by the parser's own byte budgets (packages/portability).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { ExportHabit, ParsedImport } from '@habit-tracker/portability';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import { importReads } from '../metrics/registry';
import type { ReadJob, ReadResult, WorkerJob } from './import-read-protocol';

export interface ImportReaderOptions {
  /** The worker script: dist/import-worker.js in the bundle; the .ts source otherwise. */
  workerUrl?: URL;
  /** The worker's old-generation heap cap. */
  heapMb: number;
  /** How long one file may take, from the worker's start to its answer. */
  timeoutMs: number;
  /** Files read at once (each with its own worker); the rest wait in line. */
  concurrency: number;
  /** Files that may wait; beyond that a read is refused as "busy" (503, try again). */
  maxWaiting: number;
  logger: Logger;
}

export interface ImportReader {
  /**
   * Reads one upload for `userId`. Throws AppError: `import_invalid` (the file, including "too
   * much memory" and "too long"), `rate_limited` (this user already has a file being read),
   * `unavailable` (too many files waiting).
   */
  preview(
    userId: string,
    job: Omit<ReadJob, 'want'>,
  ): Promise<Extract<ReadResult, { kind: 'preview' }>['preview']>;
  document(userId: string, job: Omit<ReadJob, 'want'>): Promise<ParsedImport>;
  /** An export's habits as a Loop backup, built in a worker like a read (same limits and line). */
  loopBackup(userId: string, habits: ExportHabit[]): Promise<Uint8Array>;
  /** Reads running or waiting now (for tests and metrics). */
  readonly active: number;
}

const SOURCE_WORKER = new URL('./import-worker.ts', import.meta.url);

/**
 * A process started with --max-old-space-size (fly.toml's NODE_OPTIONS) would give every worker
 * that heap too: V8 reads the flag whenever it configures an isolate, and it overrides a worker's
 * `resourceLimits` (as Node documents). The main isolate has read it already, so resetting it now
 * keeps the main heap's cap and lets each worker's own cap apply. The reliability suite's
 * hostile-files test checks exactly this, under the production flag.
 */
let workerHeapsFreed = false;
function letWorkersHaveTheirOwnHeapCap(): void {
  if (workerHeapsFreed) return;
  workerHeapsFreed = true;
  setFlagsFromString('--max-old-space-size=0');
}

export function createImportReader(options: ImportReaderOptions): ImportReader {
  letWorkersHaveTheirOwnHeapCap();
  const workerUrl = options.workerUrl ?? SOURCE_WORKER;
  const users = new Set<string>();
  const waiting: (() => void)[] = [];
  let running = 0;

  const acquire = async (): Promise<void> => {
    if (running < options.concurrency) {
      running++;
      return;
    }
    if (waiting.length >= options.maxWaiting) {
      importReads.inc({ outcome: 'busy' });
      throw new AppError(
        'unavailable',
        'Many files are being read right now; try again in a minute',
        undefined,
        { 'Retry-After': '30' },
      );
    }
    // The slot is handed over by release(), so `running` stays counted.
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  const run = async (userId: string, job: WorkerJob): Promise<ReadResult> => {
    // One file per user at a time: one account cannot fill the line for everyone else.
    if (users.has(userId)) {
      throw new AppError(
        'rate_limited',
        'One of your files is being read; wait for it first',
        undefined,
        {
          'Retry-After': String(Math.ceil(options.timeoutMs / 1000)),
        },
      );
    }
    users.add(userId);
    try {
      await acquire();
      try {
        return await readInWorker(workerUrl, job, options);
      } finally {
        release();
      }
    } finally {
      users.delete(userId);
    }
  };

  const judged = (name: string, result: ReadResult): void => {
    if (result.kind === 'invalid') {
      importReads.inc({ outcome: 'invalid' });
      const first = result.problems[0];
      throw new AppError(
        'import_invalid',
        first
          ? `${first.file}${first.line ? `, line ${first.line}` : ''}: ${first.message}`
          : `${name}: the file cannot be imported`,
        result.problems,
      );
    }
    if (result.kind === 'crashed') {
      importReads.inc({ outcome: 'crashed' });
      options.logger.error({ err: result }, 'reading an import crashed');
      throw new Error(`reading an import crashed: ${result.message}`);
    }
    importReads.inc({ outcome: 'read' });
  };

  return {
    async preview(userId, job) {
      const result = await run(userId, { ...job, want: 'preview' });
      judged(job.name, result);
      if (result.kind !== 'preview') throw new Error(`expected a preview, got ${result.kind}`);
      return result.preview;
    },
    async document(userId, job) {
      const result = await run(userId, { ...job, want: 'document' });
      judged(job.name, result);
      if (result.kind !== 'document') throw new Error(`expected a document, got ${result.kind}`);
      const photos = new Map(result.photos.map(([path, bytes]) => [path, new Uint8Array(bytes)]));
      return {
        document: result.document,
        photo(path: string): Uint8Array {
          const bytes = photos.get(path);
          if (!bytes) throw new Error(`No photo ${path} in this import`);
          return bytes;
        },
      };
    },
    async loopBackup(userId, habits) {
      const result = await run(userId, { want: 'loop-backup', name: 'Loop backup', habits });
      judged('Loop backup', result);
      if (result.kind !== 'loop-backup') throw new Error(`expected a backup, got ${result.kind}`);
      return new Uint8Array(result.bytes);
    },
    get active() {
      return running + waiting.length;
    },
  };
}

function refused(job: WorkerJob, message: string): AppError {
  return new AppError('import_invalid', `${job.name}: ${message}`, [{ file: job.name, message }]);
}

/** One file, one worker: started, answered or stopped, and gone. */
function readInWorker(
  workerUrl: URL,
  job: WorkerJob,
  options: Pick<ImportReaderOptions, 'heapMb' | 'timeoutMs' | 'logger'>,
): Promise<ReadResult> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(workerUrl, job, options.heapMb);
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      // Nothing of a finished read is kept: the thread, its heap and its WebAssembly go.
      void worker.terminate();
    };
    const timer = setTimeout(() => {
      importReads.inc({ outcome: 'too_long' });
      settle(() =>
        reject(
          refused(
            job,
            `Reading the file took longer than the ${options.timeoutMs / 1000} seconds an import may take, so it was stopped. A file this slow to read is damaged or not an export.`,
          ),
        ),
      );
    }, options.timeoutMs);
    worker.once('message', (result: ReadResult) => settle(() => resolve(result)));
    worker.once('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        importReads.inc({ outcome: 'too_much_memory' });
        settle(() =>
          reject(
            refused(
              job,
              `Reading the file needed more than the ${options.heapMb} MB of memory an import may use, so it was stopped. Is it really an export? If so, import it in parts.`,
            ),
          ),
        );
        return;
      }
      options.logger.error({ err: error }, 'the import worker failed');
      settle(() => reject(error));
    });
    worker.once('exit', (code) => {
      settle(() => reject(new Error(`the import worker exited (${code}) without an answer`)));
    });
  });
}

function startWorker(workerUrl: URL, job: WorkerJob, heapMb: number): Worker {
  const common = {
    workerData: job,
    transferList: 'bytes' in job ? [job.bytes] : [],
    resourceLimits: {
      maxOldGenerationSizeMb: heapMb,
      // Young generation and code are small and fixed; the old generation is what grows.
      maxYoungGenerationSizeMb: 16,
      stackSizeMb: 4,
    },
    // The parent's flags include --max-old-space-size; the worker has its own cap above.
    execArgv: [],
    stdout: false,
    stderr: false,
  };
  if (!workerUrl.pathname.endsWith('.ts')) return new Worker(workerUrl, common);
  // From source (tests, `npm run dev`): register tsx's loader in the worker, then load it.
  const bootstrap = `import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl.href)}); })`;
  return new Worker(bootstrap, { ...common, eval: true });
}

let tsxApiUrl: string | undefined;

/** tsx's ESM API (a dev dependency: only source runs need it). */
function tsxApi(): string {
  if (!tsxApiUrl) {
    const require = createRequire(import.meta.url);
    const api = join(dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs');
    if (!existsSync(api)) throw new Error(`tsx's ESM API is not at ${api}`);
    tsxApiUrl = pathToFileURL(api).href;
  }
  return tsxApiUrl;
}

/** The bundled worker beside a bundled entry (dist/main.js), if this is the bundle. */
export function bundledImportWorker(entryUrl: string): URL | undefined {
  const url = new URL('./import-worker.js', entryUrl);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}
