/**
 * Opens the database: PGlite (embedded PostgreSQL in a folder, the default for one machine and
 * for development) or a real PostgreSQL through a node-postgres pool (`url`), optionally with
 * this region's streaming replica beside it (`readUrl`). Every handle is the same drizzle API,
 * so queries are written once against `Db`; which handle a request uses is the caller's choice
 * (see docs/decisions/0006-multi-region-data-routing.md).
 */
import { fileURLToPath } from 'node:url';
import type { Database, OpenDatabaseOptions } from './database';
import { openPostgres } from './postgres-client';

/** The committed SQL migrations of this package. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

const migrators = new WeakMap<Database, () => Promise<void>>();

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const migrationsFolder = options.migrationsFolder ?? MIGRATIONS_FOLDER;
  const { database, migrate: migrator } = options.url
    ? openPostgres(options.url, options, migrationsFolder)
    : await openEmbedded(options.dataDir, migrationsFolder);
  migrators.set(database, migrator);
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
  return openPglite(dataDir, migrationsFolder);
}

/** Applies pending migrations (a no-op when there are none). For release commands and tests. */
export async function migrate(database: Database): Promise<void> {
  const run = migrators.get(database);
  if (!run) throw new Error('migrate(): not a Database opened by openDatabase()');
  await run();
}
