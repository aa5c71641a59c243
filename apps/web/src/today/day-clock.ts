/**
 * Keeps the open app on the user's today. The server says when the next day begins
 * (Today's `nextDayAt`, from the user's zone and day-start hour); at that instant a timer, and
 * on the way back to the tab (visibility, focus, pageshow), moves the page on: it asks for the
 * new Today and, until that answers (or offline), shows the new day from this device's clock
 * with core's localDateOf. A tap made while the page still showed the old day is not recorded
 * (see `isDayOver`): the page moves on first and says which day it now is.
 */
import type { Today } from '../api/client';

export interface DayClock {
  /** Starts watching; `onNewDay` gets the date this device's clock says it is now. */
  watch(getToday: () => Today | null, onNewDay: (date: string) => void): () => void;
}

/** Whether the day `today` describes has ended by this device's clock. */
export function isDayOver(today: Today, now = Date.now()): boolean {
  return now >= Date.parse(today.nextDayAt);
}

/** The user's date now, from their zone and day start (core's rule, loaded on demand). */
export async function currentDate(today: Today, now = Date.now()): Promise<string> {
  const { localDateOf } = await import('./local-date');
  return localDateOf(now, today.settings);
}

/** Timers sleep with the device; the longest wait is capped so a resumed page catches up. */
const MAX_WAIT_MS = 60_000;

export function watchDayStart(
  getToday: () => Today | null,
  onNewDay: (date: string) => void,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let checking = false;

  async function check() {
    const today = getToday();
    if (!today || checking || !isDayOver(today)) return schedule();
    checking = true;
    let moved = false;
    try {
      const date = await currentDate(today);
      moved = date > today.date;
      if (moved) onNewDay(date);
    } catch {
      // The chunk could not load (offline before it was cached): the next check tries again.
    } finally {
      checking = false;
      // Not moved yet (an estimated boundary, or clocks a moment apart): look again soon.
      schedule(moved ? undefined : MAX_WAIT_MS / 6);
    }
  }

  function schedule(delay?: number) {
    clearTimeout(timer);
    const today = getToday();
    const untilEnd = today ? Date.parse(today.nextDayAt) - Date.now() : MAX_WAIT_MS;
    // A little after the boundary, so the clock has certainly passed it.
    const wait = delay ?? Math.max(50, untilEnd + 50);
    timer = setTimeout(() => void check(), Math.min(MAX_WAIT_MS, wait));
  }

  const onVisible = () => {
    if (document.visibilityState === 'visible') void check();
  };
  const onFocus = () => void check();
  document.addEventListener('visibilitychange', onVisible);
  window.addEventListener('focus', onFocus);
  window.addEventListener('pageshow', onFocus);
  schedule();
  return () => {
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisible);
    window.removeEventListener('focus', onFocus);
    window.removeEventListener('pageshow', onFocus);
  };
}
