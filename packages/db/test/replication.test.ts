/**
 * The primary/replica seam on real PostgreSQL: a streaming replica made by the harness
 * (pg_basebackup -R), reads that fall back to the primary when the replica is gone, and the WAL
 * positions read-your-writes is built on.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { type PostgresServer, startPostgres, startReplica } from '@habit-tracker/test-support';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type Db, getUserById, openDatabase, updateSettings } from '../src/index';
import { createUser } from '../src/queries/users';

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

describe('a database with a streaming replica', () => {
  let primary: PostgresServer;
  let replica: PostgresServer;
  let database: Database;
  /** A read request's handle while the replica was up: the replica, falling back to the primary. */
  let replicaReads: Db;
  const replicaDowns: unknown[] = [];

  beforeAll(async () => {
    primary = await startPostgres({
      label: 'repl-primary',
      settings: { synchronous_commit: 'on' },
    });
    await (await openDatabase({ url: primary.url, poolSize: 1 })).close(); // migrate first
    replica = await startReplica(primary, { label: 'repl-replica' });
    database = await openDatabase({
      url: primary.url,
      readUrl: replica.url,
      poolSize: 3,
      replicaRetryMs: 300,
      onReplicaUnavailable: (error) => replicaDowns.push(error),
      onPoolError: () => {},
    });
    const handles = await database.forRequest();
    expect(handles.source).toEqual({ from: 'replica', waitedMs: 0 });
    replicaReads = handles.read;
  });

  afterAll(async () => {
    await database?.close();
    await replica?.stop();
    await primary?.stop();
  });

  it('the harness made a hot standby that refuses writes', async () => {
    const [row] = await query<{ recovery: boolean }>(
      replica.url,
      'select pg_is_in_recovery() as recovery',
    );
    expect(row!.recovery).toBe(true);
    expect(database.hasReplica).toBe(true);
    await expect(
      updateSettings(replicaReads, crypto.randomUUID(), { weekStart: 2 }),
    ).rejects.toMatchObject({ cause: { code: '25006' } });
  });

  it('a write is on the replica once it has replayed the LSN read after the commit', async () => {
    const { user } = await createUser(database.primary.write, {
      email: 'lsn@example.com',
      passwordHash: 'h',
    });
    const lsn = await database.replication!.primaryLsn();
    expect(await database.replication!.waitForReplica(lsn, 5_000)).toBe(true);
    // Known from memory now: no query needed to say so again.
    expect(await database.replication!.replicaHasReplayed(lsn)).toBe(true);
    expect(await getUserById(replicaReads, user.id)).toEqual(user);
  });

  it('with replay paused the replica is behind, and waiting for it is bounded', async () => {
    await query(replica.url, 'select pg_wal_replay_pause()');
    try {
      const { user } = await createUser(database.primary.write, {
        email: 'paused@example.com',
        passwordHash: 'h',
      });
      const lsn = await database.replication!.primaryLsn();
      const started = performance.now();
      expect(await database.replication!.waitForReplica(lsn, 150)).toBe(false);
      const waited = performance.now() - started;
      expect(waited).toBeGreaterThanOrEqual(140);
      expect(waited).toBeLessThan(1_000);
      expect(await getUserById(replicaReads, user.id)).toBeNull();
      // A request carrying that write's position reads from the primary after a bounded wait.
      const behind = await database.forRequest({ after: lsn, waitMs: 50 });
      expect(behind.source).toEqual({ from: 'primary', reason: 'replica-behind' });
      expect(await getUserById(behind.read, user.id)).toEqual(user);
      const status = await database.replication!.status(2_000);
      expect(status.replica).toMatchObject({ reachable: true, inRecovery: true });
      expect(status.lagBytes).toBeGreaterThan(0);
      expect(status.lagSeconds).toBeGreaterThanOrEqual(0);
    } finally {
      await query(replica.url, 'select pg_wal_replay_resume()');
    }
    const lsn = await database.replication!.primaryLsn();
    expect(await database.replication!.waitForReplica(lsn, 5_000)).toBe(true);
    const status = await database.replication!.status(2_000);
    expect(status.lagBytes).toBe(0);
    expect(status.lagSeconds).toBe(0);
  });

  it('reads go to the primary while the replica is down, and back once it returns', async () => {
    const recovery = async () => {
      // Db is typed for both drivers, so a raw result's shape is node-postgres's, asserted here.
      const result = (await replicaReads.execute(sql`select pg_is_in_recovery() as r`)) as {
        rows: { r: boolean }[];
      };
      return result.rows[0]!.r;
    };
    expect(await recovery()).toBe(true);
    await replica.halt();
    try {
      expect(await recovery()).toBe(false); // answered by the primary
      expect(replicaDowns).toHaveLength(1);
      expect(database.replication!.replicaAvailable()).toBe(false);
      const during = await database.forRequest();
      expect(during.source).toEqual({ from: 'primary', reason: 'replica-unreachable' });
      expect(during.describe()).toBe('primary (replica unreachable)');
      expect(database.poolStatistics().replica).toBeDefined();
      await expect(database.replication!.replicaHasReplayed('FFFFFFFF/0')).rejects.toThrow();
      const status = await database.replication!.status(2_000);
      expect(status.replica).toEqual({ reachable: false, inRecovery: null, replayLsn: null });
      expect(status.primary.reachable).toBe(true);
    } finally {
      await replica.restart();
    }
    await new Promise((resolve) => setTimeout(resolve, 400)); // past replicaRetryMs
    expect(await recovery()).toBe(true);
  });
});

describe('without a replica', () => {
  it('replica is the primary and every LSN counts as replayed', async () => {
    const server = await startPostgres({ label: 'repl-none' });
    const database = await openDatabase({ url: server.url, poolSize: 1 });
    try {
      const handles = await database.forRequest({ after: 'FFFFFFFF/0' });
      expect(handles.read).toBe(database.primary.read);
      expect(handles.source).toEqual({ from: 'primary', reason: 'no-replica' });
      expect(database.hasReplica).toBe(false);
      expect(await database.replication!.replicaHasReplayed('FFFFFFFF/0')).toBe(true);
      expect(await database.replication!.status(2_000)).toMatchObject({ replica: null });
    } finally {
      await database.close();
      await server.stop();
    }
  });
});

describe('a replica that hangs', () => {
  let silent: Server;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    // Accepts connections and never answers: a replica behind a dead network path.
    silent = createServer((socket) => {
      sockets.add(socket);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('does not hold a read-your-writes wait past its deadline', async () => {
    const address = silent.address() as { port: number };
    const database = await openDatabase({
      url: 'postgres://postgres@127.0.0.1:9/none',
      readUrl: `postgres://postgres@127.0.0.1:${address.port}/none`,
      migrate: false,
      onPoolError: () => {},
    });
    try {
      const started = performance.now();
      expect(await database.replication!.waitForReplica('0/1', 100)).toBe(false);
      expect(performance.now() - started).toBeLessThan(500);
    } finally {
      await database.close();
    }
  });
});
