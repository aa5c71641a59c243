/**
 * Which server answers a request's reads — the one place that knows primary from replica
 * (docs/decisions/0006-multi-region-data-routing.md):
 *
 * - choice: a request that writes reads from the primary; a read from this region's replica,
 *   once it has replayed the client's last write (waiting for it, boundedly);
 * - fallback: a replica that cannot be reached hands each query to the primary and is skipped
 *   for a while, so reads do not each pay to find out again;
 * - retry: after a lost connection, the pools' idle connections are discarded so that a read
 *   asked again gets a fresh one.
 */
import type pg from 'pg';
import type { Db, DbHandles, ReadSource, Replication, RequestOptions } from './database';
import { isConnectionFailure, pgErrorCode, SERIALIZATION_FAILURE } from './errors';

/** This region's replica, when there is one: its handle and its WAL positions. */
export interface ReplicaRoute {
  db: Db;
  replication: Pick<Replication, 'replicaAvailable' | 'waitForReplica'>;
}

/**
 * Where a request's reads go. Throws only a replica's answer other than a lost connection (a
 * bug, not an outage).
 */
export async function chooseReadSource(
  replica: ReplicaRoute | undefined,
  options: RequestOptions,
): Promise<ReadSource> {
  if (options.writes) return { from: 'primary', reason: 'write' };
  if (!replica) return { from: 'primary', reason: 'no-replica' };
  const { replication } = replica;
  if (!replication.replicaAvailable()) return { from: 'primary', reason: 'replica-unreachable' };
  if (options.after === undefined) return { from: 'replica', waitedMs: 0 };
  const started = performance.now();
  try {
    if (await replication.waitForReplica(options.after, options.waitMs ?? 0)) {
      return { from: 'replica', waitedMs: performance.now() - started };
    }
  } catch (error) {
    if (!isConnectionFailure(error)) throw error;
    return { from: 'primary', reason: 'replica-unreachable' };
  }
  return { from: 'primary', reason: 'replica-behind' };
}

/** The X-Read-Source words for `source`, given whether the replica is still up. */
export function describeReadSource(source: ReadSource, replicaAvailable: boolean): string {
  if (source.from === 'replica') {
    // The replica may have failed during the request; its reads then went to the primary.
    if (!replicaAvailable) return 'primary (replica unreachable)';
    return source.waitedMs >= 1 ? `replica (waited ${Math.round(source.waitedMs)} ms)` : 'replica';
  }
  if (source.reason === 'replica-behind' || source.reason === 'replica-unreachable') {
    return `primary (${source.reason.replace('-', ' ')})`;
  }
  return 'primary';
}

/** `Database.primary` and `Database.forRequest` over one primary and an optional replica. */
export function createReadRouting(
  primary: Db,
  replica: ReplicaRoute | undefined,
): { primary: DbHandles; forRequest(options?: RequestOptions): Promise<DbHandles> } {
  const replicaAvailable = () => replica?.replication.replicaAvailable() ?? false;
  const handles = (source: ReadSource): DbHandles => ({
    read: source.from === 'replica' && replica ? replica.db : primary,
    write: primary,
    transaction: (fn) => primary.transaction((tx) => fn(tx)),
    source,
    describe: () => describeReadSource(source, replicaAvailable()),
  });
  // The handles that depend on nothing but the reason are made once, not per request.
  const onPrimary = new Map<string, DbHandles>();
  const cached = (source: ReadSource): DbHandles => {
    if (source.from === 'replica' && source.waitedMs > 0) return handles(source);
    const key = source.from === 'replica' ? 'replica' : source.reason;
    let made = onPrimary.get(key);
    if (!made) {
      made = handles(source);
      onPrimary.set(key, made);
    }
    return made;
  };
  return {
    primary: cached({ from: 'primary', reason: 'write' }),
    forRequest: async (options = {}) => cached(await chooseReadSource(replica, options)),
  };
}

/**
 * The retry policy for reads: a lost connection is worth one more try on a fresh connection
 * (see Database.recoverFromConnectionLoss); anything else is not.
 */
export async function recoverFromConnectionLoss(
  error: unknown,
  discardIdleConnections: () => Promise<void>,
): Promise<boolean> {
  if (!isConnectionFailure(error)) return false;
  await discardIdleConnections();
  return true;
}

/** Remembers a replica failure for a while, so reads do not each pay for finding out again. */
export class ReplicaHealth {
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
export class ReplicaFirstPool {
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
