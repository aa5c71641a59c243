/**
 * `npm run bench:reminders`: 10,000 reminders due in the same minute, on one machine, sent by the
 * real server process (its reminder sender, as production runs it) on a throwaway PostgreSQL to
 * the local push service (web-push-testing: it checks each VAPID signature and decrypts each
 * payload). Prints the sending rate and the delay distribution, and writes them to
 * docs/benchmarks.md between the reminders markers.
 *
 * The users are spread over zones with DST and with half- and quarter-hour offsets; each has one
 * habit, one reminder at the local time of the chosen minute, and one device. Seeding writes SQL
 * directly (10,000 sign-ups through argon2 would take minutes and measure nothing here).
 */
import { createECDH, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { localDateOf, nextReminderOccurrence } from '@habit-tracker/core';
import { openDatabase } from '@habit-tracker/db';
import {
  readCpuMs,
  SERVER_SOURCE,
  type ServerProcess,
  startPostgres,
  startPushService,
  startServerProcess,
  type TestSubscription,
} from '@habit-tracker/test-support';
import pg from 'pg';
import webpush from 'web-push';

const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
const COUNT = Number(process.env.BENCH_REMINDERS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_REMINDER_CONCURRENCY ?? 64);
const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Singapore',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Australia/Adelaide',
  'America/St_Johns',
  'Pacific/Chatham',
];
const DEADLINE_S = 60;
/**
 * `web-push-testing` (default): the real local push service, which verifies and decrypts every
 * message — on this machine it is also the slowest part. `sink`: an HTTP endpoint that answers 201
 * to everything, to measure the sender alone (encryption, VAPID, database, HTTP).
 */
const MODE = process.env.BENCH_PUSH === 'sink' ? 'sink' : 'web-push-testing';
/**
 * How many web-push-testing processes the devices are spread over (round robin), as real devices
 * are spread over FCM, Mozilla's and Apple's services. One Node process decrypting every message
 * is the bench's own bottleneck, not the sender's.
 */
const PUSH_SERVICES = Math.max(1, Number(process.env.BENCH_PUSH_SERVICES ?? 3));

interface Target {
  /** Every push service origin a subscription may point at. */
  origins: string[];
  subscribe(publicKey: string): Promise<TestSubscription>;
  received(sub: TestSubscription): Promise<number>;
  stop(): Promise<void>;
}

async function startSink(): Promise<Target> {
  const counts = new Map<string, number>();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      counts.set(req.url ?? '', (counts.get(req.url ?? '') ?? 0) + 1);
      res.writeHead(201).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // One browser key pair for every device: the sender still encrypts each message on its own.
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const p256dh = ecdh.getPublicKey().toString('base64url');
  let n = 0;
  return {
    origins: [origin],
    async subscribe() {
      const clientHash = String(n++);
      return {
        endpoint: `${origin}/notify/${clientHash}`,
        keys: { p256dh, auth: randomBytes(16).toString('base64url') },
        clientHash,
      };
    },
    received: async (sub) => counts.get(`/notify/${sub.clientHash}`) ?? 0,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

async function startTarget(): Promise<Target> {
  if (MODE === 'sink') return startSink();
  const services = await Promise.all(Array.from({ length: PUSH_SERVICES }, startPushService));
  const byOrigin = new Map(services.map((service) => [service.origin, service]));
  const serviceOf = (sub: TestSubscription) => byOrigin.get(new URL(sub.endpoint).origin)!;
  let next = 0;
  return {
    origins: services.map((service) => service.origin),
    subscribe: (key) => services[next++ % services.length]!.subscribe(key),
    received: async (sub) => (await serviceOf(sub).messages(sub.clientHash)).length,
    stop: async () => {
      await Promise.all(services.map((service) => service.stop()));
    },
  };
}

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  log(
    `reminders bench: ${COUNT} reminders in one minute, concurrency ${CONCURRENCY}, to ${MODE === 'sink' ? 'a sink' : `${PUSH_SERVICES} × web-push-testing`}`,
  );
  const postgres = await startPostgres({ label: 'bench-reminders' });
  const push = await startTarget();
  const vapid = webpush.generateVAPIDKeys();
  let server: ServerProcess | undefined;
  try {
    // Migrate through the data layer, then seed with plain SQL.
    const database = await openDatabase({ url: postgres.url });
    await database.close();
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();

    // The minute: far enough ahead for seeding and start-up.
    const seedStarted = performance.now();
    const subscriptions: TestSubscription[] = [];
    for (let i = 0; i < COUNT; i += 200) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(200, COUNT - i) }, () => push.subscribe(vapid.publicKey)),
      );
      subscriptions.push(...batch);
      if (i % 2000 === 0) log(`  subscribed ${subscriptions.length} devices at the push service`);
    }
    const estimate = (performance.now() - seedStarted) * 0.5 + 45_000;
    const fireAt = Math.ceil((Date.now() + estimate) / 60_000) * 60_000;
    log(`  every reminder fires at ${new Date(fireAt).toISOString()}`);

    for (let i = 0; i < COUNT; i += 1000) {
      const rows = Array.from({ length: Math.min(1000, COUNT - i) }, (_, k) => {
        const n = i + k;
        const timeZone = ZONES[n % ZONES.length]!;
        const zoned = new Intl.DateTimeFormat('en-GB', {
          timeZone,
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        }).format(new Date(fireAt));
        const settings = { timeZone, dayStartHour: 0 };
        const next = nextReminderOccurrence({ time: zoned, days: null }, settings, fireAt - 1);
        if (next?.at !== fireAt) throw new Error(`${timeZone} ${zoned}: ${next?.at} ≠ ${fireAt}`);
        return {
          userId: crypto.randomUUID(),
          habitId: crypto.randomUUID(),
          timeZone,
          time: zoned,
          date: next.date,
          startDate: localDateOf(fireAt - 2 * 86_400_000, settings),
          sub: subscriptions[n]!,
        };
      });
      const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
      await client.query('begin');
      await client.query(
        `insert into users (id, email, password_hash)
         select id, 'bench-' || id || '@example.com', 'x' from unnest($1::uuid[]) id`,
        [col((r) => r.userId)],
      );
      await client.query(
        `insert into user_settings (user_id, time_zone) select * from unnest($1::uuid[], $2::text[])`,
        [col((r) => r.userId), col((r) => r.timeZone)],
      );
      await client.query(
        `insert into habits (id, user_id, name, color, kind, schedule, position, start_date)
         select h, u, 'Read', '#6366f1', 'boolean', '{"kind":"daily"}', 0, d
         from unnest($1::uuid[], $2::uuid[], $3::date[]) as t(h, u, d)`,
        [col((r) => r.habitId), col((r) => r.userId), col((r) => r.startDate)],
      );
      await client.query(
        `insert into reminders (user_id, habit_id, time, next_fire_at, next_fire_date)
         select u, h, t, to_timestamp($5::double precision / 1000), d
         from unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[]) as x(u, h, t, d)`,
        [
          col((r) => r.userId),
          col((r) => r.habitId),
          col((r) => r.time),
          col((r) => r.date),
          fireAt,
        ],
      );
      await client.query(
        `insert into push_subscriptions (user_id, endpoint, p256dh, auth)
         select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[])`,
        [
          col((r) => r.userId),
          col((r) => r.sub.endpoint),
          col((r) => r.sub.keys.p256dh),
          col((r) => r.sub.keys.auth),
        ],
      );
      await client.query('commit');
    }
    await client.query('analyze');
    log(`  seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

    const started = await startServerProcess({
      entry: SERVER_SOURCE,
      env: {
        DATABASE_URL: postgres.url,
        VAPID_PUBLIC_KEY: vapid.publicKey,
        VAPID_PRIVATE_KEY: vapid.privateKey,
        PUSH_SERVICE_ORIGINS: push.origins.join(','),
        REMINDER_SEND_CONCURRENCY: String(CONCURRENCY),
      },
      echoStderr: true,
    });
    server = started;
    /** The server process's CPU (user + system), from /proc: what sending costs, whatever the load. */
    const serverCpuMs = () => {
      try {
        return readCpuMs(started.pid);
      } catch {
        return Number.NaN;
      }
    };
    const wait = fireAt - Date.now();
    if (wait < 5_000) throw new Error('seeding took longer than planned: run again');
    log(`  server started; waiting ${(wait / 1000).toFixed(0)} s for the minute`);

    await new Promise((r) => setTimeout(r, Math.max(0, fireAt - Date.now() - 2000)));
    const cpuBefore = serverCpuMs();
    let done = 0;
    for (;;) {
      await new Promise((r) => setTimeout(r, 1000));
      const { rows } = await client.query<{ status: string; n: number }>(
        `select status, count(*)::int as n from notification_deliveries group by status`,
      );
      const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
      done = by.sent ?? 0;
      if (Date.now() >= fireAt)
        log(`  +${((Date.now() - fireAt) / 1000).toFixed(0)} s: ${JSON.stringify(by)}`);
      if (done + (by.failed ?? 0) + (by.late ?? 0) >= COUNT) break;
      if (Date.now() > fireAt + 180_000) break;
    }
    const serverCpu = serverCpuMs() - cpuBefore;
    const { rows: delays } = await client.query<{ ms: number }>(
      `select extract(epoch from (d.sent_at - n.fire_at)) * 1000 as ms
       from notification_deliveries d join notifications n on n.id = d.notification_id
       where d.status = 'sent' order by 1`,
    );
    const { rows: states } = await client.query<{ status: string; n: number }>(
      `select status, count(*)::int as n from notification_deliveries group by status order by status`,
    );
    const ms = delays.map((r) => Number(r.ms));
    const pick = (q: number) =>
      ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? Number.NaN;
    const last = ms[ms.length - 1] ?? Number.NaN;
    const first = ms[0] ?? Number.NaN;
    // What the push service decrypted, checked on a sample of devices.
    let received = 0;
    const sample = subscriptions.filter((_, i) => i % 50 === 0);
    for (const sub of sample) received += await push.received(sub);
    const [load] = (await import('node:os')).loadavg();
    await client.end();

    const figures = {
      count: COUNT,
      sent: ms.length,
      states: Object.fromEntries(states.map((s) => [s.status, s.n])),
      firstMs: first,
      p50Ms: pick(0.5),
      p90Ms: pick(0.9),
      p99Ms: pick(0.99),
      lastMs: last,
      rate: ms.length / Math.max(0.001, (last - first) / 1000),
      sampleReceived: `${received}/${sample.length}`,
      loadAverage: load ?? 0,
      serverCpuMsPerReminder: serverCpu / COUNT,
    };
    const verdict = ms.length === COUNT && last <= DEADLINE_S * 1000 ? 'met' : '**missed**';
    log(`\n${JSON.stringify(figures, null, 2)}\nall sent within ${DEADLINE_S} s: ${verdict}`);
    writeSection(figures, verdict, fireAt);
  } finally {
    await server?.stop();
    await push.stop();
    await postgres.stop();
  }
}

function writeSection(
  f: {
    count: number;
    sent: number;
    states: Record<string, number>;
    firstMs: number;
    p50Ms: number;
    p90Ms: number;
    p99Ms: number;
    lastMs: number;
    rate: number;
    sampleReceived: string;
    loadAverage: number;
    serverCpuMsPerReminder: number;
  },
  verdict: string,
  fireAt: number,
): void {
  const s = (v: number) => `${(v / 1000).toFixed(2)} s`;
  const start = `<!-- bench:reminders-${MODE}:start -->`;
  const end = `<!-- bench:reminders-${MODE}:end -->`;
  const target =
    MODE === 'sink'
      ? `an HTTP sink that answers 201 at once (\`BENCH_PUSH=sink\`): the sender alone — planning, encryption, VAPID, the database, HTTP`
      : `${PUSH_SERVICES} web-push-testing processes (\`BENCH_PUSH_SERVICES\`; the devices spread over them in turn, as real devices are over FCM, Mozilla's and Apple's services), each verifying every VAPID signature and decrypting every aes128gcm payload — on this machine the slowest part`;
  const section = `${start}
### 10,000 due in the same minute, to ${MODE === 'sink' ? 'a sink' : 'web-push-testing'}

Measured ${new Date(fireAt).toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench:reminders\` (${cpus().length} cores,
Node ${process.version}, PostgreSQL 15; load average ${f.loadAverage.toFixed(1)} at the end — the machine is shared):
the server process's reminder sender (one lease holder, \`REMINDER_SEND_CONCURRENCY\`=${CONCURRENCY}) sends to
${target}, all on the same machine. ${f.count.toLocaleString('en')} users over ${ZONES.length} zones (DST, +05:30,
+05:45, Lord Howe's 30-minute DST, Chatham's +12:45), each with one daily habit, one reminder at the local
time of the same instant, and one device.

| figure                                   | value |
| ---------------------------------------- | ----: |
| sent (of ${f.count.toLocaleString('en')})                          | ${f.sent.toLocaleString('en')} |
| first sent after its time                | ${s(f.firstMs)} |
| delay p50                                | ${s(f.p50Ms)} |
| delay p90                                | ${s(f.p90Ms)} |
| delay p99                                | ${s(f.p99Ms)} |
| last sent after its time                 | ${s(f.lastMs)} |
| sending rate (first to last)             | ${Math.round(f.rate).toLocaleString('en')} /s |
| arrived at the endpoint (sample of 200)  | ${f.sampleReceived} |
| server CPU per reminder (user + system)  | ${f.serverCpuMsPerReminder.toFixed(2)} ms |
| all sent within ${DEADLINE_S} s                     | ${verdict} |

Delay = the delivery's recorded send time (written back in batches of 32, so slightly after the
request) minus the reminder's instant. Final states: ${Object.entries(f.states)
    .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
    .join(', ')}.
${end}`;
  const path = join(REPO_ROOT, 'docs', 'benchmarks.md');
  let doc = readFileSync(path, 'utf8');
  const heading = '## Reminders (`npm run bench:reminders`)';
  if (!doc.includes(heading)) doc = `${doc.trimEnd()}\n\n${heading}\n`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  const next =
    from >= 0 && to > from
      ? `${doc.slice(0, from)}${section}${doc.slice(to + end.length)}`
      : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, next);
  log('docs/benchmarks.md: reminders section written');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
