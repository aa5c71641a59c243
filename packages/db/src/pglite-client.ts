/**
 * The embedded database: PGlite (PostgreSQL compiled to WebAssembly) in a folder — the default
 * for one machine and for development. Imported dynamically by open.ts, so a server on real
 * PostgreSQL never loads it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database, Db } from './database';
import { timeSelectOne } from './probes';
import { createReadRouting } from './read-routing';
import * as schema from './schema';

/**
 * Sized for one small machine: PostgreSQL's default 128 MB of shared buffers (PGlite's: 160 MB)
 * is zeroed at every start inside the WebAssembly memory, so it was most of an idle server's
 * RSS (333–361 MiB on an existing data folder). With 16 MB the OS page cache holds the rest of
 * the data files, as it does for any PostgreSQL; docs/benchmarks.md measures both.
 */
const EMBEDDED_SETTINGS = ['shared_buffers=16MB'];

export async function openPglite(
  dataDir: string | undefined,
  migrationsFolder: string,
): Promise<{ database: Database; migrate: () => Promise<void> }> {
  if (!dataDir) {
    throw new Error('openDatabase: give `url` (PostgreSQL) or `dataDir` (embedded PGlite)');
  }
  if (!dataDir.includes('://')) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create({ dataDir, postgresqlconf: EMBEDDED_SETTINGS });

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
    hasReplica: false,
    ...createReadRouting(db, undefined),
    ping: () => timeSelectOne(db),
    replication: undefined,
    poolStatistics: () => ({}),
    discardIdleConnections: async () => {},
    // One in-process connection: nothing was lost that asking again would find.
    recoverFromConnectionLoss: async () => false,
    close() {
      closing ??= pglite.closed ? Promise.resolve() : pglite.close();
      return closing;
    },
  };
  const migrate = () => migratePglite(drizzlePglite({ client: pglite }), { migrationsFolder });
  return { database, migrate };
}
