/**
 * The two databases every integration suite runs against: a real PostgreSQL server (started by
 * the data layer's harness, one per test file) and embedded PGlite in a temp folder.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openDatabase } from '@habit-tracker/db';
import { startPostgres } from '@habit-tracker/test-support';
import { afterAll, beforeAll, inject } from 'vitest';

export const DATABASE_KINDS = ['postgres', 'pglite'] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

export interface TestDatabase {
  kind: DatabaseKind;
  database: Database;
  /** PostgreSQL only: the server's url, for extra connections. */
  url?: string;
  close(): Promise<void>;
}

const POOL_SIZE = 5;

/**
 * Opens every pooled connection before the tests run. On a loaded machine a fresh server can take
 * longer than the pool's connect timeout to accept the first few connections, which the app
 * (correctly) reports as 503; that must not fail a test about something else.
 */
async function warmUp(database: Database): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await Promise.all(Array.from({ length: POOL_SIZE }, () => database.ping()));
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

export async function openTestDatabase(kind: DatabaseKind, label: string): Promise<TestDatabase> {
  if (kind === 'postgres') {
    const server = await startPostgres({ label });
    const database = await openDatabase({ url: server.url, poolSize: POOL_SIZE });
    await warmUp(database);
    return {
      kind,
      database,
      url: server.url,
      async close() {
        await database.close();
        await server.stop();
      },
    };
  }
  // A copy of the migrated template made by global-setup.ts: a fresh database, without paying
  // for PGlite's initdb in every file.
  const dir = await mkdtemp(join(tmpdir(), `ht-server-${label}-`));
  const dataDir = join(dir, 'data');
  await cp(inject('pgliteTemplateDir'), dataDir, { recursive: true });
  const database = await openDatabase({ dataDir });
  return {
    kind,
    database,
    async close() {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens both databases for a test file, in parallel (PostgreSQL boots in its own process while
 * PGlite initialises in ours), before any suite runs; closes them after the file.
 */
export function useTestDatabases(label: string, kinds: readonly DatabaseKind[] = DATABASE_KINDS) {
  const opened = new Map<DatabaseKind, TestDatabase>();
  beforeAll(async () => {
    const all = await Promise.allSettled(kinds.map((kind) => openTestDatabase(kind, label)));
    for (const result of all)
      if (result.status === 'fulfilled') opened.set(result.value.kind, result.value);
    const failed = all.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  });
  afterAll(async () => {
    await Promise.all([...opened.values()].map((db) => db.close()));
  });
  return {
    get(kind: DatabaseKind): TestDatabase {
      const db = opened.get(kind);
      if (!db) throw new Error(`${kind} database is not open`);
      return db;
    },
  };
}
