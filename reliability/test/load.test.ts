/**
 * Load on the multi-region lab (lab/: a PostgreSQL primary in iad, streaming replicas behind
 * WAN delays, an API server and a Fly-like edge per region): 1,000 simulated users, a third
 * behind each region's edge, for RELIABILITY_LOAD_SECONDS (60 by default) at a bounded number
 * of requests in flight. The mix is what the app does: Today, history and habit lists; check-ins
 * set and cleared with Idempotency-Keys; habit edits.
 *
 * Goals: no request fails (every answer is the 2xx it should be; a write whose answer is lost is
 * re-sent with its key, as the web app's outbox does); afterwards the primary holds
 * every acknowledged check-in exactly once and none that was cleared (see checkin-ledger.ts),
 * and every habit edit. Figures: throughput, and P50/P95/P99 per region as users see them
 * (their round trip to the edge included).
 */
import { Agent } from 'node:http';
import { runSql as query } from '@habit-tracker/test-support';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Cluster } from '../../lab/src/cluster';
import type { Deployment } from '../../lab/src/deployment';
import { USERS as PLACES, type Region, type UserName } from '../../lab/src/rtt';
import { waitForReplicas } from '../../lab/src/seed';
import { CheckinLedger, type CheckinPutBody, type CheckinWrite } from '../support/checkin-ledger';
import { utcDate } from '../support/dates';
import { HttpClient, type HttpResponse } from '../support/http-client';
import { crashedServers, type Lab, startLab } from '../support/lab';
import { Random, runSeed } from '../support/random';
import { reportFigures } from '../support/results';
import { type SeededHabit, type SeededUser, seedUsers } from '../support/seed-users';
import { sessionCookieName } from '../support/sessions';
import { entry, summarize, tally } from '../support/stats';

const USER_COUNT = 1_000;
const IN_FLIGHT = 50;
const LOAD_SECONDS = Number(process.env.RELIABILITY_LOAD_SECONDS ?? 60);
/** Check-ins are written to today and the 13 days before (the seeded history is older). */
const WRITE_WINDOW_DAYS = 14;
const MIX = { today: 35, history: 10, habits: 5, checkin: 30, uncheck: 10, edit: 10 } as const;
type Operation = keyof typeof MIX;
/** A write whose answer was a failure is re-sent with its key (the failure still counts). */
const WRITE_ATTEMPTS = 3;
/** Past LOAD_SECONDS, only until every user has had a turn (a slow, shared machine). */
const OVERTIME_SECONDS = 60;
const EXPECTED_STATUS: Record<Operation, number> = {
  today: 200,
  history: 200,
  habits: 200,
  checkin: 200,
  uncheck: 204,
  edit: 200,
};

interface SimulatedUser {
  seeded: SeededUser;
  region: Region;
  client: HttpClient;
  /** Check-ins this user has set and not cleared, as `habitId|date`. */
  setCheckins: Set<string>;
  requests: number;
  turns: number;
}

let lab: Lab | undefined;
let cluster: Cluster | undefined;
let deployment: Deployment | undefined;
let seeded: SeededUser[] = [];
const agents = new Map<UserName, Agent>();

beforeAll(async () => {
  lab = await startLab();
  ({ cluster, deployment } = lab);
  seeded = await seedUsers(cluster.primary.url, USER_COUNT, { label: 'load' });
  await waitForReplicas(
    cluster.primary.url,
    Object.values(cluster.replicas).map((r) => r.url),
  );
});

afterAll(async () => {
  for (const agent of agents.values()) agent.destroy();
  await lab?.stop();
});

it(
  'serves 1,000 users in three regions without an error, and stores every acknowledged write exactly once',
  async () => {
    const seed = runSeed();
    const random = new Random(seed);
    const keyPrefix = `load-${seed}-`;
    const ledger = new CheckinLedger(keyPrefix);
    const expectedNames = new Map<string, string>();

    // One keep-alive pool per place (like a busy ISP's NAT in front of many users).
    const users: SimulatedUser[] = seeded.map((s, i) => {
      const place: UserName = PLACES[i % PLACES.length]!;
      const entrance = deployment!.users[place];
      const client = new HttpClient(entrance, { agent: agentFor(place) });
      client.cookies.set(sessionCookieName(true), s.sessionToken);
      return {
        seeded: s,
        region: entrance.region,
        client,
        setCheckins: new Set(),
        requests: 0,
        turns: 0,
      };
    });

    const latencies: Record<string, number[]> = {};
    const writeLatencies: Record<string, number[]> = {};
    const byOperation: Record<string, number> = {};
    const failures: string[] = [];
    let requests = 0;
    let sequence = 0;

    const record = (user: SimulatedUser, op: Operation, res: HttpResponse): boolean => {
      requests++;
      user.requests++;
      tally(byOperation, op);
      entry(latencies, user.region, () => []).push(res.ms);
      if (op === 'checkin' || op === 'uncheck' || op === 'edit') {
        entry(writeLatencies, user.region, () => []).push(res.ms);
      }
      const ok = res.status === EXPECTED_STATUS[op];
      if (ok) return true;
      failures.push(`${user.region} ${op} → ${res.status} ${res.text.slice(0, 200)}`);
      return false;
    };

    /** A write is re-sent, with the same key, when its answer is a failure (at most 3 times). */
    const write = async (
      user: SimulatedUser,
      op: Operation,
      send: () => Promise<HttpResponse>,
    ): Promise<HttpResponse | undefined> => {
      for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
        const res = await send();
        if (record(user, op, res)) return res;
      }
      return undefined;
    };

    const act = async (user: SimulatedUser) => {
      let op = random.weighted(MIX);
      if (op === 'uncheck' && user.setCheckins.size === 0) op = 'checkin';
      const habit: SeededHabit = random.pick(user.seeded.habits);
      const n = sequence++;
      switch (op) {
        case 'today':
          record(user, op, await user.client.get('/api/v1/today'));
          return;
        case 'habits':
          record(user, op, await user.client.get('/api/v1/habits'));
          return;
        case 'history':
          record(user, op, await user.client.get(`/api/v1/habits/${habit.id}/history`));
          return;
        case 'edit': {
          const name = `${habit.kind === 'boolean' ? 'Read' : 'Run'} ${n}`;
          const res = await write(user, op, () =>
            user.client.patch(`/api/v1/habits/${habit.id}`, { name }),
          );
          if (res) expectedNames.set(habit.id, name);
          return;
        }
        case 'checkin': {
          const date = utcDate(random.int(0, WRITE_WINDOW_DAYS - 1));
          const put: CheckinPutBody = random.chance(0.15)
            ? { state: 'skipped', note: `skip ${n}` }
            : {
                state: 'done',
                note: `done ${n}`,
                ...(habit.kind === 'numeric' ? { value: random.int(0, 200) / 10 } : {}),
              };
          const checkin: CheckinWrite = {
            key: `${keyPrefix}${n}`,
            userId: user.seeded.id,
            habitId: habit.id,
            date,
            put,
          };
          const res = await write(user, op, () =>
            user.client.put(`/api/v1/habits/${habit.id}/checkins/${date}`, put, {
              headers: { 'idempotency-key': checkin.key },
            }),
          );
          if (res) {
            ledger.acknowledge(checkin, res.body);
            user.setCheckins.add(`${habit.id}|${date}`);
          }
          return;
        }
        case 'uncheck': {
          const slot = random.pick([...user.setCheckins]);
          const [habitId, date] = slot.split('|') as [string, string];
          const checkin: CheckinWrite = {
            key: `${keyPrefix}${n}`,
            userId: user.seeded.id,
            habitId,
            date,
          };
          const res = await write(user, op, () =>
            user.client.delete(`/api/v1/habits/${habitId}/checkins/${date}`, {
              headers: { 'idempotency-key': checkin.key },
            }),
          );
          if (res) {
            ledger.acknowledge(checkin, null);
            user.setCheckins.delete(slot);
          }
          return;
        }
      }
    };

    // Users take turns; each sends one request at a time, so its writes are acknowledged in order.
    const idle = [...users];
    const started = performance.now();
    const endAt = started + LOAD_SECONDS * 1000;
    // On a slow, shared machine the run goes on until every user has had a turn (bounded).
    const hardEndAt = endAt + OVERTIME_SECONDS * 1000;
    let waiting = users.length;
    const goOn = () => {
      const now = performance.now();
      return now < endAt || (waiting > 0 && now < hardEndAt);
    };
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (goOn()) {
          const user = idle.shift()!;
          if (user.turns++ === 0) waiting--;
          try {
            await act(user);
          } catch (error) {
            requests++;
            failures.push(`${user.region}: ${(error as Error).message}`);
          } finally {
            idle.push(user);
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    const ledgerReport = await ledger.verify(cluster!.primary.url);
    const storedNames = await query<{ id: string; name: string }>(
      cluster!.primary.url,
      'select id::text as id, name from habits where id = any($1::uuid[])',
      [[...expectedNames.keys()]],
    );
    const lostEdits =
      storedNames.filter((h) => expectedNames.get(h.id) !== h.name).length +
      (expectedNames.size - storedNames.length);

    const regions = Object.fromEntries(
      Object.entries(latencies).map(([region, ms]) => {
        const all = summarize(ms);
        const writes = summarize(writeLatencies[region] ?? []);
        return [
          region,
          {
            requests: all.n,
            p50: all.p50,
            p95: all.p95,
            p99: all.p99,
            writeP50: writes.p50,
            writeP95: writes.p95,
          },
        ];
      }),
    );
    reportFigures('load', {
      seed,
      users: USER_COUNT,
      activeUsers: users.filter((u) => u.requests > 0).length,
      inFlight: IN_FLIGHT,
      seconds: Math.round(seconds),
      requests,
      perSecond: Math.round(requests / seconds),
      errors: failures.length,
      byOperation,
      regions,
      checkinWrites: ledgerReport.acknowledged,
      lost: ledgerReport.lost,
      reapplied: ledgerReport.reapplied,
      phantom: ledgerReport.phantom,
      missingRecords: ledgerReport.missingRecords,
      extraRecords: ledgerReport.extraRecords,
      recordMismatch: ledgerReport.recordMismatch,
      habitEdits: expectedNames.size,
      lostEdits,
    });

    expect(failures.slice(0, 10)).toEqual([]);
    expect(crashedServers(deployment!)).toEqual([]);
    expect(ledgerReport.examples).toEqual([]);
    expect(ledgerReport).toMatchObject({
      lost: 0,
      reapplied: 0,
      phantom: 0,
      missingRecords: 0,
      extraRecords: 0,
      recordMismatch: 0,
    });
    expect(lostEdits).toBe(0);
    // The load really ran: every user took part, in every region, every kind of request.
    expect(users.filter((u) => u.requests === 0)).toHaveLength(0);
    expect(Object.keys(regions).sort()).toEqual(['fra', 'iad', 'sin']);
    for (const op of Object.keys(MIX)) expect(byOperation[op] ?? 0).toBeGreaterThan(0);
  },
  (LOAD_SECONDS + OVERTIME_SECONDS + 120) * 1000,
);

function agentFor(place: UserName): Agent {
  let agent = agents.get(place);
  if (!agent) {
    agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
    agents.set(place, agent);
  }
  return agent;
}
