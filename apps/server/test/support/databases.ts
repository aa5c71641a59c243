/**
 * The two databases every integration suite runs against: a real PostgreSQL server (started by
 * the data layer's harness, one per test file) and embedded PGlite in a temp folder.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openDatabase } from '@habit-tracker/db';
import { startPostgres } from '@habit-tracker/db/testing';
import { inject } from 'vitest';

export const DATABASE_KINDS = ['postgres', 'pglite'] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

export interface TestDatabase {
  kind: DatabaseKind;
  database: Database;
  /** PostgreSQL only: the server's url, for extra connections. */
  url?: string;
  close(): Promise<void>;
}

export async function openTestDatabase(kind: DatabaseKind, label: string): Promise<TestDatabase> {
  if (kind === 'postgres') {
    const server = await startPostgres({ label });
    const database = await openDatabase({ url: server.url, poolSize: 5 });
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
