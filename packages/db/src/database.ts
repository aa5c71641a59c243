/**
 * What the data layer hands out: the `Db` every query takes, and the `Database` that
 * openDatabase() returns. Types only, so every module of the package (and both drivers) can
 * share them without importing each other.
 */
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Lsn } from './lsn';
import type * as schema from './schema';

export type Schema = typeof schema;

/** What every query takes: the database itself or a transaction, on either driver. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/**
 * Where a request's reads go, and why. The replica when it may answer; otherwise the primary:
 * the request writes (its reads must see its own writes and those before them), there is no
 * replica (PGlite, one region), the replica cannot be reached, or it has not yet replayed the
 * client's last write (`after`) within the wait.
 */
export type ReadSource =
  | { from: 'replica'; waitedMs: number }
  | { from: 'primary'; reason: 'write' | 'no-replica' | 'replica-unreachable' | 'replica-behind' };

/**
 * What one request (or one job) queries with. Every call site names the handle it uses, so each
 * line says whether it reads or writes:
 *
 *     const habit = await getHabit(read, userId, id);
 *     await deleteHabit(write, userId, id);
 *     await transaction(async (tx) => …);
 */
export interface DbHandles {
  /**
   * Reads: this region's replica when `source` says so (a replica that fails mid-request hands
   * the query to the primary), else the primary.
   */
  read: Db;
  /** Writes of one statement: always the primary. A GET never writes (decision 0002). */
  write: Db;
  /**
   * Runs `fn` in one transaction on the primary (rolled back if it throws). Inside, use only
   * `tx`: on PGlite (a single connection) touching another handle inside the transaction would
   * wait for the transaction to end, so it throws instead.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Where `read` was pointed when the handles were made, and why. */
  source: ReadSource;
  /**
   * `source` in words, as of now — `replica`, `replica (waited 12 ms)`, `primary (replica
   * behind)`, `primary (replica unreachable)` or `primary` — for the X-Read-Source header. A
   * replica that failed after the handles were made reads as unreachable: its reads went to
   * the primary.
   */
  describe(): string;
}

export interface RequestOptions {
  /** The request writes: every handle is the primary (reads too, to see the latest commit). */
  writes?: boolean;
  /**
   * Read-your-writes: the client's last write was at this WAL position, so the replica may
   * answer only once it has replayed that far.
   */
  after?: Lsn;
  /** How long to wait for the replica to reach `after` before giving up on it. Default 0. */
  waitMs?: number;
}

/** A node-postgres pool's connections right now. */
export interface PoolCounters {
  total: number;
  idle: number;
  /** Callers queued for a connection. */
  waiting: number;
}

/** By role; empty on PGlite (one connection, no pool). */
export interface PoolStatistics {
  primary?: PoolCounters;
  replica?: PoolCounters;
}

export interface Database {
  kind: 'pglite' | 'postgres';
  /** True when a separate replica serves reads (a `readUrl` was given). */
  hasReplica: boolean;
  /**
   * Every handle on the primary: for a request that writes (`forRequest({ writes: true })` is
   * this), for work outside requests (jobs, the release command) and for tests.
   */
  primary: DbHandles;
  /**
   * The handles for one request. A write gets `primary`. A read gets this region's replica when
   * there is one and it can be reached — with `after`, once it has replayed that far, waited for
   * up to `waitMs` — and the primary otherwise; `source` says which and why, so the caller can
   * send the request elsewhere instead (docs/decisions/0006-multi-region-data-routing.md).
   * Throws only what the replica answered other than a lost connection.
   */
  forRequest(options?: RequestOptions): Promise<DbHandles>;
  /** Round-trip milliseconds of `select 1` on the primary; throws if it cannot be reached. */
  ping(): Promise<number>;
  /**
   * WAL positions and replica state, for read-your-writes and health. PostgreSQL only: PGlite is
   * one database with nothing to route, so this is undefined there.
   */
  replication: Replication | undefined;
  /** The pools' connection counts, for metrics. */
  poolStatistics(): PoolStatistics;
  /**
   * Closes every idle pooled connection (they are replaced on demand); connections in use are
   * left alone, and this never waits for one.
   */
  discardIdleConnections(): Promise<void>;
  /**
   * After a query failed: true when it failed because its connection was lost, in which case
   * the idle connections — as old as the failed one, and most likely as dead (a machine resumed
   * after a suspend) — have been discarded, and a read may be asked once more on fresh ones.
   * False for any other error: asking again would fail again.
   */
  recoverFromConnectionLoss(error: unknown): Promise<boolean>;
  /** Ends the pool or closes PGlite. Safe to call twice. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A `postgres://` URL: use real PostgreSQL. Without it, PGlite in `dataDir`. */
  url?: string;
  /**
   * This region's read replica (a streaming standby of `url`), for reads (`forRequest`).
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
