/**
 * "Last used" for personal API tokens without a write on the request path: a GET must be able
 * to run on a read-only replica, and a script polling every second must not cost a write a
 * second. Each machine remembers the latest use of each token in memory (`note`, no I/O) and
 * `flush` writes the batch to the primary in one statement, every minute (main.ts) and at
 * shutdown. Every machine has a primary handle (reads fall back to it), so uses seen in any
 * region are recorded; a failed flush keeps its batch for the next one.
 */

import type { Db } from '@habit-tracker/db';
import { recordApiTokensUsed } from '@habit-tracker/db';
import type { Logger } from '../logger';

/** Beyond this many distinct tokens waiting, new ones are dropped until the next flush. */
const MAX_PENDING = 10_000;

export interface ApiTokenUsage {
  /** Remembers that token `id` was used at `at`. */
  note(id: string, at: Date): void;
  /** Writes what is waiting to the primary; resolves with how many tokens it updated. */
  flush(): Promise<number>;
  /** How many tokens wait for the next flush. */
  pending(): number;
  start(intervalMs: number): void;
  /** Stops the timer and flushes once more. */
  stop(): Promise<void>;
}

export function createApiTokenUsage(options: { db: Db; logger: Logger }): ApiTokenUsage {
  let waiting = new Map<string, Date>();
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<number> | undefined;

  const note = (id: string, at: Date) => {
    const known = waiting.get(id);
    if (known ? known < at : waiting.size < MAX_PENDING) waiting.set(id, at);
  };

  const flushOnce = async (): Promise<number> => {
    if (waiting.size === 0) return 0;
    const batch = waiting;
    waiting = new Map();
    try {
      return await recordApiTokensUsed(options.db, batch);
    } catch (error) {
      // Put the batch back (newer notes win) so the next flush tries again.
      for (const [id, at] of batch) note(id, at);
      options.logger.warn({ err: error, tokens: batch.size }, 'could not record API token use');
      return 0;
    }
  };

  const flush = () => {
    // One flush at a time: a slow primary must not pile up overlapping statements.
    flushing ??= flushOnce().finally(() => {
      flushing = undefined;
    });
    return flushing;
  };

  return {
    note,
    flush,
    pending: () => waiting.size,
    start(intervalMs) {
      timer ??= setInterval(() => void flush(), intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await flushing;
      await flush();
    },
  };
}
