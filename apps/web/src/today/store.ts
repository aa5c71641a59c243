/**
 * Today's data: fetched from /api/v1/today (the first time from the request index.html
 * preloaded), remembered in IndexedDB for offline starts, and patched locally as check-ins are
 * confirmed until the next fetch brings the server's streaks and scores.
 */
import { useMemo } from 'react';
import { markSignedIn } from '../account/session';
import {
  ApiError,
  type CheckinDto,
  fetchTodayResponse,
  NetworkError,
  readResponse,
  type Today,
} from '../api/client';
import { kvGet, kvSet } from '../offline/db';
import { onSettled, type QueuedAction, syncStore } from '../offline/sync';
import { friendlyError } from '../shared/lib/errors';
import { createStore, useStore } from '../shared/lib/store';
import { watchDayStart } from './day-clock';
import { applyCheckin, applyPending, knownCheckin, optimisticCheckin, rollTo } from './model';

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
  /**
   * The user's date by this device's clock, once it has passed `data.nextDayAt` and before a
   * fetch brings the new day (offline, or in flight): the view moves on to it (model.rollTo).
   */
  localDate: string | null;
}

export const todayStore = createStore<TodayState>({
  data: null,
  source: null,
  loading: false,
  error: null,
  fetchedAt: null,
  localDate: null,
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
    const { localDate } = todayStore.get();
    todayStore.set({
      data,
      source: 'network',
      fetchedAt: at,
      loading: false,
      error: null,
      // The server's day caught up with the device's (or the clocks disagree by a moment).
      localDate: localDate && localDate > data.date ? localDate : null,
    });
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
  todayStore.set({
    data: null,
    source: null,
    fetchedAt: null,
    error: null,
    loading: false,
    localDate: null,
  });
}

/** The device's clock has passed the day's end: show the new day now, and ask the server. */
export function moveToDay(date: string): void {
  const { data, localDate } = todayStore.get();
  if (!data || date <= data.date || date === localDate) return;
  todayStore.set({ localDate: date });
  void loadToday();
}

/** Starts following the user's day start (main.tsx): the open app moves on at midnight. */
export function followDayStart(): () => void {
  return watchDayStart(() => viewOf(todayStore.get()), moveToDay);
}

/** The Today the page shows: the server's, moved on to the device's date when it has passed. */
function viewOf(state: TodayState): Today | null {
  const { data, localDate } = state;
  return data && localDate ? rollTo(data, localDate) : data;
}

onSettled((action, result) => {
  if (result.ok) {
    confirmedWrites++;
    const data = todayStore.get().data;
    if (data) {
      todayStore.set({
        data: applyCheckin(
          data,
          action.habitId,
          action.date,
          confirmed(data, action, result.checkin),
        ),
      });
    }
  }
  if (syncStore.get().pending.length === 0) scheduleTodayRefresh();
});

/**
 * The day as the server now has it. A keep=notes delete answers 204 without the day: the note
 * it kept is the one Today knew (until the refresh after the queue empties brings the rest).
 */
function confirmed(data: Today, action: QueuedAction, checkin: CheckinDto | null) {
  if (action.op !== 'delete' || action.keep !== 'notes') return checkin;
  const item = data.habits.find((h) => h.habit.id === action.habitId);
  return item ? optimisticCheckin(action, knownCheckin(item, action.date, data.date)) : checkin;
}

/** Today as the page shows it: on the user's current day, every queued check-in applied. */
export function useToday(): TodayState {
  const state = useStore(todayStore);
  const { pending } = useStore(syncStore);
  return useMemo(() => {
    const view = viewOf(state);
    return view ? { ...state, data: applyPending(view, pending) } : state;
  }, [state, pending]);
}

/** The same view outside React (a tap handler checks it is still the day it shows). */
export function currentToday(): Today | null {
  const view = viewOf(todayStore.get());
  return view ? applyPending(view, syncStore.get().pending) : null;
}
