/**
 * The primary PostgreSQL stops under load and starts again (same data, same port), in the lab:
 * users in iad, fra and sin keep reading Today and writing check-ins throughout.
 *
 * What users must see (docs/decisions/0006): reads keep succeeding, from each region's replica;
 * writes are refused at once with 503 + Retry-After + the JSON error — never a hang (a refusal
 * within REFUSAL_BOUND_MS, any other answer within ANSWER_BOUND_MS); and the writes a client
 * queued meanwhile, re-sent with the same Idempotency-Key once the primary is back (the web
 * app's outbox), land exactly once.
 */

import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Cluster } from '../../lab/src/cluster';
import type { Deployment } from '../../lab/src/deployment';
import { USERS as PLACES, type UserName } from '../../lab/src/rtt';
import { waitForReplicas } from '../../lab/src/seed';
import { CheckinLedger, type CheckinWrite } from '../support/checkin-ledger';
import { utcDate } from '../support/dates';
import { HttpClient, type HttpResponse } from '../support/http-client';
import { crashedServers, type Lab, startLab } from '../support/lab';
import { Random, runSeed } from '../support/random';
import { reportFigures } from '../support/results';
import { type SeededUser, seedUsers } from '../support/seed-users';
import { sessionCookieName } from '../support/sessions';
import { entry, summarize, tally } from '../support/stats';

const USERS_PER_PLACE = 8;
const BEFORE_MS = 3_000;
const OUTAGE_MS = 6_000;
const AFTER_MS = 3_000;
/** A refused write must come at once: it must not hang on a dead primary. */
const REFUSAL_BOUND_MS = 5_000;
/** Any other answer: wide, because this machine is shared; a hang still shows. */
const ANSWER_BOUND_MS = 10_000;
/** The client gives up later than the bound, so a hang shows as a slow answer, not as a cut. */
const CLIENT_TIMEOUT_MS = 15_000;
/** Queued writes are re-sent this often (the server's Retry-After says 5 s; we are eager). */
const RESEND_EVERY_MS = 1_000;
const MAX_QUEUED = 5;
const DRAIN_DEADLINE_MS = 45_000;
const THINK_MS = 100;

type Phase = 'before' | 'outage' | 'after' | 'drain';

let lab: Lab | undefined;
let cluster: Cluster | undefined;
let deployment: Deployment | undefined;
let seeded: SeededUser[] = [];

beforeAll(async () => {
  lab = await startLab();
  ({ cluster, deployment } = lab);
  seeded = await seedUsers(cluster.primary.url, USERS_PER_PLACE * PLACES.length, {
    label: 'outage',
  });
  await waitForReplicas(
    cluster.primary.url,
    Object.values(cluster.replicas).map((r) => r.url),
  );
});

afterAll(async () => {
  await lab?.stop();
});

it('primary down: reads succeed, writes are 503 + Retry-After at once, queued writes land once after', async () => {
  const seed = runSeed();
  const random = new Random(seed);
  const keyPrefix = `outage-${seed}-`;
  const ledger = new CheckinLedger(keyPrefix);
  let phase: Phase = 'before';

  const reads: Record<string, { ok: number; failed: number }> = {};
  const outageReadSources: Record<string, number> = {};
  const writes = { acknowledged: 0, landedFromQueue: 0 };
  /** Keys of writes answered 503. */
  const refusedKeys = new Set<string>();
  /** Keys of writes whose answer was a refusal: re-sent with the same key, now and then. */
  const resendKeys = new Set<string>();
  /** Keys of writes that had to wait: refused, or behind a refused one in the outbox. */
  const queuedKeys = new Set<string>();
  let drainDeadline = Number.POSITIVE_INFINITY;
  const refusalMs: number[] = [];
  const failures: string[] = [];
  const slow: string[] = [];
  let sequence = 0;

  const timed = (what: string, res: HttpResponse) => {
    const bound = res.status === 503 ? REFUSAL_BOUND_MS : ANSWER_BOUND_MS;
    if (res.ms > bound) slow.push(`${phase} ${what} (${res.status}): ${Math.round(res.ms)} ms`);
  };

  const user = async (seededUser: SeededUser, place: UserName) => {
    const client = new HttpClient(deployment!.users[place]);
    client.cookies.set(sessionCookieName(true), seededUser.sessionToken);
    const outbox: CheckinWrite[] = [];
    let lastAttempt = 0;
    const drainBy = () => phase === 'drain' && performance.now() > drainDeadline;
    try {
      while (!(phase === 'drain' && outbox.length === 0) && !drainBy()) {
        if (phase !== 'drain') {
          const read = await send(client, 'GET', '/api/v1/today');
          const counts = entry(reads, phase, () => ({ ok: 0, failed: 0 }));
          if (typeof read === 'string' || read.status !== 200) {
            counts.failed++;
            const what =
              typeof read === 'string' ? read : `${read.status} ${read.text.slice(0, 200)}`;
            failures.push(`${place} ${phase} read: ${what}`);
          } else {
            counts.ok++;
            timed('read', read);
            if (phase === 'outage') {
              const source = String(read.headers['x-read-source']).replace(/\d+ ms/, 'N ms');
              tally(outageReadSources, `${read.headers['x-region']} ${source}`);
            }
          }
        }
        // New writes queue behind unacknowledged ones, in order, as the web app's outbox does.
        if (phase !== 'drain' && outbox.length < MAX_QUEUED) {
          const habit = random.pick(seededUser.habits);
          const n = sequence++;
          if (outbox[0] && resendKeys.has(outbox[0].key)) queuedKeys.add(`${keyPrefix}${n}`);
          outbox.push({
            key: `${keyPrefix}${n}`,
            userId: seededUser.id,
            habitId: habit.id,
            date: utcDate(random.int(0, 13)),
            put: {
              state: 'done',
              note: `${place} ${n}`,
              ...(habit.kind === 'numeric' ? { value: n } : {}),
            },
          });
        }
        const head = outbox[0];
        const isResend = head !== undefined && resendKeys.has(head.key);
        if (head && (!isResend || performance.now() - lastAttempt >= RESEND_EVERY_MS)) {
          lastAttempt = performance.now();
          const path = `/api/v1/habits/${head.habitId}/checkins/${head.date}`;
          const res = await send(client, 'PUT', path, head);
          if (typeof res === 'string') {
            failures.push(`${place} ${phase} write: ${res}`);
          } else if (res.status === 200) {
            timed('write', res);
            ledger.acknowledge(head, res.body);
            outbox.shift();
            writes.acknowledged++;
            if (queuedKeys.has(head.key)) writes.landedFromQueue++;
          } else if (res.status === 503) {
            timed('refused write', res);
            refusalMs.push(res.ms);
            refusedKeys.add(head.key);
            resendKeys.add(head.key);
            queuedKeys.add(head.key);
            const retryAfter = String(res.headers['retry-after']);
            if (!/^\d+$/.test(retryAfter) || res.body?.error?.code !== 'unavailable') {
              failures.push(
                `${place} 503 without Retry-After or code: ${retryAfter} ${res.text.slice(0, 200)}`,
              );
            }
          } else {
            failures.push(`${place} ${phase} write → ${res.status} ${res.text.slice(0, 200)}`);
            outbox.shift(); // not worth re-sending; the failure fails the test
          }
        }
        await new Promise((resolve) => setTimeout(resolve, THINK_MS));
      }
    } finally {
      client.close();
    }
    return outbox.length;
  };

  const users = seeded.map((s, i) => user(s, PLACES[i % PLACES.length]!));

  await new Promise((resolve) => setTimeout(resolve, BEFORE_MS));
  phase = 'outage';
  const haltStarted = performance.now();
  await cluster!.primary.halt();
  const haltMs = performance.now() - haltStarted;
  await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
  await cluster!.primary.restart();
  phase = 'after';
  await new Promise((resolve) => setTimeout(resolve, AFTER_MS));
  drainDeadline = performance.now() + DRAIN_DEADLINE_MS;
  phase = 'drain';
  const stillQueued = (await Promise.all(users)).reduce((a, b) => a + b, 0);

  const report = await ledger.verify(cluster!.primary.url);
  const refusals = summarize(refusalMs);
  reportFigures('primary-outage', {
    seed,
    users: seeded.length,
    outageMs: OUTAGE_MS,
    haltMs: Math.round(haltMs),
    reads,
    outageReadSources,
    ...writes,
    refused503: refusalMs.length,
    writesRefused: refusedKeys.size,
    writesQueued: queuedKeys.size,
    refusalP50: refusals.p50,
    refusalP95: refusals.p95,
    refusalMax: refusals.max,
    stillQueued,
    failed: failures.length,
    slow: slow.length,
    requests: sent,
    lost: report.lost,
    reapplied: report.reapplied,
    phantom: report.phantom,
    missingRecords: report.missingRecords,
    extraRecords: report.extraRecords,
  });

  expect(crashedServers(deployment!)).toEqual([]);
  expect(failures.slice(0, 10)).toEqual([]);
  expect(slow.slice(0, 10)).toEqual([]);
  expect(stillQueued).toBe(0);
  expect(report.examples).toEqual([]);
  expect(report).toMatchObject({
    lost: 0,
    reapplied: 0,
    phantom: 0,
    missingRecords: 0,
    extraRecords: 0,
    recordMismatch: 0,
  });
  // The outage was real and seen: reads during it, writes refused, queued writes landing after.
  expect(reads.outage?.ok ?? 0).toBeGreaterThan(seeded.length);
  expect(refusedKeys.size).toBeGreaterThan(0);
  expect(writes.landedFromQueue).toBe(queuedKeys.size);
  expect(queuedKeys.size).toBeGreaterThan(0);
});

let sent = 0;

/** One request within the client bound; a transport failure comes back as its message. */
async function send(
  client: HttpClient,
  method: 'GET' | 'PUT',
  path: string,
  write?: CheckinWrite,
): Promise<HttpResponse | string> {
  try {
    sent++;
    return await client.send(method, path, {
      timeoutMs: CLIENT_TIMEOUT_MS,
      ...(write ? { json: write.put, headers: { 'idempotency-key': write.key } } : {}),
    });
  } catch (error) {
    return (error as Error).message;
  }
}
