/**
 * Reminders end to end with a real push protocol, on both databases: the API, the durable
 * schedule, the sender (driven tick by tick with a pinned clock) and web-push-testing — a local
 * push service that checks our VAPID signature and decrypts the aes128gcm payload we encrypted
 * for the subscription, so a message read back from it went through the whole protocol.
 */
import type { PushPayload } from '@habit-tracker/contract';
import {
  type FaultProxy,
  type PushService,
  startFaultProxy,
  startPushService,
  type TestSubscription,
} from '@habit-tracker/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp, type TestClient } from './support/app';
import { DATABASE_KINDS, type TestDatabase, useTestDatabases } from './support/databases';

const databases = useTestDatabases('server-reminders');

let push: PushService;
let proxy: FaultProxy;
beforeAll(async () => {
  push = await startPushService();
  proxy = await startFaultProxy(push);
});
afterAll(async () => {
  await proxy?.stop();
  await push?.stop();
});

const MIN = 60_000;

describe.each(DATABASE_KINDS)('reminders on %s', (kind) => {
  let db: TestDatabase;
  let t: TestApp;

  beforeAll(() => {
    db = databases.get(kind);
    t = createTestApp(db.database, {
      PUSH_SERVICE_ORIGINS: `${push.origin},${proxy.origin}`,
    });
  });

  const at = (iso: string) => {
    t.clock.now = new Date(iso);
  };
  const tick = () => t.app.reminderSender.tick();

  /** A signed-up user in `timeZone` with one habit and a device subscribed at the push service. */
  async function userWithDevice(
    timeZone: string,
    options: {
      viaProxy?: boolean;
      dayStartHour?: number;
      habit?: Record<string, unknown>;
      locale?: string;
    } = {},
  ) {
    const client = t.client();
    await client.signUp({ timeZone, dayStartHour: options.dayStartHour ?? 0 });
    const habit = await client.createHabit({
      name: `Read ${crypto.randomUUID().slice(0, 4)}`,
      ...options.habit,
    });
    const key = (await client.get('/api/v1/push/key')).body.publicKey as string;
    let sub: TestSubscription = await push.subscribe(key);
    if (options.viaProxy) sub = proxy.via(sub);
    const saved = await client.post('/api/v1/push-subscriptions', {
      endpoint: sub.endpoint,
      keys: sub.keys,
      label: 'Test browser',
      ...(options.locale === undefined ? {} : { locale: options.locale }),
    });
    expect(saved.status, saved.text).toBe(201);
    const received = async () =>
      (await push.messages(sub.clientHash)).map((m) => JSON.parse(m) as PushPayload);
    return { client, habit, sub, deviceId: saved.body.id as string, received };
  }

  async function remind(
    client: TestClient,
    habitId: string,
    time: string,
    days: number[] | null = null,
  ) {
    const res = await client.post('/api/v1/reminders', { habitId, time, days });
    expect(res.status, res.text).toBe(201);
    return res.body as { id: string; nextAt: string; nextDate: string };
  }

  it('a reminder fires once at its local time, naming the habit, and moves to the next day', async () => {
    at('2026-06-10T00:00:00Z');
    const { client, habit, received } = await userWithDevice('Europe/Berlin');
    const reminder = await remind(client, habit.id, '08:00');
    expect(reminder).toMatchObject({ nextAt: '2026-06-10T06:00:00.000Z', nextDate: '2026-06-10' });

    at('2026-06-10T05:59:59Z');
    await tick();
    expect(await received()).toEqual([]);

    at('2026-06-10T06:00:00Z');
    const result = await tick();
    expect(result.leader).toBe(true);
    const messages = await received();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      v: 1,
      kind: 'reminder',
      date: '2026-06-10',
      title: `Time for ${habit.name}`,
      habits: [{ id: habit.id, name: habit.name, boolean: true }],
    });

    // Ticking again sends nothing: the occurrence is recorded, its delivery done.
    at('2026-06-10T06:00:30Z');
    await tick();
    expect(await received()).toHaveLength(1);
    const list = (await client.get('/api/v1/reminders')).body.reminders;
    expect(list).toMatchObject([
      { id: reminder.id, nextAt: '2026-06-11T06:00:00.000Z', nextDate: '2026-06-11' },
    ]);
  });

  it.each([
    // [zone, time, the day, when it must fire (UTC), why]
    [
      'America/New_York',
      '02:30',
      '2026-03-08',
      '2026-03-08T07:00:00Z',
      'skipped by spring-forward: at the jump',
    ],
    [
      'America/New_York',
      '01:30',
      '2026-11-01',
      '2026-11-01T05:30:00Z',
      'repeated by fall-back: the first one only',
    ],
    [
      'Europe/Berlin',
      '02:30',
      '2026-10-25',
      '2026-10-25T00:30:00Z',
      'repeated: the first one only',
    ],
    [
      'Australia/Lord_Howe',
      '02:15',
      '2026-10-04',
      '2026-10-03T15:30:00Z',
      '30-minute DST gap: at 02:30',
    ],
    [
      'Australia/Lord_Howe',
      '01:45',
      '2026-04-05',
      '2026-04-04T14:45:00Z',
      '30-minute fall-back: the first',
    ],
    ['Asia/Kolkata', '07:00', '2026-03-08', '2026-03-08T01:30:00Z', 'UTC+05:30'],
    ['Asia/Kathmandu', '07:00', '2026-03-08', '2026-03-08T01:15:00Z', 'UTC+05:45'],
  ])('%s %s on %s fires exactly once, at %s (%s)', async (zone, time, day, fires) => {
    const fireAt = Date.parse(fires);
    t.clock.now = new Date(fireAt - 6 * 60 * MIN);
    const { client, habit, received } = await userWithDevice(zone);
    const reminder = await remind(client, habit.id, time);
    expect(reminder.nextDate).toBe(day);
    expect(reminder.nextAt).toBe(new Date(fireAt).toISOString());

    t.clock.now = new Date(fireAt - 1000);
    await tick();
    expect(await received()).toEqual([]);
    // Through the rest of the transition (and the repeated hour), minute by minute for 2 hours.
    for (let m = 0; m <= 120; m += 1) {
      t.clock.now = new Date(fireAt + m * MIN);
      await tick();
    }
    const messages = await received();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ date: day, habits: [{ id: habit.id }] });
  });

  it('a day start of 03:00 moves a 01:00 reminder to the next wall-clock date, for the day that is ending', async () => {
    at('2026-06-10T12:00:00Z');
    const { client, habit, received } = await userWithDevice('Asia/Singapore', { dayStartHour: 3 });
    // Mondays only: 2026-06-15 is a Monday; its 01:00 is on Tuesday's wall clock.
    const reminder = await remind(client, habit.id, '01:00', [1]);
    expect(reminder).toMatchObject({ nextDate: '2026-06-15', nextAt: '2026-06-15T17:00:00.000Z' });
    at('2026-06-15T17:00:00Z');
    await tick();
    expect((await received()).map((m) => m.date)).toEqual(['2026-06-15']);
  });

  it('names only habits due and not done: done, skipped, archived, not due, on vacation are left out', async () => {
    at('2026-06-10T00:00:00Z'); // Wednesday
    const { client, habit: open, received } = await userWithDevice('UTC');
    const done = await client.createHabit({ name: 'Done already' });
    const skipped = await client.createHabit({ name: 'Skipped' });
    const archived = await client.createHabit({ name: 'Archived' });
    const notDue = await client.createHabit({
      name: 'Mondays',
      schedule: { kind: 'weekdays', days: [1] },
    });
    const away = await client.createHabit({ name: 'Away' });
    for (const h of [open, done, skipped, archived, notDue, away])
      await remind(client, h.id, '09:00');
    expect(
      (await client.put(`/api/v1/habits/${done.id}/checkins/2026-06-10`, { state: 'done' })).status,
    ).toBe(200);
    expect(
      (await client.put(`/api/v1/habits/${skipped.id}/checkins/2026-06-10`, { state: 'skipped' }))
        .status,
    ).toBe(200);
    expect((await client.post(`/api/v1/habits/${archived.id}/archive`)).status).toBe(200);
    const vacation = await client.post('/api/v1/vacations', {
      from: '2026-06-10',
      to: '2026-06-12',
      habitIds: [away.id],
    });
    expect(vacation.status, vacation.text).toBe(201);

    at('2026-06-10T09:00:00Z');
    await tick();
    const messages = await received();
    expect(messages).toHaveLength(1); // one notification for the reminder time, not six
    expect(messages[0]!.habits.map((h) => h.id)).toEqual([open.id]);

    // Once everything is done, the next day's reminder says nothing at all.
    at('2026-06-11T00:00:00Z');
    for (const h of [open, done, skipped]) {
      await client.put(`/api/v1/habits/${h.id}/checkins/2026-06-11`, { state: 'done' });
    }
    at('2026-06-11T09:00:00Z');
    const result = await tick();
    expect(result.notifications).toMatchObject({ nothingDue: 1, sent: 0 });
    expect(await received()).toHaveLength(1);
  });

  it('vacation days count as skips: stored as the day begins, removed with the vacation, never over the user’s own check-in', async () => {
    at('2026-06-10T12:00:00Z');
    const { client, habit } = await userWithDevice('UTC');
    const other = await client.createHabit({ name: 'Other' });
    await client.put(`/api/v1/habits/${habit.id}/checkins/2026-06-09`, { state: 'done' });
    // From yesterday, for all habits: the 9th keeps its done, the 10th becomes a skip now.
    const created = await client.post('/api/v1/vacations', {
      from: '2026-06-09',
      to: '2026-06-11',
    });
    expect(created.status, created.text).toBe(201);
    const history = async (id: string) =>
      (
        await client.get(`/api/v1/habits/${id}/history?from=2026-06-08&to=2026-06-12`)
      ).body.checkins.map((c: { date: string; state: string }) => `${c.date} ${c.state}`);
    expect(await history(habit.id)).toEqual(['2026-06-09 done', '2026-06-10 skipped']);
    expect(await history(other.id)).toEqual(['2026-06-10 skipped']); // created today: started today

    // The 11th begins: the sender writes its skips (its vacation pass).
    at('2026-06-11T00:01:00Z');
    await tick();
    expect(await history(habit.id)).toEqual([
      '2026-06-09 done',
      '2026-06-10 skipped',
      '2026-06-11 skipped',
    ]);
    const today = (await client.get('/api/v1/today')).body;
    expect(
      today.habits.find((h: { habit: { id: string } }) => h.habit.id === habit.id).checkin.state,
    ).toBe('skipped');

    // Shortened to the 9th–10th: the 11th's skip goes; deleted: the 10th's too; the done stays.
    const id = created.body.id as string;
    expect(
      (await client.put(`/api/v1/vacations/${id}`, { from: '2026-06-09', to: '2026-06-10' }))
        .status,
    ).toBe(200);
    expect(await history(habit.id)).toEqual(['2026-06-09 done', '2026-06-10 skipped']);
    expect((await client.delete(`/api/v1/vacations/${id}`)).status).toBe(204);
    expect(await history(habit.id)).toEqual(['2026-06-09 done']);
    expect(await history(other.id)).toEqual([]);
  });

  it('a user who changes zone gets the reminder at the new zone’s time, and never twice for one day', async () => {
    at('2026-06-10T00:00:00Z');
    const { client, habit, received } = await userWithDevice('Europe/Berlin');
    await remind(client, habit.id, '08:00');
    at('2026-06-10T06:00:00Z'); // 08:00 Berlin
    await tick();
    expect(await received()).toHaveLength(1);

    // At 08:30 Berlin they fly to London, where it is 07:30: today's 08:00 must not come again.
    at('2026-06-10T06:30:00Z');
    expect((await client.patch('/api/v1/settings', { timeZone: 'Europe/London' })).status).toBe(
      200,
    );
    for (const iso of ['2026-06-10T07:00:00Z', '2026-06-10T07:30:00Z']) {
      at(iso);
      await tick();
    }
    expect(await received()).toHaveLength(1);
    const [reminder] = (await client.get('/api/v1/reminders')).body.reminders;
    expect(reminder).toMatchObject({ nextAt: '2026-06-11T07:00:00.000Z', nextDate: '2026-06-11' });
    at('2026-06-11T07:00:00Z'); // 08:00 London
    await tick();
    expect((await received()).map((m) => m.date)).toEqual(['2026-06-10', '2026-06-11']);

    // Then to Tokyo (east): the next is 08:00 there.
    at('2026-06-11T12:00:00Z');
    await client.patch('/api/v1/settings', { timeZone: 'Asia/Tokyo' });
    at('2026-06-11T23:00:00Z'); // 08:00 Tokyo on the 12th
    await tick();
    expect((await received()).map((m) => m.date)).toEqual([
      '2026-06-10',
      '2026-06-11',
      '2026-06-12',
    ]);
  });

  it('an expired subscription (410) is dropped', async () => {
    at('2026-06-10T00:00:00Z');
    const { client, habit, sub, received } = await userWithDevice('UTC');
    await remind(client, habit.id, '10:00');
    await push.expire(sub.clientHash);
    at('2026-06-10T10:00:00Z');
    const result = await tick();
    expect(result.gone).toBe(1);
    expect(await received()).toEqual([]);
    expect((await client.get('/api/v1/push-subscriptions')).body.subscriptions).toEqual([]);
  });

  it('429 with Retry-After and 503 are retried later, then sent once', async () => {
    at('2026-06-10T00:00:00Z');
    const { client, habit, sub, received } = await userWithDevice('UTC', { viaProxy: true });
    await remind(client, habit.id, '11:00');
    proxy.plan(sub.clientHash, [{ status: 429, retryAfter: '5' }, { status: 503 }]);
    at('2026-06-10T11:00:00Z');
    expect((await tick()).retried).toBe(1);
    expect(await received()).toEqual([]);
    at('2026-06-10T11:00:04Z'); // before Retry-After: nothing is tried
    await tick();
    expect(proxy.seen(sub.clientHash)).toBe(1);
    at('2026-06-10T11:00:05Z');
    expect((await tick()).retried).toBe(1); // the 503
    at('2026-06-10T11:00:07Z'); // backoff: 2 s after the second attempt
    expect((await tick()).sent).toBe(1);
    expect(await received()).toHaveLength(1);
    expect(proxy.seen(sub.clientHash)).toBe(3);
  });

  it('a reminder more than a few minutes late is dropped, not sent', async () => {
    at('2026-06-10T00:00:00Z');
    const { client, habit, received } = await userWithDevice('UTC');
    await remind(client, habit.id, '12:00');
    at('2026-06-10T12:06:00Z'); // the sender was down for six minutes
    const result = await tick();
    // Other tests' reminders of the day were jumped over too.
    expect(result.notifications.late).toBeGreaterThanOrEqual(1);
    expect(await received()).toEqual([]);
    // …and the schedule carries on with the next day.
    at('2026-06-11T12:00:00Z');
    await tick();
    expect((await received()).map((m) => m.date)).toEqual(['2026-06-11']);
  });

  it('snooze: one more reminder ten minutes later, once, for what is still not done', async () => {
    at('2026-06-10T00:00:00Z');
    const { client, habit, received } = await userWithDevice('UTC');
    const second = await client.createHabit({ name: 'Stretch' });
    await remind(client, habit.id, '13:00');
    await remind(client, second.id, '13:00');
    at('2026-06-10T13:00:00Z');
    await tick();
    const [first] = await received();
    expect(first!.habits.map((h) => h.id).sort()).toEqual([habit.id, second.id].sort());

    at('2026-06-10T13:01:00Z');
    const snooze = await client.post(`/api/v1/notifications/${first!.id}/snooze`, {});
    expect(snooze.status, snooze.text).toBe(202);
    expect(snooze.body.fireAt).toBe('2026-06-10T13:11:00.000Z');
    const again = await client.post(`/api/v1/notifications/${first!.id}/snooze`, {});
    expect(again.body.id).toBe(snooze.body.id);
    await client.put(`/api/v1/habits/${second.id}/checkins/2026-06-10`, { state: 'done' });

    at('2026-06-10T13:10:59Z');
    await tick();
    expect(await received()).toHaveLength(1);
    at('2026-06-10T13:11:00Z');
    await tick();
    const messages = await received();
    expect(messages).toHaveLength(2);
    expect(messages[1]).toMatchObject({
      kind: 'snooze',
      date: '2026-06-10',
      habits: [{ id: habit.id }],
    });
  });

  it('two senders (two machines) on one database: one holds the lease, every reminder goes once', async () => {
    at('2026-06-10T00:00:00Z');
    const users = await Promise.all(Array.from({ length: 6 }, () => userWithDevice('UTC')));
    for (const u of users) await remind(u.client, u.habit.id, '14:00');
    const other = createTestApp(db.database, { PUSH_SERVICE_ORIGINS: push.origin }, t.clock);
    at('2026-06-10T14:00:00Z');
    const [mine, theirs] = await Promise.all([tick(), other.app.reminderSender.tick()]);
    expect([mine.leader, theirs.leader].sort()).toEqual([false, true]);
    for (const u of users) expect(await u.received()).toHaveLength(1);
    // The other machine takes over once the first lets go.
    await t.app.reminderSender.stop();
    at('2026-06-11T14:00:00Z');
    expect((await other.app.reminderSender.tick()).leader).toBe(true);
    for (const u of users)
      expect((await u.received()).map((m) => m.date)).toEqual(['2026-06-10', '2026-06-11']);
    await other.app.reminderSender.stop();
  });

  it('send a test: only to that device, within the same pass', async () => {
    at('2026-06-10T00:00:00Z');
    const { client, deviceId, received } = await userWithDevice('UTC');
    const res = await client.post(`/api/v1/push-subscriptions/${deviceId}/test`);
    expect(res.status, res.text).toBe(202);
    await tick();
    expect(await received()).toMatchObject([{ kind: 'test', id: res.body.id, habits: [] }]);
  });

  it("speaks the account's language: one habit, several together, a test", async () => {
    at('2026-06-10T00:00:00Z');
    const { client, habit, deviceId, received } = await userWithDevice('UTC');
    expect((await client.patch('/api/v1/settings', { locale: 'de' })).status).toBe(200);
    await remind(client, habit.id, '08:00');
    const test = await client.post(`/api/v1/push-subscriptions/${deviceId}/test`);
    expect(test.status, test.text).toBe(202);
    await tick();
    expect(await received()).toMatchObject([
      {
        kind: 'test',
        title: 'Erinnerungen sind an',
        body: 'Dieses Gerät zeigt deine Gewohnheits-Erinnerungen so an.',
      },
    ]);
    at('2026-06-10T08:00:00Z');
    await tick();
    expect((await received()).at(-1)).toMatchObject({
      kind: 'reminder',
      title: `Zeit für ${habit.name}`,
      body: 'Heute noch zu erledigen.',
    });

    // Four habits at one time in Arabic: the plural title and "and 1 more".
    const names = ['Read', 'Walk', 'Water', 'Stretch'];
    for (const name of names) {
      const other = await client.createHabit({ name });
      await remind(client, other.id, '09:00');
    }
    expect((await client.patch('/api/v1/settings', { locale: 'ar' })).status).toBe(200);
    at('2026-06-10T09:00:00Z');
    await tick();
    expect((await received()).at(-1)).toMatchObject({
      kind: 'reminder',
      title: '4 عادات متبقية',
      body: 'Read، Walk، Water وواحدة أخرى',
    });

    // Back to the browser's language (null): this device did not say its language, so English.
    expect((await client.patch('/api/v1/settings', { locale: null })).status).toBe(200);
    at('2026-06-11T09:00:00Z');
    await tick();
    // (The first habit's 08:00 of that day is late by now: only the four-habit message counts.)
    expect((await received()).filter((m) => m.habits.length === 4).at(-1)).toMatchObject({
      date: '2026-06-11',
      title: '4 habits to do',
      body: 'Read, Walk, Water and 1 more',
    });
  });

  it("without an account language, speaks the device's (saved when it subscribed); the account's wins", async () => {
    at('2026-06-10T00:00:00Z');
    const { client, habit, sub, deviceId, received } = await userWithDevice('UTC', {
      locale: 'de',
    });
    await remind(client, habit.id, '08:00');
    // The new message, not the last one read: waits (passes again) until the push service holds
    // one more than before. Reading once after a pass returned the previous (German) test
    // message once in a full-suite run.
    const sendTest = async () => {
      const before = (await received()).length;
      const res = await client.post(`/api/v1/push-subscriptions/${deviceId}/test`);
      expect(res.status, res.text).toBe(202);
      await expect
        .poll(
          async () => {
            await tick();
            return (await received()).length;
          },
          { timeout: 10_000 },
        )
        .toBe(before + 1);
      return (await received()).at(-1);
    };
    // The account has no language (null): the device's German.
    expect(await sendTest()).toMatchObject({ kind: 'test', title: 'Erinnerungen sind an' });
    at('2026-06-10T08:00:00Z');
    await tick();
    expect((await received()).at(-1)).toMatchObject({
      kind: 'reminder',
      title: `Zeit für ${habit.name}`,
      body: 'Heute noch zu erledigen.',
    });

    // The account's language wins over the device's, English included.
    expect((await client.patch('/api/v1/settings', { locale: 'fr' })).status).toBe(200);
    expect(await sendTest()).toMatchObject({ title: 'Les rappels sont activés' });
    expect((await client.patch('/api/v1/settings', { locale: 'en' })).status).toBe(200);
    expect(await sendTest()).toMatchObject({ title: 'Reminders are on' });

    // Saving the device again without a language keeps the one it had; with one, replaces it.
    expect((await client.patch('/api/v1/settings', { locale: null })).status).toBe(200);
    const again = await client.post('/api/v1/push-subscriptions', {
      endpoint: sub.endpoint,
      keys: sub.keys,
    });
    expect(again.status, again.text).toBe(201);
    expect(await sendTest()).toMatchObject({ title: 'Erinnerungen sind an' });
    const french = await client.post('/api/v1/push-subscriptions', {
      endpoint: sub.endpoint,
      keys: sub.keys,
      locale: 'fr',
    });
    expect(french.status, french.text).toBe(201);
    expect(await sendTest()).toMatchObject({ title: 'Les rappels sont activés' });
    // The pseudo-locale is a language the app has: the server writes English for it.
    const pseudo = await client.post('/api/v1/push-subscriptions', {
      endpoint: sub.endpoint,
      keys: sub.keys,
      locale: 'en-XA',
    });
    expect(pseudo.status, pseudo.text).toBe(201);
    expect(await sendTest()).toMatchObject({ title: 'Reminders are on' });

    // A language the app has no catalog for is refused, and the device keeps its own.
    for (const locale of ['xx', 'de-DE', 'DE', '', 7, null]) {
      expectError(
        await client.post('/api/v1/push-subscriptions', {
          endpoint: sub.endpoint,
          keys: sub.keys,
          locale,
        }),
        422,
        'validation_failed',
      );
    }
    expect(await sendTest()).toMatchObject({ title: 'Reminders are on' });
  });

  it('refuses what it must: foreign push endpoints, other users’ objects, bad times', async () => {
    at('2026-06-10T00:00:00Z');
    const { client, habit, deviceId } = await userWithDevice('UTC');
    const stranger = t.client();
    await stranger.signUp();
    const keys = { p256dh: `B${'A'.repeat(86)}`, auth: 'AAAAAAAAAAAAAAAAAAAAAA' };
    for (const endpoint of [
      'http://169.254.169.254/latest/meta-data',
      'https://evil.example/fcm.googleapis.com',
      'https://fcm.googleapis.com.evil.example/send',
    ]) {
      expectError(
        await stranger.post('/api/v1/push-subscriptions', { endpoint, keys }),
        422,
        'validation_failed',
      );
    }
    expectError(
      await stranger.post('/api/v1/reminders', { habitId: habit.id, time: '08:00' }),
      404,
      'not_found',
    );
    expectError(await stranger.delete(`/api/v1/push-subscriptions/${deviceId}`), 404, 'not_found');
    expectError(
      await stranger.post(`/api/v1/push-subscriptions/${deviceId}/test`),
      404,
      'not_found',
    );
    expectError(
      await stranger.post('/api/v1/vacations', {
        from: '2026-06-10',
        to: '2026-06-11',
        habitIds: [habit.id],
      }),
      422,
      'validation_failed',
    );
    expectError(
      await client.post('/api/v1/reminders', { habitId: habit.id, time: '24:00' }),
      422,
      'validation_failed',
    );
    expectError(
      await client.post('/api/v1/reminders', { habitId: habit.id, time: '08:00', days: [] }),
      422,
      'validation_failed',
    );
    expectError(
      await client.post('/api/v1/vacations', { from: '2026-06-10', to: '2026-06-09' }),
      422,
      'validation_failed',
    );
    expectError(
      await client.post('/api/v1/vacations', { from: '2026-01-01', to: '2027-06-01' }),
      422,
      'validation_failed',
    );
    for (let i = 0; i < 10; i++) await remind(client, habit.id, `0${i}:00`);
    expectError(
      await client.post('/api/v1/reminders', { habitId: habit.id, time: '10:00' }),
      422,
      'validation_failed',
    );
  });
});
