/**
 * Keeps object storage in step with the database. Rows own objects; when a photo, export or
 * import row is deleted — by its route, or by cascade from a check-in, habit or account — a
 * trigger queues its objects in object_deletions in the same transaction (migrations/0003). This
 * drains that queue: right after a request that deleted something (`drainSoon`), and on a timer
 * with the sweep, which also removes abandoned uploads, expired exports and old imports.
 *
 * Storage is deleted only after the commit, so a rolled-back deletion never loses an object, and
 * a crash after the commit only delays the deletion until the next drain. Only the primary can
 * write, so this runs where the primary is writable (writes are routed there anyway).
 */
import * as db from '@habit-tracker/db';
import { type ObjectStore, objectKeys } from '@habit-tracker/storage';
import type { Logger } from '../logger';

/** An upload not completed within this long is abandoned. */
export const ABANDONED_UPLOAD_MS = 24 * 60 * 60 * 1000;
/** An export still running after this long was cut short by a stopped machine. */
const STALE_EXPORT_MS = 60 * 60 * 1000;
/** Import files (and their previews) are kept this long. */
const IMPORT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
const BATCH = 200;

export interface ObjectCleanup {
  /** Drains the queue in the background, soon (coalesced: many calls, one drain). */
  drainSoon(): void;
  /** Drains the queue now; returns how many rows' objects were deleted. */
  drain(): Promise<number>;
  /** The periodic pass: abandoned uploads, expired exports, old imports, then a drain. */
  sweep(now: Date): Promise<void>;
  /** Runs `sweep` every `intervalMs` (unref'd) until `stop`. */
  start(intervalMs: number, clock: () => Date): void;
  stop(): Promise<void>;
}

export function createObjectCleanup(options: {
  /** The primary's handles: the queue is read and emptied where it is written. */
  db: db.DbHandles;
  storage: ObjectStore;
  logger: Logger;
}): ObjectCleanup {
  const { storage, logger } = options;
  const { read, write } = options.db;
  let running: Promise<number> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const keysOf = (item: db.ObjectDeletion): string[] => {
    switch (item.kind) {
      case 'photo':
        return [
          objectKeys.photo(item.userId, item.objectId),
          objectKeys.thumbnail(item.userId, item.objectId),
        ];
      case 'export':
        return [objectKeys.export(item.userId, item.objectId)];
      case 'importUpload':
        return [objectKeys.importUpload(item.userId, item.objectId)];
    }
  };

  const drainOnce = async (): Promise<number> => {
    let deleted = 0;
    for (;;) {
      const batch = await db.listObjectDeletions(read, BATCH);
      for (const item of batch) {
        for (const key of keysOf(item)) await storage.delete(key);
        await db.removeObjectDeletion(write, item);
        deleted++;
      }
      if (batch.length < BATCH) return deleted;
    }
  };

  const drain = (): Promise<number> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        total += await drainOnce();
      } while (again);
      return total;
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  const sweep = async (now: Date) => {
    const abandoned = await db.deleteAbandonedPhotos(
      write,
      new Date(now.getTime() - ABANDONED_UPLOAD_MS),
    );
    const exports = await db.sweepExports(write, now, new Date(now.getTime() - STALE_EXPORT_MS));
    const imports = await db.deleteOldImports(write, new Date(now.getTime() - IMPORT_RETENTION_MS));
    const deleted = await drain();
    if (abandoned + exports.expired + exports.abandoned + imports + deleted > 0) {
      logger.info(
        { abandonedUploads: abandoned, ...exports, oldImports: imports, objectsDeleted: deleted },
        'storage sweep',
      );
    }
  };

  return {
    drain,
    sweep,
    drainSoon() {
      drain().catch((err: unknown) =>
        logger.warn({ err }, 'could not delete objects from storage; will retry on the next sweep'),
      );
    },
    start(intervalMs, clock) {
      timer = setInterval(() => {
        sweep(clock()).catch((err: unknown) => logger.warn({ err }, 'storage sweep failed'));
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
