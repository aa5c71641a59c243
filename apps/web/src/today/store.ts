/**
 * Today's data: fetched from /api/v1/today (the first time from the request index.html
 * preloaded), remembered in IndexedDB for offline starts, and patched locally as check-ins are
 * confirmed until the next fetch brings the server's streaks and scores.
 */
import { useMemo } from 'react';
import { markSignedIn } from '../account/session';
import {
  ApiError,
  fetchTodayResponse,
  friendlyError,
  NetworkError,
  readResponse,
  type Today,
} from '../api/client';
import { kvGet, kvSet } from '../offline/db';
import { onSettled, syncStore } from '../offline/sync';
import { createStore, useStore } from '../shared/lib/store';
import { applyCheckin, applyPending } from './model';

interface CachedToday {
  data: Today;
  at: number;
}

export interface TodayState {
  data: Today | null;
  source: 'network' | 'cache' | null;
  loading: boolean;
  error: string | null;
  fetchedAt: number | null;
}

export const todayStore = createStore<TodayState>({
  data: null,
  source: null,
  loading: false,
  error: null,
  fetchedAt: null,
});

let initialResponse: Promise<Response> | null = null;
/** Hands over the request started at boot (matching index.html's preload). */
export function primeToday(response: Promise<Response>): void {
  initialResponse = response;
  // An unconsumed rejection would be reported as unhandled.
  response.catch(() => undefined);
}

let loadGeneration = 0;
/** Bumped whenever a write is confirmed: a fetch that started before it may not include it. */
let confirmedWrites = 0;

export async function loadToday(): Promise<void> {
  const generation = ++loadGeneration;
  const writesAtStart = confirmedWrites;
  todayStore.set({ loading: true });
  const cached = todayStore.get().data ? null : kvGet<CachedToday>('today');
  // On a slow network show the last data seen rather than a skeleton.
  const slowTimer = setTimeout(async () => {
    const hit = await cached;
    if (hit && generation === loadGeneration && !todayStore.get().data) {
      todayStore.set({ data: hit.data, source: 'cache', fetchedAt: hit.at });
    }
  }, 300);
  try {
    const pending = initialResponse ?? fetchTodayResponse();
    initialResponse = null;
    let response: Response;
    try {
      response = await pending;
    } catch {
      throw new NetworkError('offline');
    }
    const data = await readResponse<Today>(response);
    if (generation !== loadGeneration) return;
    if (confirmedWrites !== writesAtStart && todayStore.get().data) {
      scheduleTodayRefresh();
      return;
    }
    markSignedIn();
    const at = Date.now();
    todayStore.set({ data, source: 'network', fetchedAt: at, loading: false, error: null });
    void kvSet('today', { data, at } satisfies CachedToday);
  } catch (error) {
    if (generation !== loadGeneration) return;
    if (error instanceof ApiError && error.status === 401) {
      todayStore.set({ loading: false, data: null, source: null });
      return;
    }
    const hit =
      (await cached) ?? (todayStore.get().data ? null : await kvGet<CachedToday>('today'));
    if (hit && !todayStore.get().data) {
      todayStore.set({ data: hit.data, source: 'cache', fetchedAt: hit.at });
    }
    todayStore.set({
      loading: false,
      error: todayStore.get().data ? null : friendlyError(error),
    });
  } finally {
    clearTimeout(slowTimer);
  }
}

let refreshTimer: ReturnType<typeof setTimeout> | undefined;
/** Coalesces bursts of changes (several taps) into one refetch. */
export function scheduleTodayRefresh(delay = 400): void {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    if (syncStore.get().pending.length > 0) return; // the drain will ask again
    void loadToday();
  }, delay);
}

export function forgetToday(): void {
  loadGeneration++;
  todayStore.set({ data: null, source: null, fetchedAt: null, error: null, loading: false });
}

onSettled((action, result) => {
  if (result.ok) {
    confirmedWrites++;
    const data = todayStore.get().data;
    if (data) {
      todayStore.set({ data: applyCheckin(data, action.habitId, action.date, result.checkin) });
    }
  }
  if (syncStore.get().pending.length === 0) scheduleTodayRefresh();
});

/** Today with every queued (not yet confirmed) check-in applied. */
export function useToday(): TodayState {
  const state = useStore(todayStore);
  const { pending } = useStore(syncStore);
  return useMemo(
    () => (state.data ? { ...state, data: applyPending(state.data, pending) } : state),
    [state, pending],
  );
}
