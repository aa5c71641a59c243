/**
 * Real PostgreSQL through node-postgres pools: the primary (`url`) and, optionally, this
 * region's streaming replica (`readUrl`). Every connection is bounded (connect, statement and
 * idle-in-transaction timeouts) and every pool error is caught, so a database going away costs
 * requests, never the process.
 */
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Database, Db, OpenDatabaseOptions, PoolCounters } from './database';
import { timeSelectOne } from './probes';
import {
  createReadRouting,
  ReplicaFirstPool,
  ReplicaHealth,
  recoverFromConnectionLoss,
} from './read-routing';
import { postgresReplication } from './replication';
import * as schema from './schema';

/** What OpenDatabaseOptions left unsaid means. */
const DEFAULTS = {
  poolSize: 10,
  statementTimeoutMs: 10_000,
  connectTimeoutMs: 5_000,
  replicaConnectTimeoutMs: 1_000,
  replicaRetryMs: 2_000,
} satisfies OpenDatabaseOptions;
/** Closes a connection left idle inside a transaction (a bug) so it cannot hold locks forever. */
const IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;
/** Any number, the same in every process: serialises migrations when several machines boot at once. */
const MIGRATION_LOCK_KEY = 0x4854_6462; // "HTdb"

export function openPostgres(
  url: string,
  options: OpenDatabaseOptions,
  migrationsFolder: string,
): { database: Database; migrate: () => Promise<void> } {
  const onPoolError =
    options.onPoolError ?? ((error) => console.error('[db] idle connection error:', error));
  const primaryPool = createPool(
    url,
    options,
    options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs,
    onPoolError,
  );
  const db: Db = drizzleNodePg({ client: primaryPool, schema });

  let replicaPool: pg.Pool | undefined;
  let replicaDb: Db | undefined;
  const replicaHealth = new ReplicaHealth(
    options.replicaRetryMs ?? DEFAULTS.replicaRetryMs,
    options.onReplicaUnavailable,
  );
  if (options.readUrl) {
    replicaPool = createPool(
      options.readUrl,
      options,
      options.replicaConnectTimeoutMs ?? DEFAULTS.replicaConnectTimeoutMs,
      onPoolError,
    );
    const readPool = new ReplicaFirstPool(replicaPool, primaryPool, replicaHealth);
    // drizzle only calls query() (and connect() for a transaction) on a pool.
    replicaDb = drizzleNodePg({ client: readPool as unknown as pg.Pool, schema });
  }

  const replication = postgresReplication(primaryPool, replicaPool, replicaHealth);
  const routing = createReadRouting(
    db,
    replicaDb === undefined ? undefined : { db: replicaDb, replication },
  );
  const pools = { primary: primaryPool, ...(replicaPool && { replica: replicaPool }) };
  const discardIdleConnections = async () => {
    await Promise.all(Object.values(pools).map(discardIdle));
  };

  let closing: Promise<void> | undefined;
  const database: Database = {
    kind: 'postgres',
    hasReplica: replicaDb !== undefined,
    ...routing,
    ping: () => timeSelectOne(db),
    replication,
    poolStatistics: () =>
      Object.fromEntries(Object.entries(pools).map(([role, pool]) => [role, countersOf(pool)])),
    discardIdleConnections,
    recoverFromConnectionLoss: (error) => recoverFromConnectionLoss(error, discardIdleConnections),
    close() {
      closing ??= Promise.all([primaryPool.end(), replicaPool?.end()]).then(() => undefined);
      return closing;
    },
  };
  const migrate = async () => {
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
  };
  return { database, migrate };
}

function createPool(
  url: string,
  options: OpenDatabaseOptions,
  connectTimeoutMs: number,
  onPoolError: (error: Error) => void,
): pg.Pool {
  const statementTimeoutMs = options.statementTimeoutMs ?? DEFAULTS.statementTimeoutMs;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? DEFAULTS.poolSize,
    connectionTimeoutMillis: connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: 'habit-tracker',
    statement_timeout: statementTimeoutMs,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
    // Client-side backstop for a connection that died without the server noticing.
    query_timeout: statementTimeoutMs + connectTimeoutMs,
  });
  // An idle client's error (server restart, network cut) is emitted on its pool; unhandled, it
  // would crash the process. The pool drops that client and connects a new one when needed.
  pool.on('error', onPoolError);
  // A client checked out (mid-query, mid-transaction) emits its errors on itself, not on the pool:
  // without a listener, a server shutting down (57P01) under load would crash the process. The
  // query in flight still fails with the error; this only keeps the process alive.
  pool.on('connect', (client) => client.on('error', onPoolError));
  return pool;
}

function countersOf(pool: pg.Pool): PoolCounters {
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

/**
 * Closes every connection idle in `pool`, through the public API: an idle connection checked
 * out and released with `true` is destroyed. Connections in use are left alone, and this never
 * waits for one.
 */
async function discardIdle(pool: pg.Pool): Promise<void> {
  for (let left = pool.idleCount; left > 0 && pool.idleCount > 0; left--) {
    const client = await pool.connect();
    client.release(true);
  }
}
