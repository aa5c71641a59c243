/**
 * What one push message says. The text is built on the server so every platform shows the same
 * words; the service worker only draws it (and acts on it).
 */
import type { PushPayload } from '@habit-tracker/contract';
import type { ClaimedDelivery } from '@habit-tracker/db';

/** Push services accept about 4 KB of encrypted payload; a few habits' names fit well within. */
const MAX_HABITS = 12;
const MAX_NAME = 60;

function shorten(name: string): string {
  return name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name;
}

export function payloadOf(delivery: ClaimedDelivery): PushPayload {
  const habits = delivery.habits
    .slice(0, MAX_HABITS)
    .map((h) => ({ id: h.id, name: shorten(h.name), boolean: h.boolean }));
  if (delivery.kind === 'test') {
    return {
      v: 1,
      id: delivery.notificationId,
      kind: 'test',
      date: null,
      title: 'Reminders are on',
      body: 'This device will show your habit reminders like this.',
      habits: [],
    };
  }
  const names = delivery.habits.map((h) => shorten(h.name));
  const more = names.length - 3;
  const title = names.length === 1 ? `Time for ${names[0]}` : `${names.length} habits to do`;
  const body =
    names.length === 1
      ? delivery.kind === 'snooze'
        ? 'Snoozed reminder: still to do today.'
        : 'Still to do today.'
      : `${names.slice(0, 3).join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
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
