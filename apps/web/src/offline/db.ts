/**
 * The app's IndexedDB: the last Today response (to render offline), the queue of check-in
 * writes not yet confirmed by the server, and the writes the server refused. If IndexedDB is
 * unavailable (some private modes) everything still works, in memory only.
 */
import type { CheckinPut } from '@habit-tracker/contract';
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { ErrorDescription } from '../api/client';

export interface QueuedAction {
  /** IndexedDB's auto-increment key: the order actions are sent in. */
  seq?: number;
  /** The Idempotency-Key: one per action, the same on every resend. */
  key: string;
  habitId: string;
  habitName: string;
  date: string;
  op: 'put' | 'delete';
  body: CheckinPut | null;
  /**
   * A delete's `keep=notes`: clear the mark, keep the day's note and photos (the server decides,
   * knowing the note). Optional: actions stored by older builds have none and delete as before.
   */
  keep?: 'notes';
  queuedAt: number;
}

export interface RejectedAction extends QueuedAction {
  status: number;
  code: string;
  /** Why, as message ids (api/client.ts describeError), phrased when shown. */
  reason?: ErrorDescription;
  /** Why, in English: what records stored before `reason` existed carry. */
  message?: string;
  rejectedAt: number;
}

interface Schema extends DBSchema {
  kv: { key: string; value: unknown };
  queue: { key: number; value: QueuedAction };
  rejected: { key: string; value: RejectedAction };
}

export type Db = IDBPDatabase<Schema>;

let dbPromise: Promise<Db | null> | null = null;

export function getDb(): Promise<Db | null> {
  // An async function, so that a browser without IndexedDB at all (openDB throws at once, not
  // in its promise) falls back to memory like one that refuses to open it.
  dbPromise ??= (async () => {
    try {
      return await openDB<Schema>('habit-tracker', 1, {
        upgrade(db) {
          db.createObjectStore('kv');
          db.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true });
          db.createObjectStore('rejected', { keyPath: 'key' });
        },
      });
    } catch {
      return null;
    }
  })();
  return dbPromise;
}

export async function kvGet<T>(key: string): Promise<T | undefined> {
  const db = await getDb();
  try {
    return (await db?.get('kv', key)) as T | undefined;
  } catch {
    return undefined;
  }
}

export async function kvSet(key: string, value: unknown): Promise<void> {
  const db = await getDb();
  try {
    await db?.put('kv', value, key);
  } catch {
    // Quota or a closing database: the cache is a convenience, never the source of truth.
  }
}

/** Forgets everything stored for the signed-in user (sign-out, account deletion). */
export async function clearLocalData(): Promise<void> {
  const db = await getDb();
  if (!db) return;
  const tx = db.transaction(['kv', 'queue', 'rejected'], 'readwrite');
  await Promise.all([
    tx.objectStore('kv').clear(),
    tx.objectStore('queue').clear(),
    tx.objectStore('rejected').clear(),
    tx.done,
  ]);
}
