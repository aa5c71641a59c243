/**
 * The outbox's shared half, with no window or DOM in it: the app (sync.ts) and the service worker
 * (sw.ts, a notification's Done action with the app closed) both queue check-ins in the same
 * IndexedDB store, send them with the same request and Idempotency-Key, read the server's answer
 * the same way, and take the same Web Lock ('ht-sync') while sending, so the two never send one
 * action at once. An action leaves the queue only once the server has answered it.
 */
import { ApiError, api, type CheckinDto, describeError, NetworkError } from '../api/client';
import { getDb, type QueuedAction, type RejectedAction } from './db';

export type SendOutcome =
  | { kind: 'sent'; checkin: CheckinDto | null }
  /** No answer, or a 5xx/408/429: keep it at the head, try again later. */
  | { kind: 'retry'; offline: boolean }
  /** 401: the session is gone; the queue waits for a sign-in. */
  | { kind: 'signed-out' }
  /** Any other 4xx: refused for good. */
  | { kind: 'rejected'; rejected: RejectedAction };

export async function sendAction(action: QueuedAction, online: boolean): Promise<SendOutcome> {
  try {
    if (action.op === 'put') {
      return {
        kind: 'sent',
        checkin: await api.putCheckin(action.habitId, action.date, action.body!, action.key),
      };
    }
    await api.deleteCheckin(action.habitId, action.date, action.key, action.keep);
    return { kind: 'sent', checkin: null };
  } catch (error) {
    if (error instanceof NetworkError) return { kind: 'retry', offline: !online };
    if (error instanceof ApiError && error.status === 401) return { kind: 'signed-out' };
    const transient =
      !(error instanceof ApiError) ||
      error.status >= 500 ||
      error.status === 408 ||
      error.status === 429;
    if (transient) return { kind: 'retry', offline: false };
    return {
      kind: 'rejected',
      rejected: {
        ...action,
        status: error.status,
        code: error.code,
        // Which sentences, not English text: the page phrases them in the reader's language.
        reason: describeError(error),
        rejectedAt: Date.now(),
      },
    };
  }
}

/** Serialises sending across tabs and the service worker. */
export function withSyncLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
  if (locks) return locks.request('ht-sync', fn) as Promise<T>;
  return fn();
}

/**
 * Stores an action at the tail of the queue unless one with its key is already queued (a Done
 * action run twice). Returns its sequence number, or undefined without IndexedDB.
 */
export async function storeAction(action: QueuedAction): Promise<number | undefined> {
  const db = await getDb();
  if (!db) return undefined;
  const queued = await db.getAll('queue');
  const same = queued.find((a) => a.key === action.key);
  if (same) return same.seq;
  return db.add('queue', action);
}

export async function removeStored(action: QueuedAction): Promise<void> {
  const db = await getDb();
  if (db && action.seq !== undefined) await db.delete('queue', action.seq).catch(() => undefined);
}

export async function storeRejected(rejected: RejectedAction): Promise<void> {
  const db = await getDb();
  await db?.put('rejected', rejected).catch(() => undefined);
}

/**
 * Sends the stored queue, head first, until it is empty or a send must wait (the service
 * worker's way; the app's flush does the same through its in-memory mirror). Returns how it ended.
 */
export async function drainStored(online: boolean): Promise<'done' | 'retry' | 'signed-out'> {
  return withSyncLock(async () => {
    const db = await getDb();
    if (!db) return 'done';
    for (;;) {
      const [head] = await db.getAll('queue', undefined, 1);
      if (!head) return 'done';
      const outcome = await sendAction(head, online);
      if (outcome.kind === 'retry') return 'retry';
      if (outcome.kind === 'signed-out') return 'signed-out';
      if (outcome.kind === 'rejected') await storeRejected(outcome.rejected);
      await removeStored(head);
    }
  });
}
