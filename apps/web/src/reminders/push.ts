/**
 * This browser's Web Push subscription. Push needs a service worker, the Push API and
 * notifications; iOS Safari has them only for an app added to the Home Screen (16.4 and later).
 */

import { t } from '../i18n/i18n';
import { negotiate } from '../i18n/locales';
import { remindersApi } from './api';

export type PushSupport = 'supported' | 'needs-home-screen' | 'unsupported';

export function pushSupport(): PushSupport {
  if ('serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window) {
    return 'supported';
  }
  const iOS =
    /iPad|iPhone|iPod/.test(navigator.userAgent) ||
    (navigator.userAgent.includes('Macintosh') && navigator.maxTouchPoints > 1);
  return iOS ? 'needs-home-screen' : 'unsupported';
}

/** The worker's registration once one is active (null when there is none, e.g. in development). */
async function registration(): Promise<ServiceWorkerRegistration | null> {
  if (!('serviceWorker' in navigator)) return null;
  const existing = await navigator.serviceWorker.getRegistration();
  if (!existing) return null;
  return navigator.serviceWorker.ready;
}

export async function currentSubscription(): Promise<PushSubscription | null> {
  const reg = await registration();
  return (await reg?.pushManager.getSubscription()) ?? null;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

function deviceLabel(): string {
  const ua = navigator.userAgent;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'Browser';
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad|iPod/.test(ua)
      ? 'iOS'
      : /Mac OS X/.test(ua)
        ? 'macOS'
        : /Windows/.test(ua)
          ? 'Windows'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return os ? `${browser} on ${os}` : browser;
}

/** Asks for permission, subscribes with the server's key and registers the device. */
export async function enablePush(): Promise<PushSubscription> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') {
    throw new Error(t('reminders.push.blocked'));
  }
  const reg = await registration();
  if (!reg) throw new Error(t('reminders.push.installing'));
  const { publicKey } = await remindersApi.pushKey();
  let subscription = await reg.pushManager.getSubscription();
  const wanted = keyBytes(publicKey);
  const current = subscription?.options.applicationServerKey;
  if (subscription && current && !sameBytes(new Uint8Array(current), wanted)) {
    await subscription.unsubscribe(); // made with another key: useless to this server
    subscription = null;
  }
  subscription ??= await reg.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: wanted,
  });
  const json = subscription.toJSON();
  await remindersApi.saveDevice({
    endpoint: subscription.endpoint,
    keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
    label: deviceLabel(),
    // The browser's language, not the one on screen: the server speaks the account's language
    // when it has one and this device's only when it has none, which is exactly when the app
    // here shows the browser's. So choosing or clearing a language in Settings needs no re-send.
    locale: negotiate(navigator.languages ?? [navigator.language]).locale,
  });
  return subscription;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Before signing out: this browser stops getting the account's reminders (the server forgets the
 * device, the browser its subscription). Best effort: signing out must not wait on it failing.
 */
export async function forgetThisDevice(): Promise<void> {
  try {
    const subscription = await currentSubscription();
    if (!subscription) return;
    const { subscriptions } = await remindersApi.devices();
    const mine = subscriptions.find((d) => d.endpoint === subscription.endpoint);
    if (mine) await remindersApi.removeDevice(mine.id);
    await subscription.unsubscribe();
  } catch {
    // offline, or already gone
  }
}
