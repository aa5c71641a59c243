/**
 * The service worker says when a notification's Done action queued or sent check-ins: the app
 * re-reads the stored outbox and Today.
 */
import { reloadQueue } from '../offline/sync';
import { loadToday } from '../today/store';

export function listenToServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
    const type = (event.data as { type?: string } | null)?.type;
    if (type === 'outbox-changed' || type === 'outbox-sent') {
      void reloadQueue().then(() => loadToday());
    }
  });
}
