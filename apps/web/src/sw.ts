/// <reference lib="webworker" />
/**
 * The service worker: precaches the app shell (docs/decisions/0005-web-app.md) and shows reminders
 * (decision 0019). A push message carries a notification id; an id is shown once, whatever the
 * network repeats. Done checks the named yes/no habits in through the same outbox the app uses
 * (offline/outbox.ts: IndexedDB queue, Idempotency-Key, Web Lock), so it works with the app
 * closed and is applied once however often it is pressed; Snooze asks the server for one more
 * reminder a little later.
 */
import type { PushPayload } from '@habit-tracker/contract';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { kvGet, kvSet } from './offline/db';
import { drainStored, storeAction } from './offline/outbox';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Parameters<typeof precacheAndRoute>[0];
};

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The app shell answers every navigation; /api is never answered by the worker.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }),
);

const SHOWN_KEY = 'push-shown';
const SHOWN_KEEP = 200;
const SNOOZE_MINUTES = 10;

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data = event.data as { type?: string; tag?: string; action?: string } | null;
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
  // The app may act on a shown reminder as its notification's buttons do (the e2e suite does:
  // a browser under automation cannot press a system notification's button).
  if (data?.type === 'notification-action' && data.tag && data.action) {
    event.waitUntil(
      self.registration
        .getNotifications({ tag: data.tag })
        .then((shown) => (shown[0] ? onAction(shown[0], data.action!) : undefined)),
    );
  }
});

self.addEventListener('push', (event: PushEvent) => {
  event.waitUntil(onPush(event.data?.text() ?? ''));
});

self.addEventListener('notificationclick', (event: NotificationEvent) => {
  event.waitUntil(onAction(event.notification, event.action));
});

async function onPush(text: string): Promise<void> {
  let payload: PushPayload;
  try {
    payload = JSON.parse(text) as PushPayload;
    if (payload.v !== 1 || typeof payload.id !== 'string') throw new Error('unknown payload');
  } catch {
    await self.registration.showNotification('Habit Tracker', {
      body: 'You have habits to do today.',
      tag: 'unknown',
    });
    return;
  }
  const shown = (await kvGet<string[]>(SHOWN_KEY)) ?? [];
  if (shown.includes(payload.id)) return; // a resend after a sender crash: already shown
  await kvSet(SHOWN_KEY, [...shown, payload.id].slice(-SHOWN_KEEP));
  const canCheckIn = payload.date !== null && payload.habits.some((h) => h.boolean);
  const actions =
    payload.kind === 'test'
      ? []
      : [
          ...(canCheckIn ? [{ action: 'done', title: 'Done' }] : []),
          { action: 'snooze', title: `Snooze ${SNOOZE_MINUTES} min` },
        ];
  await self.registration.showNotification(payload.title, {
    body: payload.body,
    tag: payload.id,
    data: payload,
    icon: '/icons/icon-192.png',
    badge: '/icons/icon-192.png',
    ...({ actions } as object),
  });
}

async function onAction(notification: Notification, action: string): Promise<void> {
  const payload = notification.data as PushPayload | null;
  notification.close();
  if (payload?.v !== 1) return openApp();
  if (action === 'done' && payload.date) {
    for (const habit of payload.habits.filter((h) => h.boolean)) {
      await storeAction({
        // The same key for the same reminder and habit: pressing Done twice, or on a repeated
        // message, is one check-in (the queue and the server both dedupe by it).
        key: `reminder-${payload.id}-${habit.id}`,
        habitId: habit.id,
        habitName: habit.name,
        date: payload.date,
        op: 'put',
        body: { state: 'done' },
        queuedAt: Date.now(),
      });
    }
    await tellClients('outbox-changed');
    const ended = await drainStored(self.navigator.onLine);
    // Sent, or left queued: either way the app (when open, or next time) shows it.
    await tellClients(ended === 'done' ? 'outbox-sent' : 'outbox-changed');
    return;
  }
  if (action === 'snooze') {
    await snooze(payload.id);
    return;
  }
  return openApp();
}

async function snooze(id: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(`/api/v1/notifications/${encodeURIComponent(id)}/snooze`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ minutes: SNOOZE_MINUTES }),
      });
      if (res.ok || (res.status >= 400 && res.status < 500 && res.status !== 429)) return;
    } catch {
      // offline: try again shortly
    }
    await new Promise((r) => setTimeout(r, 1000 * 2 ** attempt));
  }
}

async function tellClients(type: string): Promise<void> {
  const clients = await self.clients.matchAll({ type: 'window' });
  for (const client of clients) client.postMessage({ type });
}

async function openApp(): Promise<void> {
  const clients = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = clients[0];
  if (open) {
    await open.focus();
    return;
  }
  await self.clients.openWindow('/');
}
