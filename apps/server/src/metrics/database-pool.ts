/**
 * Connection-pool gauges, read at scrape time from node-postgres pools.
 *
 * The Database interface does not expose its pools, so they are found through drizzle's
 * `$client` (the pg.Pool it was built with) and, for the replica handle, the pool-shaped
 * wrapper's `replica` pool. Anything without pg.Pool's counters (PGlite) is skipped.
 */
import type { Database } from '@habit-tracker/db';
import { Gauge } from 'prom-client';
import { registry } from './registry';

interface PoolCounters {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** The part of a node-postgres pg.Pool this file and the read retry use. */
export interface NodePostgresPool extends PoolCounters {
  connect(): Promise<{ release(destroy?: boolean | Error): void }>;
}

interface Observed {
  database: Database;
  region: string;
}

/** The databases whose pools are reported (one in production; the latest app in tests). */
let observed: Observed | undefined;

new Gauge({
  name: 'habit_db_pool_connections',
  help: 'node-postgres pool connections by pool (primary|replica) and state (total|idle|waiting)',
  labelNames: ['pool', 'state', 'region'] as const,
  registers: [registry],
  collect() {
    this.reset();
    if (!observed) return;
    const { database, region } = observed;
    const pools = nodePostgresPools(database);
    for (const [pool, counters] of Object.entries(pools)) {
      this.set({ pool, state: 'total', region }, counters.totalCount);
      this.set({ pool, state: 'idle', region }, counters.idleCount);
      this.set({ pool, state: 'waiting', region }, counters.waitingCount);
    }
  },
});

/** Reports this database's pools from now on. */
export function observeDatabasePools(database: Database, region: string): void {
  observed = { database, region };
}

/** The database's node-postgres pools, by role; none for PGlite. */
export function nodePostgresPools(database: Database): {
  primary?: NodePostgresPool;
  replica?: NodePostgresPool;
} {
  const primary = asPool(clientOf(database.primary));
  // The replica handle's client is a pool-shaped wrapper holding the replica's own pool.
  const readClient = clientOf(database.replica) as { replica?: unknown } | undefined;
  const replica = database.hasReplica ? asPool(readClient?.replica) : undefined;
  return { ...(primary && { primary }), ...(replica && { replica }) };
}

function clientOf(db: unknown): unknown {
  return (db as { $client?: unknown } | undefined)?.$client;
}

function asPool(candidate: unknown): NodePostgresPool | undefined {
  const pool = candidate as Partial<NodePostgresPool> | undefined;
  return typeof pool?.totalCount === 'number' &&
    typeof pool.idleCount === 'number' &&
    typeof pool.waitingCount === 'number' &&
    typeof pool.connect === 'function'
    ? (pool as NodePostgresPool)
    : undefined;
}
