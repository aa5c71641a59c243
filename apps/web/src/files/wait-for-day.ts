/**
 * Waits until the outbox has sent every queued write of one habit's day, and says whether the
 * day then has a check-in on the server (what a photo needs). Photos are not queued, so the
 * check-in they belong to must have arrived before the first upload starts.
 */
import { t } from '../i18n/i18n';
import { onSettled, type SettleResult, syncStore } from '../offline/sync';

const GIVE_UP_MS = 20_000;

/** Resolves null once the day's check-in is on the server, or with the reason it is not. */
export function waitForDayOnServer(habitId: string, date: string): Promise<string | null> {
  const forDay = (a: { habitId: string; date: string }) => a.habitId === habitId && a.date === date;
  if (!syncStore.get().pending.some(forDay)) return Promise.resolve(null);

  return new Promise((resolve) => {
    let last: SettleResult | null = null;
    const finish = (reason: string | null) => {
      off();
      clearTimeout(timer);
      resolve(reason);
    };
    // The outbox drops an action from `pending` before telling its listeners, so the answer
    // comes from here, not from watching the store.
    const off = onSettled((action, result) => {
      if (!forDay(action)) return;
      last = result;
      if (syncStore.get().pending.some(forDay)) return;
      if (!last.ok) finish(t('photos.day.notSaved', { reason: last.message }));
      else if (last.checkin === null) finish(t('photos.day.gone'));
      else finish(null);
    });
    const timer = setTimeout(() => finish(t('photos.day.notSynced')), GIVE_UP_MS);
  });
}
