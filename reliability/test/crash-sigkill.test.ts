/**
 * A crash in the middle of writes: the API server (the production bundle) is killed with
 * SIGKILL while clients are writing check-ins, several times, and restarted on the same port
 * each time, as a machine restarts behind Fly's proxy. No drain, no cleanup: whatever the
 * process was doing stops between two instructions.
 *
 * The clients behave like the web app's outbox: every write carries an Idempotency-Key, and a
 * write whose answer never came (reset, refused, 503) is re-sent with the same key until it is
 * acknowledged. Goals: every write is acknowledged in the end; the database holds each one's
 * effect exactly once, never re-applied by a resend, and every check-in with its idempotency
 * record — never one without the other (see checkin-ledger.ts).
 */
import { type PostgresServer, startPostgres } from '@habit-tracker/test-support';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CheckinLedger, type CheckinPutBody, type CheckinWrite } from '../support/checkin-ledger';
import { utcDate } from '../support/dates';
import { HttpClient, type HttpResponse, transportCode } from '../support/http-client';
import { Random, runSeed } from '../support/random';
import { reportFigures } from '../support/results';
import { type SeededUser, seedUsers } from '../support/seed-users';
import { type ServerProcess, startServer } from '../support/server-process';
import { sessionCookieName } from '../support/sessions';
import { tally } from '../support/stats';

const ROUNDS = 5;
/** Writers per round: each owns one habit, so its writes to a check-in are ordered. */
const WRITERS = 8;
const LOAD_BEFORE_KILL_MS = 1_500;
/** Dead for a moment before the new process starts, as a machine restarting. */
const DOWN_MS = 300;
const RESEND_DELAY_MS = 100;
/** A write not acknowledged by then is a failure (the server should be back within seconds). */
const WRITE_DEADLINE_MS = 60_000;
const DATES = 30;

let postgres: PostgresServer;
let server: ServerProcess | undefined;
let env: Record<string, string>;
let users: SeededUser[];

beforeAll(async () => {
  postgres = await startPostgres({
    label: 'reliability-sigkill',
    settings: { synchronous_commit: 'on' },
  });
  env = { DATABASE_URL: postgres.url, NODE_ENV: 'production' };
  server = await startServer(env);
  users = await seedUsers(postgres.url, WRITERS / 2, { label: 'sigkill', historyDays: 0 });
});

afterAll(async () => {
  await server?.stop(1_000);
  await postgres?.stop();
});

it(`SIGKILL mid-write, ${ROUNDS} times: every write lands exactly once, with its idempotency record`, async () => {
  const seed = runSeed();
  const random = new Random(seed);
  const keyPrefix = `sigkill-${seed}-`;
  const ledger = new CheckinLedger(keyPrefix);
  const port = server!.port;
  let stopping = false;
  let inFlight = 0;
  const inFlightAtKill: number[] = [];
  const interruptions: Record<string, number> = {};
  const unexpected: string[] = [];
  let attempts = 0;
  let abandoned = 0;
  /** Acknowledged by a resend whose first attempt had committed: the answer was lost in the crash. */
  let answeredFromRecord = 0;

  /** Sends one write until it is acknowledged; returns the acknowledged response. */
  const deliver = async (send: () => Promise<HttpResponse>) => {
    const deadline = performance.now() + WRITE_DEADLINE_MS;
    let failedBefore = false;
    while (performance.now() < deadline) {
      attempts++;
      inFlight++;
      try {
        const res = await send();
        if (res.status === 200 || res.status === 204) {
          if (failedBefore && res.headers['idempotency-replayed'] === 'true') answeredFromRecord++;
          return res;
        }
        if (res.status !== 503) {
          unexpected.push(`${res.status} ${res.text.slice(0, 200)}`);
          return undefined;
        }
        tally(interruptions, '503');
      } catch (error) {
        const code = transportCode(error);
        if (!code) throw error;
        tally(interruptions, code);
      } finally {
        inFlight--;
      }
      failedBefore = true;
      await new Promise((resolve) => setTimeout(resolve, RESEND_DELAY_MS));
    }
    abandoned++;
    return undefined;
  };

  const writer = async (index: number) => {
    const user = users[Math.floor(index / 2)]!;
    const habit = user.habits[index % 2]!;
    const client = new HttpClient({ host: '127.0.0.1', port });
    client.cookies.set(sessionCookieName(true), user.sessionToken);
    const setDates = new Set<string>();
    try {
      for (let n = 0; !stopping; n++) {
        const key = `${keyPrefix}${index}-${n}`;
        const clear = setDates.size > 0 && random.chance(0.2);
        const date = clear ? random.pick([...setDates]) : utcDate(random.int(0, DATES - 1));
        const path = `/api/v1/habits/${habit.id}/checkins/${date}`;
        const headers = { 'idempotency-key': key };
        const write: CheckinWrite = { key, userId: user.id, habitId: habit.id, date };
        if (!clear) {
          write.put = {
            state: 'done',
            note: `${index}-${n}`,
            ...(habit.kind === 'numeric' ? { value: n } : {}),
          } satisfies CheckinPutBody;
        }
        const res = await deliver(() =>
          write.put
            ? client.put(path, write.put, { headers, timeoutMs: 10_000 })
            : client.delete(path, { headers, timeoutMs: 10_000 }),
        );
        if (!res) return;
        ledger.acknowledge(write, write.put ? res.body : null);
        if (write.put) setDates.add(date);
        else setDates.delete(date);
      }
    } finally {
      client.close();
    }
  };

  const writers = Array.from({ length: WRITERS }, (_, i) => writer(i));
  const restartMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await new Promise((resolve) => setTimeout(resolve, LOAD_BEFORE_KILL_MS));
    inFlightAtKill.push(inFlight);
    server!.signal('SIGKILL');
    const exit = await server!.exited;
    expect(exit.signal).toBe('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, DOWN_MS));
    const restarting = performance.now();
    server = await startServer(env, { port });
    restartMs.push(Math.round(performance.now() - restarting));
  }
  await new Promise((resolve) => setTimeout(resolve, LOAD_BEFORE_KILL_MS));
  stopping = true;
  await Promise.all(writers);

  const report = await ledger.verify(postgres.url);
  reportFigures('crash-sigkill', {
    seed,
    rounds: ROUNDS,
    writers: WRITERS,
    inFlightAtKill,
    attempts,
    acknowledged: report.acknowledged,
    interruptions,
    answeredFromRecord,
    abandoned,
    unexpected: unexpected.length,
    restartMs,
    lost: report.lost,
    reapplied: report.reapplied,
    phantom: report.phantom,
    missingRecords: report.missingRecords,
    extraRecords: report.extraRecords,
    recordMismatch: report.recordMismatch,
  });

  expect(unexpected).toEqual([]);
  expect(abandoned).toBe(0);
  expect(report.examples).toEqual([]);
  expect(report).toMatchObject({
    lost: 0,
    reapplied: 0,
    phantom: 0,
    missingRecords: 0,
    extraRecords: 0,
    recordMismatch: 0,
  });
  // Every kill landed mid-write: writes were in flight, and some attempts were cut off.
  for (const n of inFlightAtKill) expect(n).toBeGreaterThan(0);
  expect(Object.values(interruptions).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(ROUNDS);
  expect(report.acknowledged).toBeGreaterThan(ROUNDS * WRITERS);
});
