/**
 * The multi-region promises, proven on the lab: a real primary (iad) and streaming replicas
 * behind WAN-delay links, an API server and a Fly-like edge per region, users with their RTTs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, startCluster } from '../src/cluster';
import { type Deployment, startDeployment } from '../src/deployment';
import type { Region, UserName } from '../src/rtt';
import { type LabResponse, LabUser } from '../src/user-client';

let cluster: Cluster | undefined;
let deployment: Deployment | undefined;
const users = {} as Record<UserName, LabUser>;
const habitOf = {} as Record<UserName, string>;
/**
 * The day every check-in of this file is written to and read back from: the app's today when
 * the users were made (asked of the app, not of this machine's clock). Reads ask for that day's
 * history, so the file passes even if the users' midnight comes while it runs.
 */
let day = '';

beforeAll(async () => {
  try {
    cluster = await startCluster();
    deployment = await startDeployment(cluster, 'replicas');
  } catch (error) {
    await deployment?.stop();
    await cluster?.stop();
    throw error;
  }
  for (const name of ['virginia', 'frankfurt', 'singapore'] as const) {
    const user = new LabUser(deployment.users[name]);
    users[name] = user;
    const signUp = await user.post('/api/v1/auth/sign-up', {
      email: `${name}-${crypto.randomUUID()}@example.com`,
      password: 'correct horse battery',
    });
    expect(signUp.status, signUp.text).toBe(201);
    const habit = await user.post('/api/v1/habits', {
      name: `Read (${name})`,
      measure: { kind: 'boolean' },
      schedule: { kind: 'daily' },
    });
    expect(habit.status, habit.text).toBe(201);
    habitOf[name] = habit.body.id;
  }
  const today = await users.virginia.get('/api/v1/today');
  expect(today.status, today.text).toBe(200);
  day = today.body.date;
});

afterAll(async () => {
  for (const user of Object.values(users)) user.close();
  await deployment?.stop();
  await cluster?.stop();
});

function checkIn(name: UserName, note: string, key?: string) {
  return users[name].put(
    `/api/v1/habits/${habitOf[name]}/checkins/${day}`,
    { state: 'done', note },
    key ? { headers: { 'idempotency-key': key } } : {},
  );
}

/** A read: the user's habit on `day` (its history, one day long). */
function readDay(name: UserName) {
  return users[name].get(`/api/v1/habits/${habitOf[name]}/history?from=${day}&to=${day}`);
}

function noteOnDay(res: LabResponse): string | null | undefined {
  return res.body?.checkins?.find((c: { date: string }) => c.date === day)?.note;
}

function onReplica(region: Region, text: string, values?: unknown[]) {
  return cluster!.query(cluster!.replicas[region].url, text, values);
}

function onPrimary(text: string, values?: unknown[]) {
  return cluster!.query(cluster!.primary.url, text, values);
}

describe('the lab', () => {
  it('each region reports its role, its replica and who served the health query', async () => {
    for (const name of ['virginia', 'frankfurt', 'singapore'] as const) {
      const res = await users[name].get('/api/health');
      expect(res.status, res.text).toBe(200);
      const region = deployment!.users[name].region;
      expect(res.body).toMatchObject({
        status: 'ok',
        region,
        database: { reachable: true, kind: 'postgres', servedBy: 'replica' },
        replication: {
          role: region === 'iad' ? 'primary-region' : 'replica-region',
          primaryRegion: 'iad',
          writeRouting: 'replay',
          primaryReachable: true,
          replica: { reachable: true, lagBytes: expect.any(Number) },
        },
      });
    }
  });
});

describe('read-your-writes', () => {
  it('a write in sin is visible to the next read in sin, every time', async () => {
    const replaysBefore = deployment!.regions.sin!.edge.replayCount();
    for (let i = 0; i < 5; i++) {
      const write = await checkIn('singapore', `sin-${i}`);
      expect(write.status, write.text).toBe(200);
      expect(write.headers['x-region']).toBe('iad'); // written in the primary region
      expect(write.headers['x-primary-lsn']).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      const read = await readDay('singapore');
      expect(read.status, read.text).toBe(200);
      expect(noteOnDay(read)).toBe(`sin-${i}`);
    }
    expect(deployment!.regions.sin!.edge.replayCount() - replaysBefore).toBe(5);
  });

  it('with the sin replica paused, the read falls back to the primary and still sees the write', async () => {
    await onReplica('sin', 'select pg_wal_replay_pause()');
    try {
      const write = await checkIn('singapore', 'while-paused');
      expect(write.status, write.text).toBe(200);
      const read = await readDay('singapore');
      expect(read.status, read.text).toBe(200);
      expect(noteOnDay(read)).toBe('while-paused');
      // The fallback really ran: the sin replica does not have the write, and the read was
      // answered in iad after sin waited for its replica and replayed the request.
      const onSin = await onReplica(
        'sin',
        'select note from checkins where habit_id = $1 and date = $2',
        [habitOf.singapore, day],
      );
      expect(onSin[0]?.note).not.toBe('while-paused');
      expect(read.headers['x-region']).toBe('iad');
    } finally {
      await onReplica('sin', 'select pg_wal_replay_resume()');
    }
    // Caught up again, reads are local once more.
    let read: LabResponse | undefined;
    for (let i = 0; i < 50; i++) {
      read = await readDay('singapore');
      if (read.headers['x-region'] === 'sin') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(read!.headers['x-region']).toBe('sin');
    expect(read!.headers['x-read-source']).toMatch(/^replica/);
    expect(noteOnDay(read!)).toBe('while-paused');
  });
});

describe('writes through far edges', () => {
  it('land on the primary exactly once, and an idempotent resend changes nothing', async () => {
    for (const name of ['frankfurt', 'singapore'] as const) {
      const user = users[name];
      const title = `Once (${name} ${crypto.randomUUID()})`;
      const created = await user.post('/api/v1/habits', {
        name: title,
        measure: { kind: 'boolean' },
        schedule: { kind: 'daily' },
      });
      expect(created.status, created.text).toBe(201);
      const habits = await onPrimary('select count(*)::int as n from habits where name = $1', [
        title,
      ]);
      expect(habits[0]!.n).toBe(1);

      const key = `once-${crypto.randomUUID()}`;
      const first = await checkIn(name, `once-${name}`, key);
      const again = await checkIn(name, `once-${name}`, key);
      expect(first.status, first.text).toBe(200);
      expect(again.status, again.text).toBe(200);
      expect(first.headers['idempotency-replayed']).toBeUndefined();
      expect(again.headers['idempotency-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      const records = await onPrimary(
        'select count(*)::int as n from idempotency_keys where key = $1',
        [key],
      );
      expect(records[0]!.n).toBe(1);
    }
  });
});

describe('degraded modes', () => {
  it('primary stopped: reads work everywhere, writes are 503 + Retry-After; back: writes work', async () => {
    await cluster!.primary.halt();
    try {
      for (const name of ['virginia', 'frankfurt', 'singapore'] as const) {
        const read = await readDay(name);
        expect(read.status, `${name}: ${read.text}`).toBe(200);
        expect(read.headers['x-read-source']).toMatch(/^replica/);
        const write = await checkIn(name, `outage-${name}`);
        expect(write.status, `${name}: ${write.text}`).toBe(503);
        expect(write.headers['retry-after']).toMatch(/^\d+$/);
        expect(write.body).toMatchObject({ error: { code: 'unavailable' } });
      }
      const health = await users.singapore.get('/api/health');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({
        status: 'degraded',
        database: { reachable: true, servedBy: 'replica' },
        replication: { primaryReachable: false },
      });
    } finally {
      await cluster!.primary.restart();
    }
    for (const name of ['virginia', 'frankfurt', 'singapore'] as const) {
      const write = await retry(
        () => checkIn(name, `after-${name}`),
        (r) => r.status === 200,
      );
      expect(write.status, write.text).toBe(200);
      const read = await readDay(name);
      expect(noteOnDay(read)).toBe(`after-${name}`);
    }
  });

  it("a region's replica stopped: reads succeed from the primary", async () => {
    await cluster!.replicas.fra.halt();
    try {
      for (let i = 0; i < 3; i++) {
        const read = await readDay('frankfurt');
        expect(read.status, read.text).toBe(200);
        expect(read.headers['x-region']).toBe('fra');
        expect(read.headers['x-read-source']).toMatch(/^primary \(replica unreachable\)/);
        expect(noteOnDay(read)).toBe('after-frankfurt');
      }
      const health = await users.frankfurt.get('/api/health');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({
        status: 'degraded',
        database: { reachable: true, servedBy: 'primary' },
        replication: { primaryReachable: true, replica: { reachable: false } },
      });
    } finally {
      await cluster!.replicas.fra.restart();
    }
  });
});

/** Retries `attempt` until `done` (at most ~15 s): a restarted primary takes a moment to accept. */
async function retry<T>(attempt: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let last = await attempt();
  for (let i = 0; i < 30 && !done(last); i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    last = await attempt();
  }
  return last;
}
