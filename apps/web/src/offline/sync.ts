/**
 * The check-in outbox. Every check-in write (online or not) is first stored in IndexedDB with
 * its own Idempotency-Key, then sent in order, one at a time. A network failure leaves the
 * action at the head of the queue and it is resent later with the same key, so a write whose
 * response was lost is replayed by the server, not applied twice. A 4xx refusal is final: the
 * action moves to the "rejected" list the UI shows with the server's message.
 */
import type { CheckinDto } from '../api/client';
import { rejectedReason } from '../shared/lib/errors';
import { createStore, uuid } from '../shared/lib/store';
import { clearLocalData, getDb, type QueuedAction, type RejectedAction } from './db';
import { removeStored, sendAction, storeAction, storeRejected, withSyncLock } from './outbox';

export type { QueuedAction, RejectedAction };

export type SyncStatus = 'idle' | 'syncing' | 'offline' | 'waiting' | 'signed-out';

export interface SyncState {
  pending: QueuedAction[];
  rejected: RejectedAction[];
  status: SyncStatus;
  online: boolean;
  lastSyncedAt: number | null;
}

export const syncStore = createStore<SyncState>({
  pending: [],
  rejected: [],
  status: 'idle',
  online: navigator.onLine,
  lastSyncedAt: null,
});

export type SettleResult =
  | { ok: true; checkin: CheckinDto | null }
  | { ok: false; message: string };
type SettleListener = (action: QueuedAction, result: SettleResult) => void;
const settleListeners = new Set<SettleListener>();

/** Told about each action the server has answered (confirmed or refused). */
export function onSettled(listener: SettleListener): () => void {
  settleListeners.add(listener);
  return () => settleListeners.delete(listener);
}

/** Without IndexedDB the queue lives here; with it, this mirrors the stored queue. */
let memoryQueue: QueuedAction[] = [];

export async function initSync(): Promise<void> {
  const db = await getDb();
  if (db) {
    const [pending, rejected] = await Promise.all([db.getAll('queue'), db.getAll('rejected')]);
    memoryQueue = pending;
    syncStore.set({ pending, rejected: rejected.sort((a, b) => a.rejectedAt - b.rejectedAt) });
  }
  window.addEventListener('online', () => {
    syncStore.set({ online: true });
    retryAttempt = 0;
    void flush();
  });
  window.addEventListener('offline', () => syncStore.set({ online: false, status: 'offline' }));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void flush();
  });
  void flush();
}

export async function enqueueCheckin(
  input: Pick<QueuedAction, 'habitId' | 'habitName' | 'date' | 'op' | 'body' | 'keep'>,
): Promise<void> {
  const action: QueuedAction = { ...input, key: uuid(), queuedAt: Date.now() };
  // Shown at once (optimistic UI); persisted before anything is sent.
  memoryQueue = [...memoryQueue, action];
  syncStore.set({ pending: memoryQueue });
  try {
    action.seq = await storeAction(action);
  } catch {
    // Stays queued in memory for this page's life.
  }
  void flush();
}

/**
 * The service worker queued or sent check-ins (a notification's Done action): take the stored
 * queue as the truth again and send what is left.
 */
export async function reloadQueue(): Promise<void> {
  const db = await getDb();
  if (db) {
    const [pending, rejected] = await Promise.all([db.getAll('queue'), db.getAll('rejected')]);
    memoryQueue = [...pending, ...memoryQueue.filter((a) => a.seq === undefined)];
    syncStore.set({
      pending: memoryQueue,
      rejected: rejected.sort((a, b) => a.rejectedAt - b.rejectedAt),
    });
  }
  void flush();
}

export async function dismissRejected(key?: string): Promise<void> {
  const db = await getDb();
  const rejected = syncStore.get().rejected.filter((r) => key !== undefined && r.key !== key);
  syncStore.set({ rejected });
  if (!db) return;
  if (key === undefined) await db.clear('rejected');
  else await db.delete('rejected', key);
}

/** Sign-out: forget the queue and caches of this account. */
export async function resetSync(): Promise<void> {
  memoryQueue = [];
  syncStore.set({ pending: [], rejected: [], status: 'idle', lastSyncedAt: null });
  await clearLocalData();
}

let flushing = false;
let flushAgain = false;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let retryAttempt = 0;

export async function flush(): Promise<void> {
  if (flushing) {
    flushAgain = true;
    return;
  }
  flushing = true;
  clearTimeout(retryTimer);
  try {
    do {
      flushAgain = false;
      await withSyncLock(flushOnce);
    } while (flushAgain);
  } finally {
    flushing = false;
  }
}

function scheduleRetry(): void {
  const delay = Math.min(60_000, 1000 * 2 ** retryAttempt);
  retryAttempt++;
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => void flush(), delay);
}

async function flushOnce(): Promise<void> {
  const db = await getDb();
  if (db) {
    // Another tab may have sent some: the stored queue is the truth.
    try {
      const stored = await db.getAll('queue');
      const unsaved = memoryQueue.filter((a) => a.seq === undefined);
      memoryQueue = [...stored, ...unsaved];
    } catch {
      // keep the mirror
    }
  }
  syncStore.set({ pending: memoryQueue });
  while (memoryQueue.length > 0) {
    if (!navigator.onLine) {
      syncStore.set({ status: 'offline', online: false });
      return;
    }
    syncStore.set({ status: 'syncing', online: true });
    const action = memoryQueue[0]!;
    const outcome = await sendAction(action, navigator.onLine);
    if (outcome.kind === 'retry') {
      syncStore.set({ status: outcome.offline ? 'offline' : 'waiting' });
      scheduleRetry();
      return;
    }
    if (outcome.kind === 'signed-out') {
      syncStore.set({ status: 'signed-out' });
      return;
    }
    if (outcome.kind === 'rejected') {
      // Refused for good (4xx): record why, drop it from the queue, carry on with the rest.
      const { rejected } = outcome;
      await removeFromQueue(action);
      await storeRejected(rejected);
      syncStore.set((s) => ({ rejected: [...s.rejected, rejected] }));
      emit(action, { ok: false, message: rejectedReason(rejected) });
      continue;
    }
    retryAttempt = 0;
    await removeFromQueue(action);
    emit(action, { ok: true, checkin: outcome.checkin });
  }
  syncStore.set({ status: 'idle', lastSyncedAt: Date.now() });
}

async function removeFromQueue(action: QueuedAction): Promise<void> {
  memoryQueue = memoryQueue.filter((a) => a.key !== action.key);
  syncStore.set({ pending: memoryQueue });
  await removeStored(action);
}

function emit(action: QueuedAction, result: SettleResult): void {
  for (const l of settleListeners) l(action, result);
}
