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
