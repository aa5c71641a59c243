import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createDatabase, type PostgresServer, startPostgres } from '@habit-tracker/test-support';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createUser, findUserByEmail, getUserById, openDatabase } from '../src/index';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

/** Runs the release command the way a deploy does. */
function migrateCli(env: Record<string, string>) {
  return run(process.execPath, ['--import', 'tsx', 'src/migrate-cli.ts'], {
    cwd: packageDir,
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: '', ...env },
  });
}

describe('openDatabase with PGlite', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'habit-pglite-client-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('needs a url or a data folder', async () => {
    await expect(openDatabase({})).rejects.toThrow(/url.*dataDir/);
  });

  it('creates its folder, persists across reopen, guards the single connection', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const database = await openDatabase({ dataDir });
    expect(database.kind).toBe('pglite');
    expect(await database.ping()).toBeGreaterThanOrEqual(0);
    const { read, write, transaction } = database.primary;
    const { user } = await createUser(write, { email: 'ada@example.com', passwordHash: 'h' });

    // An outer handle inside a transaction would wait for the transaction forever: it throws.
    await expect(
      transaction(async (tx) => {
        await getUserById(tx, user.id);
        return getUserById(read, user.id);
      }),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/deadlock.*tx/) } });
    await expect(transaction(() => transaction(async () => 1))).rejects.toThrow(/deadlock/);
    // …and the database is still usable afterwards.
    expect(await transaction((tx) => getUserById(tx, user.id))).toEqual(user);
    // One database: every request reads where it writes, and there are no pools to report.
    const handles = await database.forRequest({ after: '0/1', waitMs: 100 });
    expect(handles.read).toBe(read);
    expect(handles.source).toEqual({ from: 'primary', reason: 'no-replica' });
    expect(handles.describe()).toBe('primary');
    expect(await database.forRequest({ writes: true })).toBe(database.primary);
    expect(database.poolStatistics()).toEqual({});
    expect(await database.recoverFromConnectionLoss(new Error('PGlite is closed'))).toBe(false);

    await database.close();
    await database.close();
    await expect(database.ping()).rejects.toThrow();

    const reopened = await openDatabase({ dataDir });
    try {
      expect(await findUserByEmail(reopened.primary.read, 'ada@example.com')).toEqual(user);
    } finally {
      await reopened.close();
    }
  });

  it('migrate-cli applies migrations to DATA_DIR', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const { stdout } = await migrateCli({ DATA_DIR: dataDir });
    expect(stdout).toMatch(/migrations applied to PGlite/);
  });
});

describe('openDatabase with PostgreSQL', () => {
  let server: PostgresServer;

  beforeAll(async () => {
    server = await startPostgres({ label: 'db-client' });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('pings, and closes twice without complaint', async () => {
    const database = await openDatabase({ url: await createDatabase(server, 'ping') });
    expect(database.kind).toBe('postgres');
    const rtt = await database.ping();
    expect(rtt).toBeGreaterThan(0);
    expect(rtt).toBeLessThan(1000);
    await database.close();
    await database.close();
    await expect(database.ping()).rejects.toThrow();
  });

  it('fails fast when the server cannot be reached', async () => {
    const url = `postgres://postgres@127.0.0.1:${server.port + 1}/nowhere`;
    await expect(openDatabase({ url })).rejects.toThrow();
    const database = await openDatabase({ url, migrate: false });
    try {
      await expect(database.ping()).rejects.toThrow();
    } finally {
      await database.close();
    }
  });

  it('cuts off a statement that runs past the timeout', async () => {
    const database = await openDatabase({
      url: await createDatabase(server, 'timeout'),
      statementTimeoutMs: 200,
    });
    try {
      await expect(database.primary.read.execute(sql`select pg_sleep(5)`)).rejects.toMatchObject({
        cause: { code: '57014' }, // query_canceled
      });
      expect(await database.ping()).toBeGreaterThan(0);
    } finally {
      await database.close();
    }
  });

  it('survives an idle connection being killed', async () => {
    const onPoolError = vi.fn();
    const url = await createDatabase(server, 'idle_kill');
    const database = await openDatabase({ url, onPoolError });
    try {
      await database.ping(); // leaves one idle connection in the pool
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
         where application_name = 'habit-tracker' and datname = current_database()`,
      );
      await admin.end();
      await vi.waitFor(() => expect(onPoolError).toHaveBeenCalled());
      expect(await database.ping()).toBeGreaterThan(0);
    } finally {
      await database.close();
    }
  });

  it('reports its pool, and discards idle connections after a lost one', async () => {
    const database = await openDatabase({ url: await createDatabase(server, 'pool'), poolSize: 3 });
    try {
      await Promise.all([database.ping(), database.ping(), database.ping()]);
      const stats = database.poolStatistics();
      expect(stats.replica).toBeUndefined();
      expect(stats.primary).toMatchObject({ waiting: 0 });
      expect(stats.primary!.idle).toBeGreaterThan(0);
      expect(stats.primary!.total).toBe(stats.primary!.idle);
      // A lost connection: the idle ones go too, and a read may be asked again.
      const lost = new Error('Connection terminated unexpectedly');
      expect(await database.recoverFromConnectionLoss(lost)).toBe(true);
      expect(database.poolStatistics().primary).toEqual({ total: 0, idle: 0, waiting: 0 });
      // Anything else is not worth asking again, and leaves the pool alone.
      await database.ping();
      expect(await database.recoverFromConnectionLoss(new Error('bug'))).toBe(false);
      expect(database.poolStatistics().primary!.idle).toBe(1);
      await database.discardIdleConnections();
      expect(database.poolStatistics().primary!.total).toBe(0);
    } finally {
      await database.close();
    }
  });

  it('lets machines booting together migrate at once (one waits for the other)', async () => {
    const url = await createDatabase(server, 'concurrent_migrate');
    const databases = await Promise.all([1, 2, 3].map(() => openDatabase({ url, poolSize: 2 })));
    try {
      const { user } = await createUser(databases[0]!.primary.write, {
        email: 'x@example.com',
        passwordHash: 'h',
      });
      expect(await getUserById(databases[2]!.primary.read, user.id)).toEqual(user);
    } finally {
      await Promise.all(databases.map((database) => database.close()));
    }
  });

  it('migrate-cli applies migrations to DATABASE_URL', async () => {
    const url = await createDatabase(server, 'cli');
    const { stdout } = await migrateCli({ DATABASE_URL: url });
    expect(stdout).toMatch(/migrations applied to PostgreSQL 127\.0\.0\.1/);
    const database = await openDatabase({ url, migrate: false });
    try {
      await createUser(database.primary.write, { email: 'cli@example.com', passwordHash: 'h' });
    } finally {
      await database.close();
    }
  });
});
