/**
 * What one push message says. The text is built on the server so every platform shows the same
 * words; the service worker only draws it (and acts on it). In the account's language
 * (user_settings.locale), else the language the device had when it subscribed
 * (push_subscriptions.locale), else English.
 */
import type { PushPayload } from '@habit-tracker/contract';
import type { ClaimedDelivery } from '@habit-tracker/db';
import { serverLocale, translator } from '../../i18n/catalog';

/** Push services accept about 4 KB of encrypted payload; a few habits' names fit well within. */
const MAX_HABITS = 12;
const MAX_NAME = 60;

function shorten(name: string): string {
  return name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name;
}

export function payloadOf(delivery: ClaimedDelivery): PushPayload {
  const t = translator(serverLocale(delivery.locale ?? delivery.deviceLocale));
  const habits = delivery.habits
    .slice(0, MAX_HABITS)
    .map((h) => ({ id: h.id, name: shorten(h.name), boolean: h.boolean }));
  if (delivery.kind === 'test') {
    return {
      v: 1,
      id: delivery.notificationId,
      kind: 'test',
      date: null,
      title: t('reminder.test.title'),
      body: t('reminder.test.body'),
      habits: [],
    };
  }
  const names = delivery.habits.map((h) => shorten(h.name));
  const more = names.length - 3;
  const title =
    names.length === 1
      ? t('reminder.one.title', { name: names[0]! })
      : t('reminder.many.title', { count: names.length });
  const shown = names.slice(0, 3).join(t('reminder.many.separator'));
  const body =
    names.length === 1
      ? delivery.kind === 'snooze'
        ? t('reminder.one.snoozed')
        : t('reminder.one.body')
      : more > 0
        ? t('reminder.many.more', { names: shown, more })
        : shown;
  return {
    v: 1,
    id: delivery.notificationId,
    kind: delivery.kind,
    date: delivery.date,
    title,
    body,
    habits,
  };
}
