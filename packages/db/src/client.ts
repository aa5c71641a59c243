/**
 * Opens the database: PGlite (embedded PostgreSQL in a folder, the default for one machine and
 * for development) or a real PostgreSQL through a node-postgres pool (`url`), optionally with
 * this region's streaming replica beside it (`readUrl`). Every handle is the same drizzle API,
 * so queries are written once against `Db`; which handle a request uses is the caller's choice
 * (see docs/decisions/0006-multi-region-data-routing.md).
 */
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { isConnectionFailure, pgErrorCode, SERIALIZATION_FAILURE } from './errors';
import { type Lsn, lsnDiff, parseLsn } from './lsn';
import * as schema from './schema';

export type Schema = typeof schema;

/** What every query takes: the database itself or a transaction, on either driver. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  kind: 'pglite' | 'postgres';
  /**
   * The handle request code uses. Opened, it is the primary (reads and writes); the server may
   * hand a request a view of this Database whose `db` is the read handle instead (a GET in a
   * replica region), while `transaction` always stays on the primary.
   */
  db: Db;
  /** The primary: the only place a write can succeed. */
  primary: Db;
  /**
   * Reads from this region's replica, or from the primary while the replica cannot be reached
   * (connection refused, dropped or timed out: the query is asked again on the primary, and the
   * replica is skipped for `replicaRetryMs`). Without a replica (no `readUrl`, or PGlite) this
   * is the primary itself. A replica lags the primary: use `replication` for read-your-writes.
   */
  replica: Db;
  /** True when `replica` is a separate server (a `readUrl` was given). */
  hasReplica: boolean;
  /**
   * Runs `fn` in one transaction on the primary (rolled back if it throws). Inside, use only
   * `tx`: on PGlite (a single connection) touching `db` inside the transaction would wait for the
   * transaction to end, so it throws instead.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Round-trip milliseconds of `select 1` on the primary; throws if it cannot be reached. */
  ping(): Promise<number>;
  /**
   * WAL positions and replica state, for read-your-writes and health. PostgreSQL only: PGlite is
   * one database with nothing to route, so this is undefined there.
   */
  replication: Replication | undefined;
  /** Ends the pool or closes PGlite. Safe to call twice. */
  close(): Promise<void>;
}

/** What read-your-writes and the health check need to know about WAL positions. */
export interface Replication {
  /**
   * The primary's WAL insert position now. Read after a commit, it is at or past that commit:
   * a replica that has replayed up to it shows the write.
   */
  primaryLsn(): Promise<Lsn>;
  /**
   * Whether this region's replica has replayed up to `target`. Answers from memory when an
   * earlier check already saw the replica that far (replay only moves forward), else asks the
   * replica (concurrent callers share one query). True without a separate replica, and when
   * the replica is not in recovery (it is then a primary, current by definition). Throws when
   * the replica cannot be reached, and marks it down.
   */
  replicaHasReplayed(target: Lsn): Promise<boolean>;
  /**
   * Polls `replicaHasReplayed` until it is true or `timeoutMs` has passed (then false). Throws
   * like it when the replica cannot be reached.
   */
  waitForReplica(target: Lsn, timeoutMs: number): Promise<boolean>;
  /** False while the replica is skipped after a failure (or there is none). */
  replicaAvailable(): boolean;
  /** Both servers' state for /api/health; each probe is bounded by `timeoutMs`. */
  status(timeoutMs: number): Promise<ReplicationStatus>;
}

export interface ReplicationStatus {
  primary: { reachable: boolean; lsn: Lsn | null };
  /** Null without a separate replica. */
  replica: {
    reachable: boolean;
    /** False when the "replica" is in fact a primary (promoted, or misconfigured). */
    inRecovery: boolean | null;
    replayLsn: Lsn | null;
  } | null;
  /** WAL bytes the replica has yet to replay; null when either side is unknown. */
  lagBytes: number | null;
  /**
   * Seconds since the replica replayed its last transaction, 0 when it has replayed everything
   * the primary has written; null when unknown. An estimate: after a long idle spell followed by
   * a burst it overstates the lag.
   */
  lagSeconds: number | null;
}

export interface OpenDatabaseOptions {
  /** A `postgres://` URL: use real PostgreSQL. Without it, PGlite in `dataDir`. */
  url?: string;
  /**
   * This region's read replica (a streaming standby of `url`), for `Database.replica`.
   * PostgreSQL only; ignored without `url`.
   */
  readUrl?: string;
  /** PGlite's folder (created if missing); `memory://` for a throwaway in-memory database. */
  dataDir?: string;
  /** Pool size for real PostgreSQL. Default 10. */
  poolSize?: number;
  /** Apply pending migrations before returning. Default true. */
  migrate?: boolean;
  /** Server-side limit per statement (real PostgreSQL only). Default 10 s. */
  statementTimeoutMs?: number;
  /** Where the SQL migrations are; override when this package is bundled (its folder moves). */
  migrationsFolder?: string;
  /** Errors of idle pooled connections (the pool replaces them). Default: console.error. */
  onPoolError?: (error: Error) => void;
  /** Giving up on connecting to the primary. Default 5 s. */
  connectTimeoutMs?: number;
  /**
   * Giving up on connecting to the replica, after which the read goes to the primary. Short,
   * since a slow replica costs every read. Default 1 s.
   */
  replicaConnectTimeoutMs?: number;
  /** After a replica failure, reads go to the primary for this long before trying it again. Default 2 s. */
  replicaRetryMs?: number;
  /** Called when the replica is marked down (reads fall back to the primary). */
  onReplicaUnavailable?: (error: unknown) => void;
}

/** The committed SQL migrations of this package. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

const DEFAULT_POOL_SIZE = 10;
const DEFAULT_STATEMENT_TIMEOUT_MS = 10_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
const DEFAULT_REPLICA_CONNECT_TIMEOUT_MS = 1_000;
const DEFAULT_REPLICA_RETRY_MS = 2_000;
/** Polling a lagging replica: first after 2 ms, doubling to at most every 16 ms. */
const REPLAY_POLL_FIRST_MS = 2;
const REPLAY_POLL_MAX_MS = 16;
/** A replica check may overrun the read-your-writes wait by this much before we stop waiting. */
const REPLICA_CHECK_GRACE_MS = 50;
/** Closes a connection left idle inside a transaction (a bug) so it cannot hold locks forever. */
const IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;
/** Any number, the same in every process: serialises migrations when several machines boot at once. */
const MIGRATION_LOCK_KEY = 0x4854_6462; // "HTdb"

const migrators = new WeakMap<Database, () => Promise<void>>();

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const migrationsFolder = options.migrationsFolder ?? MIGRATIONS_FOLDER;
  const database = options.url
    ? openPostgres(options.url, options, migrationsFolder)
    : await openEmbedded(options.dataDir, migrationsFolder);
  if (options.migrate ?? true) {
    try {
      await migrate(database);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

/**
 * PGlite, loaded only when asked for: its JavaScript and WebAssembly are megabytes that a server
 * on real PostgreSQL would load at every start for nothing (pglite-client.ts).
 */
async function openEmbedded(dataDir: string | undefined, migrationsFolder: string) {
  const { openPglite } = await import('./pglite-client');
  const { database, migrate } = await openPglite(dataDir, migrationsFolder);
  migrators.set(database, migrate);
  return database;
}

/** Applies pending migrations (a no-op when there are none). For release commands and tests. */
export async function migrate(database: Database): Promise<void> {
  const run = migrators.get(database);
  if (!run) throw new Error('migrate(): not a Database opened by openDatabase()');
  await run();
}

function openPostgres(
  url: string,
  options: OpenDatabaseOptions,
  migrationsFolder: string,
): Database {
  const onPoolError =
    options.onPoolError ?? ((error) => console.error('[db] idle connection error:', error));
  const primaryPool = createPool(
    url,
    options,
    options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
  );
  // An idle client's error (server restart, network cut) is emitted on its pool; unhandled, it
  // would crash the process. The pool drops that client and connects a new one when needed.
  primaryPool.on('error', onPoolError);
  // A client checked out (mid-query, mid-transaction) emits its errors on itself, not on the pool:
  // without a listener, a server shutting down (57P01) under load would crash the process. The
  // query in flight still fails with the error; this only keeps the process alive.
  primaryPool.on('connect', (client) => client.on('error', onPoolError));
  const db: Db = drizzleNodePg({ client: primaryPool, schema });

  let replicaPool: pg.Pool | undefined;
  let replicaDb: Db = db;
  const replicaHealth = new ReplicaHealth(
    options.replicaRetryMs ?? DEFAULT_REPLICA_RETRY_MS,
    options.onReplicaUnavailable,
  );
  if (options.readUrl) {
    replicaPool = createPool(
      options.readUrl,
      options,
      options.replicaConnectTimeoutMs ?? DEFAULT_REPLICA_CONNECT_TIMEOUT_MS,
    );
    replicaPool.on('error', onPoolError);
    replicaPool.on('connect', (client) => client.on('error', onPoolError));
    const readPool = new ReplicaFirstPool(replicaPool, primaryPool, replicaHealth);
    // drizzle only calls query() (and connect() for a transaction) on a pool.
    replicaDb = drizzleNodePg({ client: readPool as unknown as pg.Pool, schema });
  }

  let closing: Promise<void> | undefined;
  const database: Database = {
    kind: 'postgres',
    db,
    primary: db,
    replica: replicaDb,
    hasReplica: replicaPool !== undefined,
    transaction: (fn) => db.transaction((tx) => fn(tx)),
    ping: () => timeSelectOne(db),
    replication: postgresReplication(primaryPool, replicaPool, replicaHealth),
    close() {
      closing ??= Promise.all([primaryPool.end(), replicaPool?.end()]).then(() => undefined);
      return closing;
    },
  };
  migrators.set(database, async () => {
    // One dedicated connection holds an advisory lock, so machines booting together take turns
    // and the later ones find nothing left to apply.
    const client = await primaryPool.connect();
    try {
      await client.query('set statement_timeout = 0'); // building an index may take a while
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      try {
        await migrateNodePg(drizzleNodePg({ client }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      }
    } finally {
      client.release(true); // discarded, not pooled: it carries the session settings above
    }
  });
  return database;
}

function createPool(url: string, options: OpenDatabaseOptions, connectTimeoutMs: number): pg.Pool {
  const statementTimeoutMs = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  return new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    connectionTimeoutMillis: connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: 'habit-tracker',
    statement_timeout: statementTimeoutMs,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
    // Client-side backstop for a connection that died without the server noticing.
    query_timeout: statementTimeoutMs + connectTimeoutMs,
  });
}

/** Remembers a replica failure for a while, so reads do not each pay for finding out again. */
class ReplicaHealth {
  private downUntil = 0;

  constructor(
    private readonly retryMs: number,
    private readonly onDown: ((error: unknown) => void) | undefined,
  ) {}

  available(): boolean {
    return Date.now() >= this.downUntil;
  }

  markDown(error: unknown): void {
    const wasAvailable = this.available();
    this.downUntil = Date.now() + this.retryMs;
    if (wasAvailable) this.onDown?.(error);
  }
}

/**
 * A pool-shaped client for drizzle: the replica first, the primary when the replica cannot be
 * reached. Re-asking the primary is safe because a failed connection ran nothing, and reads have
 * no side effects anyway. (Its class name contains "Pool": drizzle checks that before a
 * transaction, to take a dedicated connection.)
 */
class ReplicaFirstPool {
  constructor(
    private readonly replica: pg.Pool,
    private readonly primary: pg.Pool,
    private readonly health: ReplicaHealth,
  ) {}

  async query(config: pg.QueryConfig, values?: unknown[]): Promise<pg.QueryResult> {
    if (!this.health.available()) return this.primary.query(config, values);
    try {
      return await this.replica.query(config, values);
    } catch (error) {
      if (isConnectionFailure(error)) {
        this.health.markDown(error);
      } else if (pgErrorCode(error) !== SERIALIZATION_FAILURE) {
        throw error;
      }
      // 40001 here is a read cancelled by a conflict with WAL replay: the primary has no such
      // conflicts, and the replica itself is fine.
      return this.primary.query(config, values);
    }
  }

  async connect(): Promise<pg.PoolClient> {
    if (!this.health.available()) return this.primary.connect();
    try {
      return await this.replica.connect();
    } catch (error) {
      if (!isConnectionFailure(error)) throw error;
      this.health.markDown(error);
      return this.primary.connect();
    }
  }
}

function postgresReplication(
  primary: pg.Pool,
  replica: pg.Pool | undefined,
  health: ReplicaHealth,
): Replication {
  /** The furthest replay position seen on the replica (it never moves back). */
  let replayedUpTo = -1n;
  /** The replica is a primary (not in recovery): nothing to wait for. */
  let replicaIsPrimary = false;
  let inFlight: Promise<void> | undefined;

  const refresh = (): Promise<void> => {
    if (!replica) return Promise.resolve();
    inFlight ??= replica
      .query<{ lsn: string | null }>('select pg_last_wal_replay_lsn()::text as lsn')
      .then(
        ({ rows }) => {
          const lsn = rows[0]?.lsn ?? null;
          replicaIsPrimary = lsn === null;
          const position = parseLsn(lsn);
          if (position !== undefined && position > replayedUpTo) replayedUpTo = position;
        },
        (error: unknown) => {
          if (isConnectionFailure(error)) health.markDown(error);
          throw error;
        },
      )
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };

  const known = (target: bigint) => replicaIsPrimary || replayedUpTo >= target;

  const replicaHasReplayed = async (target: Lsn): Promise<boolean> => {
    if (!replica) return true;
    const position = parseLsn(target);
    if (position === undefined) throw new Error(`not an LSN: ${target}`);
    if (known(position)) return true;
    await refresh();
    return known(position);
  };

  return {
    async primaryLsn() {
      const { rows } = await primary.query<{ lsn: string }>(
        'select pg_current_wal_insert_lsn()::text as lsn',
      );
      return rows[0]!.lsn;
    },
    replicaHasReplayed,
    async waitForReplica(target, timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      let pause = REPLAY_POLL_FIRST_MS;
      for (;;) {
        // A replica that hangs (rather than refusing) must not hold the caller past its deadline.
        const left = Math.max(0, deadline - performance.now()) + REPLICA_CHECK_GRACE_MS;
        const reached = await withDeadline(replicaHasReplayed(target), left);
        if (reached === true) return true;
        if (reached === TIMED_OUT) return false;
        const remaining = deadline - performance.now();
        if (remaining <= 0) return false;
        await sleep(Math.min(pause, remaining));
        pause = Math.min(pause * 2, REPLAY_POLL_MAX_MS);
      }
    },
    replicaAvailable: () => replica !== undefined && health.available(),
    async status(timeoutMs) {
      const [primaryState, replicaState] = await Promise.all([
        withTimeout(
          primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn'),
          timeoutMs,
        ).then(
          ({ rows }) => ({ reachable: true, lsn: rows[0]!.lsn }),
          () => ({ reachable: false, lsn: null }),
        ),
        replica
          ? withTimeout(
              replica.query<{
                in_recovery: boolean;
                replay_lsn: string | null;
                since_replay_s: number | null;
              }>(
                `select pg_is_in_recovery() as in_recovery,
                        pg_last_wal_replay_lsn()::text as replay_lsn,
                        extract(epoch from now() - pg_last_xact_replay_timestamp())::float8
                          as since_replay_s`,
              ),
              timeoutMs,
            ).then(
              ({ rows }) => ({ reachable: true, ...rows[0]! }),
              (error: unknown) => {
                if (isConnectionFailure(error)) health.markDown(error);
                return undefined;
              },
            )
          : Promise.resolve(null),
      ]);
      if (replicaState === null) {
        return { primary: primaryState, replica: null, lagBytes: null, lagSeconds: null };
      }
      if (replicaState === undefined) {
        return {
          primary: primaryState,
          replica: { reachable: false, inRecovery: null, replayLsn: null },
          lagBytes: null,
          lagSeconds: null,
        };
      }
      const replayLsn = replicaState.in_recovery ? replicaState.replay_lsn : null;
      let lagBytes: number | null = null;
      let lagSeconds: number | null = null;
      if (!replicaState.in_recovery) {
        lagBytes = 0;
        lagSeconds = 0;
      } else if (primaryState.lsn && replayLsn) {
        lagBytes = Math.max(0, lsnDiff(primaryState.lsn, replayLsn));
        lagSeconds = lagBytes === 0 ? 0 : (replicaState.since_replay_s ?? null);
      }
      return {
        primary: primaryState,
        replica: { reachable: true, inRecovery: replicaState.in_recovery, replayLsn },
        lagBytes,
        lagSeconds: lagSeconds === null ? null : Math.round(lagSeconds * 1000) / 1000,
      };
    },
  };
}

const TIMED_OUT = Symbol('timed out');

/** `promise`'s outcome, or TIMED_OUT after `ms`; a failure after that is ignored. */
function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  promise.catch(() => {}); // nobody is waiting for it any more
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database probe timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * One timed query on `db` (any handle: primary, replica, or a request's read handle) that also
 * says whether the server answering it is a standby — the health check's "who served this".
 */
export async function probeServer(db: Db): Promise<{ rttMs: number; inRecovery: boolean }> {
  const started = performance.now();
  // Db is typed for both drivers; both return `rows` for a raw query.
  const result = (await db.execute(sql`select pg_is_in_recovery() as in_recovery`)) as unknown as {
    rows: { in_recovery: boolean }[];
  };
  return { rttMs: performance.now() - started, inRecovery: result.rows[0]?.in_recovery === true };
}

export async function timeSelectOne(db: Db): Promise<number> {
  const started = performance.now();
  await db.execute(sql`select 1`);
  return performance.now() - started;
}
