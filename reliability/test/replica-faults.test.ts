/**
 * Replica faults in the lab: first sin's replica stopped, then the far replicas (fra, sin)
 * lagging by several seconds (their WAL replay paused), then caught up again.
 *
 * Users write a check-in through their own region's edge and at once read it back through
 * every region's edge — the far ones too, as a traveller or an anycast hop would. Goal: 0 stale
 * reads of a user's own writes: a region whose replica is down reads from the primary, and one
 * whose replica has not replayed the write within READ_YOUR_WRITES_WAIT_MS sends the read to
 * the primary region (docs/decisions/0006). The tests also check each fault really happened,
 * by the read sources the servers report and by the lag /api/health reports.
 */

import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Cluster } from '../../lab/src/cluster';
import type { Deployment } from '../../lab/src/deployment';
import { USERS as PLACES, type Region, type UserName } from '../../lab/src/rtt';
import { waitForReplicas } from '../../lab/src/seed';
import { utcDate } from '../support/dates';
import { HttpClient } from '../support/http-client';
import { crashedServers, type Lab, startLab } from '../support/lab';
import { runSeed } from '../support/random';
import { reportFigures } from '../support/results';
import { type SeededUser, seedUsers } from '../support/seed-users';
import { sessionCookieName } from '../support/sessions';
import { tally } from '../support/stats';

const USERS_PER_PLACE = 2;
const STOPPED_ROUNDS = 5;
/** Replay stays paused at least this long, so the lag is several seconds. */
const PAUSED_MS = 5_000;
const MIN_LAG_SECONDS = 3;
const RECOVERY_DEADLINE_MS = 30_000;
const FAR_REGIONS = ['fra', 'sin'] as const;

interface PairStats {
  pairs: number;
  reads: number;
  stale: number;
  errors: string[];
  /** `region source` → reads, e.g. `sin primary (replica unreachable)`. */
  sources: Record<string, number>;
}

let lab: Lab | undefined;
let cluster: Cluster | undefined;
let deployment: Deployment | undefined;
const clients: { client: HttpClient; user: SeededUser; home: UserName }[] = [];
const keyPrefix = `replica-${runSeed()}-`;
let sequence = 0;

beforeAll(async () => {
  lab = await startLab();
  ({ cluster, deployment } = lab);
  const seeded = await seedUsers(cluster.primary.url, USERS_PER_PLACE * PLACES.length, {
    label: 'replica',
  });
  await waitForReplicas(
    cluster.primary.url,
    Object.values(cluster.replicas).map((r) => r.url),
  );
  seeded.forEach((user, i) => {
    const home = PLACES[i % PLACES.length]!;
    const client = new HttpClient(deployment!.users[home]);
    client.cookies.set(sessionCookieName(true), user.sessionToken);
    clients.push({ client, user, home });
  });
});

afterAll(async () => {
  for (const { client } of clients) client.close();
  await lab?.stop();
});

/**
 * Each user, concurrently: writes a check-in at home, then reads it back through every region's
 * edge — until `rounds` pairs are done and `minMs` has passed.
 */
async function writeThenReadEverywhere(rounds: number, minMs = 0): Promise<PairStats> {
  const stats: PairStats = { pairs: 0, reads: 0, stale: 0, errors: [], sources: {} };
  const until = performance.now() + minMs;
  await Promise.all(
    clients.map(async ({ client, user, home }) => {
      const habit = user.habits[0];
      for (let round = 0; round < rounds || performance.now() < until; round++) {
        const date = utcDate(round % 7);
        const n = sequence++;
        const note = `${home} ${n}`;
        const path = `/api/v1/habits/${habit.id}/checkins/${date}`;
        const write = await client.put(
          path,
          { state: 'done', note },
          {
            headers: { 'idempotency-key': `${keyPrefix}${n}` },
          },
        );
        if (write.status !== 200) {
          stats.errors.push(`${home} write → ${write.status} ${write.text.slice(0, 200)}`);
          continue;
        }
        stats.pairs++;
        for (const place of PLACES) {
          const entry = deployment!.users[place];
          const read = await client.get(
            `/api/v1/habits/${habit.id}/history?from=${date}&to=${date}`,
            { to: entry },
          );
          stats.reads++;
          if (read.status !== 200) {
            stats.errors.push(
              `${home}→${entry.region} read → ${read.status} ${read.text.slice(0, 200)}`,
            );
            continue;
          }
          const source = String(read.headers['x-read-source']).replace(/\d+ ms/, 'N ms');
          tally(stats.sources, `${entry.region}→${read.headers['x-region']} ${source}`);
          if (read.body?.checkins?.[0]?.note !== note) stats.stale++;
        }
      }
    }),
  );
  return stats;
}

function onReplica(region: Region, sql: string) {
  return cluster!.query(cluster!.replicas[region].url, sql);
}

/** Reads through `region` until it is served from its own replica again; returns how long it took. */
async function untilServedByReplica(region: Region): Promise<number> {
  const started = performance.now();
  const { client, user } = clients[0]!;
  const entry = Object.values(deployment!.users).find((u) => u.region === region)!;
  while (performance.now() - started < RECOVERY_DEADLINE_MS) {
    const read = await client.get(
      `/api/v1/habits/${user.habits[0].id}/history?from=${utcDate()}&to=${utcDate()}`,
      { to: entry },
    );
    if (
      read.headers['x-region'] === region &&
      String(read.headers['x-read-source']).startsWith('replica')
    ) {
      return performance.now() - started;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `${region} did not read from its replica again within ${RECOVERY_DEADLINE_MS} ms`,
  );
}

it('a stopped replica: every read shows the reader’s own write, served by the primary', async () => {
  await cluster!.replicas.sin.halt();
  let stats: PairStats;
  try {
    stats = await writeThenReadEverywhere(STOPPED_ROUNDS);
  } finally {
    await cluster!.replicas.sin.restart();
  }
  const recoveryMs = await untilServedByReplica('sin');
  reportFigures('replica-stopped', {
    region: 'sin',
    pairs: stats.pairs,
    reads: stats.reads,
    stale: stats.stale,
    errors: stats.errors.length,
    sources: stats.sources,
    backOnReplicaMs: Math.round(recoveryMs),
  });
  expect(crashedServers(deployment!)).toEqual([]);
  expect(stats.errors).toEqual([]);
  expect(stats.stale).toBe(0);
  expect(stats.pairs).toBeGreaterThanOrEqual(clients.length * STOPPED_ROUNDS * 0.9);
  // The fault was real: sin read from the primary because its replica was unreachable.
  expect(stats.sources['sin→sin primary (replica unreachable)'] ?? 0).toBeGreaterThan(0);
});

it('replicas lagging by seconds: 0 stale reads; far reads go to the primary region until caught up', async () => {
  await Promise.all(FAR_REGIONS.map((r) => onReplica(r, 'select pg_wal_replay_pause()')));
  let stats: PairStats;
  let lagSeconds: Record<string, number> = {};
  try {
    stats = await writeThenReadEverywhere(1, PAUSED_MS);
    lagSeconds = Object.fromEntries(
      await Promise.all(
        FAR_REGIONS.map(async (region) => {
          // Without a user's read-your-writes token, or the region would hand the read to iad.
          const anonymous = new HttpClient(
            Object.values(deployment!.users).find((u) => u.region === region)!,
          );
          const health = await anonymous.get('/api/health');
          anonymous.close();
          expect(health.headers['x-region']).toBe(region);
          return [region, Number(health.body?.replication?.replica?.lagSeconds)] as const;
        }),
      ),
    );
  } finally {
    await Promise.all(FAR_REGIONS.map((r) => onReplica(r, 'select pg_wal_replay_resume()')));
  }
  const caughtUpMs = Object.fromEntries(
    await Promise.all(
      FAR_REGIONS.map(async (r) => [r, Math.round(await untilServedByReplica(r))] as const),
    ),
  );
  reportFigures('replica-lag', {
    pausedMs: PAUSED_MS,
    lagSeconds,
    pairs: stats.pairs,
    reads: stats.reads,
    stale: stats.stale,
    errors: stats.errors.length,
    sources: stats.sources,
    caughtUpMs,
  });
  expect(crashedServers(deployment!)).toEqual([]);
  expect(stats.errors).toEqual([]);
  expect(stats.stale).toBe(0);
  expect(stats.pairs).toBeGreaterThan(clients.length);
  // The lag was real and long: both far regions reported seconds of it, and sent reads to iad.
  for (const region of FAR_REGIONS) {
    expect(lagSeconds[region]).toBeGreaterThanOrEqual(MIN_LAG_SECONDS);
    const replayed = Object.entries(stats.sources)
      .filter(([key]) => key.startsWith(`${region}→iad`))
      .reduce((sum, [, n]) => sum + n, 0);
    expect(replayed).toBeGreaterThan(0);
  }
});
