/**
 * Opens the database: PGlite (embedded PostgreSQL in a folder, the default for one machine and
 * for development) or a real PostgreSQL through a node-postgres pool (`url`). Both give the same
 * drizzle API, so queries are written once against `Db`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;

/** What every query takes: the database itself or a transaction, on either driver. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  kind: 'pglite' | 'postgres';
  /**
   * Reads and writes. Today this is the only connection (the primary). When read replicas arrive
   * this is where they split: a `read` handle for GETs next to this one, which stays the primary,
   * so a write can never land on a replica by accident.
   */
  db: Db;
  /**
   * Runs `fn` in one transaction (rolled back if it throws). Inside, use only `tx`: on PGlite (a
   * single connection) touching `db` inside the transaction would wait for the transaction to end,
   * so it throws instead.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Round-trip milliseconds of `select 1`; throws if the database cannot be reached. */
  ping(): Promise<number>;
  /** Ends the pool or closes PGlite. Safe to call twice. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A `postgres://` URL: use real PostgreSQL. Without it, PGlite in `dataDir`. */
  url?: string;
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
}

/** The committed SQL migrations of this package. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

const DEFAULT_POOL_SIZE = 10;
const DEFAULT_STATEMENT_TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_MS = 5_000;
/** Closes a connection left idle inside a transaction (a bug) so it cannot hold locks forever. */
const IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;
/** Any number, the same in every process: serialises migrations when several machines boot at once. */
const MIGRATION_LOCK_KEY = 0x4854_6462; // "HTdb"

const migrators = new WeakMap<Database, () => Promise<void>>();

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const migrationsFolder = options.migrationsFolder ?? MIGRATIONS_FOLDER;
  const database = options.url
    ? openPostgres(options.url, options, migrationsFolder)
    : await openPglite(options.dataDir, migrationsFolder);
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
  const statementTimeoutMs = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: 'habit-tracker',
    statement_timeout: statementTimeoutMs,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
    // Client-side backstop for a connection that died without the server noticing.
    query_timeout: statementTimeoutMs + CONNECT_TIMEOUT_MS,
  });
  // An idle client's error (server restart, network cut) is emitted on the pool; unhandled, it
  // would crash the process. The pool drops that client and connects a new one when needed.
  pool.on(
    'error',
    options.onPoolError ?? ((error) => console.error('[db] idle connection error:', error)),
  );
  const db: Db = drizzleNodePg({ client: pool, schema });

  let closing: Promise<void> | undefined;
  const database: Database = {
    kind: 'postgres',
    db,
    transaction: (fn) => db.transaction((tx) => fn(tx)),
    ping: () => timeSelectOne(db),
    close() {
      closing ??= pool.end();
      return closing;
    },
  };
  migrators.set(database, async () => {
    // One dedicated connection holds an advisory lock, so machines booting together take turns
    // and the later ones find nothing left to apply.
    const client = await pool.connect();
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

async function openPglite(
  dataDir: string | undefined,
  migrationsFolder: string,
): Promise<Database> {
  if (!dataDir) {
    throw new Error('openDatabase: give `url` (PostgreSQL) or `dataDir` (embedded PGlite)');
  }
  if (!dataDir.includes('://')) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create({ dataDir });

  // PGlite is one connection: its transaction() holds a lock that every other query waits for,
  // so concurrent requests never interleave inside a transaction. The cost is that a query on
  // the outer db from inside a transaction would wait forever; this turns that into an error.
  const inTransaction = new AsyncLocalStorage<true>();
  const assertOutsideTransaction = () => {
    if (inTransaction.getStore()) {
      throw new Error(
        'PGlite: query on the database object inside database.transaction() would deadlock; use the `tx` argument',
      );
    }
  };
  const guarded = {
    query: ((...args: Parameters<PGlite['query']>) => {
      assertOutsideTransaction();
      return pglite.query(...args);
    }) as PGlite['query'],
    transaction: ((callback) => {
      assertOutsideTransaction();
      return pglite.transaction((tx) => inTransaction.run(true, () => callback(tx)));
    }) as PGlite['transaction'],
  };
  // drizzle's PGlite session only calls query() and transaction() on its client.
  const db: Db = drizzlePglite({ client: guarded as unknown as PGlite, schema });

  let closing: Promise<void> | undefined;
  const database: Database = {
    kind: 'pglite',
    db,
    transaction: (fn) => db.transaction((tx) => fn(tx)),
    ping: () => timeSelectOne(db),
    close() {
      closing ??= pglite.closed ? Promise.resolve() : pglite.close();
      return closing;
    },
  };
  migrators.set(database, () =>
    migratePglite(drizzlePglite({ client: pglite }), { migrationsFolder }),
  );
  return database;
}

async function timeSelectOne(db: Db): Promise<number> {
  const started = performance.now();
  await db.execute(sql`select 1`);
  return performance.now() - started;
}
