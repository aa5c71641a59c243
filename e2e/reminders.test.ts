/**
 * Reminders in Chromium against the real server: the Reminders section of the habit editor, the
 * devices and vacation cards of Settings, and the service worker's side of a push — delivered
 * through the DevTools protocol (`ServiceWorker.deliverPushMessage`, no push service needed),
 * shown as a notification (read back with `registration.getNotifications()`), shown once when the
 * same message comes twice, and its Done action checking the habit in through the outbox exactly
 * once. A system notification's button cannot be pressed under automation, so the test asks the
 * worker to run the action through its message hook (the same function the click runs).
 */
import type { PushPayload } from '@habit-tracker/contract';
import type { CDPSession } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  type AppSession,
  api as apiAs,
  checkScreen as check,
  openApp,
  row as rowOf,
  startAt,
  todayDate,
  USER_ZONE,
} from './support/app';

let app: AppSession;
const api = <T>(path: string, options: { method?: string; data?: unknown } = {}) =>
  apiAs<T>(app, path, options);
const row = (name: string) => rowOf(app, name);

beforeAll(async () => {
  app = await openApp('reminders');
  await app.context.grantPermissions(['notifications'], { origin: app.server.url });
  const signUp = await app.page.request.post(`${app.server.url}/api/v1/auth/sign-up`, {
    data: {
      email: `reminders-${Date.now()}@example.com`,
      password: 'correct horse battery',
      timeZone: USER_ZONE,
    },
  });
  expect(signUp.status()).toBe(201);
});

beforeEach(async () => {
  await startAt(app);
});

afterAll(async () => {
  await app?.close();
});

async function habitId(name: string): Promise<string> {
  const { body } = await api<{ habits: { id: string; name: string }[] }>('/habits');
  const found = body.habits.find((h) => h.name === name);
  if (found) return found.id;
  const created = await api<{ id: string }>('/habits', {
    method: 'POST',
    data: { name, measure: { kind: 'boolean' }, schedule: { kind: 'daily' } },
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

/** The page's worker registration id, for the DevTools protocol. */
async function workerRegistration(): Promise<{ cdp: CDPSession; registrationId: string }> {
  await app.page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 20_000,
  });
  const cdp = await app.context.newCDPSession(app.page);
  const registrationId = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const mine = registrations.find((r) => r.scopeURL === `${app.server.url}/` && !r.isDeleted);
      if (mine) resolve(mine.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  return { cdp, registrationId: await registrationId };
}

interface Shown {
  title: string;
  body: string;
  tag: string;
  actions: string[];
}

const shownNotifications = () =>
  app.page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const shown = await registration.getNotifications();
    return shown.map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      actions: ((n as unknown as { actions?: { action: string }[] }).actions ?? []).map(
        (a) => a.action,
      ),
    }));
  }) as Promise<Shown[]>;

describe('reminders', () => {
  test('the habit editor adds and lists reminders; Settings shows devices and vacations', async () => {
    const id = await habitId('Read');
    await startAt(app, `/habits/${id}/edit`);
    const section = app.page.getByTestId('habit-reminders');
    await section.getByText('No reminders yet.').waitFor();
    await section.getByLabel('Time').fill('07:45');
    await section.getByTestId('add-reminder').click();
    await section.getByText('07:45').waitFor();
    await expect
      .poll(
        async () =>
          (await api<{ reminders: { time: string; days: null }[] }>(`/reminders?habitId=${id}`))
            .body.reminders,
      )
      .toMatchObject([{ time: '07:45', days: null }]);
    await check(app, '20-habit-reminders');

    await startAt(app, '/settings');
    const devices = app.page.getByTestId('reminder-devices');
    await devices.getByTestId('enable-push').waitFor();
    await app.page.getByTestId('vacations').getByRole('button', { name: 'Add vacation' }).waitFor();
    await check(app, '21-settings-reminders');
  });

  test('a push reaches the service worker, shows one notification, and Done checks in once', async () => {
    const id = await habitId('Read');
    const date = await todayDate(app);
    await app.page.reload();
    await row('Read').waitFor();
    const { cdp, registrationId } = await workerRegistration();
    // What the worker did, printed if the notification never shows (a rare failure, issue 12).
    const workerLog: string[] = [];
    cdp.on('ServiceWorker.workerErrorReported', ({ errorMessage }) =>
      workerLog.push(
        `error: ${errorMessage.errorMessage} (${errorMessage.sourceURL}:${errorMessage.lineNumber})`,
      ),
    );
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) =>
      workerLog.push(
        `versions: ${versions.map((v) => `${v.versionId} ${v.runningStatus}/${v.status}`).join(', ')}`,
      ),
    );
    const payload: PushPayload = {
      v: 1,
      id: crypto.randomUUID(),
      kind: 'reminder',
      date,
      title: 'Time for Read',
      body: 'Still to do today.',
      habits: [{ id, name: 'Read', boolean: true }],
    };
    const deliver = () =>
      cdp.send('ServiceWorker.deliverPushMessage', {
        origin: app.server.url,
        registrationId,
        data: JSON.stringify(payload),
      });
    // Delivered until shown: once in four test:clock runs the first delivery showed nothing in
    // 10 s (the worker being started by DevTools, not understood further). A push service also
    // redelivers what was not acknowledged; the worker shows an id once, asserted below.
    await expect
      .poll(
        async () => {
          await deliver();
          return shownNotifications();
        },
        { timeout: 20_000, interval: 2_000 },
      )
      .toEqual([
        {
          title: 'Time for Read',
          body: 'Still to do today.',
          tag: payload.id,
          actions: ['done', 'snooze'],
        },
      ])
      .catch(async (error: Error) => {
        const state = await app.page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return {
            permission: Notification.permission,
            active: registration?.active?.state ?? null,
            waiting: registration?.waiting?.state ?? null,
            controller: navigator.serviceWorker.controller?.state ?? null,
          };
        });
        console.log('e2e reminders: worker', JSON.stringify(state), workerLog.join(' | '));
        throw error;
      });
    // The same message again (a sender resending after a crash): still one notification.
    await deliver();
    await app.page.waitForTimeout(500); // nothing to wait for: a second one must not appear
    expect(await shownNotifications()).toHaveLength(1);

    // Done, pressed twice: one check-in, sent through the outbox with the reminder's key.
    const press = () =>
      app.page.evaluate((tag) => {
        navigator.serviceWorker.controller?.postMessage({
          type: 'notification-action',
          tag,
          action: 'done',
        });
      }, payload.id);
    await press();
    await press();
    await expect.poll(shownNotifications).toEqual([]);
    await expect
      .poll(async () => {
        const history = await api<{ checkins: { date: string; state: string }[] }>(
          `/habits/${id}/history?from=${date}&to=${date}`,
        );
        return history.body.checkins;
      })
      .toMatchObject([{ date, state: 'done' }]);
    // The app, told by the worker, shows it on Today without a reload.
    await expect.poll(() => row('Read').getAttribute('data-state')).toBe('done');
    // A resend of the same Done is answered from the server's record, not applied again.
    const replay = await app.page.request.put(
      `${app.server.url}/api/v1/habits/${id}/checkins/${date}`,
      { data: { state: 'done' }, headers: { 'idempotency-key': `reminder-${payload.id}-${id}` } },
    );
    expect(replay.status()).toBe(200);
    expect(replay.headers()['idempotency-replayed']).toBe('true');
    await cdp.detach();
  });
});
